// @tib/verify: inspect a built image and compare it with what the plan promised.
export type { VerifyOptions, VerifyReport, CheckResult, CheckStatus, Inspector } from './types';
export { verifyImage, VerifyInputError, defaultConsoleLog } from './verify-image';
export { formatReport } from './report';
export { secretValuesFor } from './secrets';
export type { SecretSources } from './secrets';
export { ToolError, MissingToolError } from './exec';
export { InspectError } from './inspect/inspect';
