import type { Expectation, Plan } from '@tib/core';

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One row of the verify table. */
export interface CheckResult {
  /** Stable id, e.g. `service:trove-guestagent`, `boot:network`. */
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found: a package version, a unit state, a log line. */
  readonly evidence: string;
  readonly expectation?: Expectation;
}

export interface VerifyOptions {
  readonly image: string;
  readonly plan: Plan;
  /** Also boot the image under QEMU. */
  readonly boot: boolean;
  readonly accel?: 'kvm' | 'tcg';
  /** Secret values (resolved from the recipe's references) to scan the image for. */
  readonly secretValues: readonly string[];
  /** Progress lines for the user (stderr). */
  readonly log: (line: string) => void;
  /** Scratch space; removed afterwards. */
  readonly workDir?: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
  /** Where the boot's console log was saved, when the boot test failed. */
  readonly consoleLog?: string;
  readonly timings: Readonly<Record<string, number>>;
}
