// @tib/verify: inspect a built image and compare it with what the plan promised.
export type { VerifyOptions, VerifyReport, CheckResult, CheckStatus, Inspector } from './types';
export { verifyImage, VerifyInputError, defaultConsoleLog } from './verify-image';
export { formatReport } from './report';
export { secretValuesFor } from './secrets';
export { ToolError, MissingToolError } from './exec';
export { InspectError } from './inspect/inspect';
export { prepareController } from './controller/prepare';
export type { PrepareOptions } from './controller/prepare';
export type { ControllerChoice } from './controller/runtime';
export type { ConversationOptions } from './types';
