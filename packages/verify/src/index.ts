// @tib/verify: inspect a built image and compare it with what the plan promised.
export type { VerifyOptions, VerifyReport, CheckResult, CheckStatus } from './types';
