import type { Expectation, Plan } from '@tib/core';
import type { ControllerChoice } from './controller/runtime';

export interface ConversationOptions {
  readonly choice: ControllerChoice;
  /** tib's controller helper (the tib_controller Python package's parent directory). */
  readonly helperDir: string;
  /** Where prepared controller chroots are cached. */
  readonly cacheDir: string;
  /** Only these served datastores (default: every one the image serves, one boot each). */
  readonly datastores?: readonly string[];
  /** How long to wait for the agent on the bus (default 600 s). */
  readonly agentWaitSec?: number;
}

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One row of the verify table. */
export interface CheckResult {
  /** Stable id, e.g. `service:trove-guestagent`, `boot:network`. */
  readonly id: string;
  /**
   * `offline`: read from the image's files; `boot`: observed in a booted copy;
   * `controller`: the controller conversation with the booted copy.
   */
  readonly phase: 'offline' | 'boot' | 'controller';
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found: a package version, a unit state, a log line. Never a secret value. */
  readonly evidence: string;
  /** For a failing row: the guest's log lines around the failure (agent, database). */
  readonly context?: readonly string[];
  readonly expectation?: Expectation;
}

/** How the image's files are read: a read-only loop mount (root), or libguestfs. */
export type Inspector = 'loop' | 'libguestfs';

export interface VerifyOptions {
  readonly image: string;
  readonly plan: Plan;
  /** Also boot the image under QEMU. */
  readonly boot: boolean;
  /** Default: kvm when /dev/kvm can run a guest, else tcg. */
  readonly accel?: 'kvm' | 'tcg';
  /** Default: loop when running as root without a usable KVM (no appliance to boot), else libguestfs; the other is the fallback. */
  readonly inspector?: Inspector;
  /** Secret values (resolved from the recipe's references) to scan the image for. */
  readonly secretValues: readonly string[];
  /** Progress lines for the user (stderr). Never receives a secret value. */
  readonly log: (line: string) => void;
  /** Scratch space (a fresh directory is made inside it and removed afterwards). Default: the OS temp dir. */
  readonly workDir?: string;
  /** Upper bound for the boot test, from QEMU start to the probe's last line. Default 900 s under TCG, 300 s under KVM. */
  readonly bootTimeoutSec?: number;
  /** Where a failed boot's console log is kept. Default: next to the image. */
  readonly consoleLogPath?: string;
  /**
   * With `boot`: hold the controller conversation when Trove's controller code for the
   * agent's release is at hand (auto), from the host or a chroot, or not at all (none).
   */
  readonly conversation?: ConversationOptions;
  /** Environment for the tools verify runs (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly image: string;
  readonly checks: readonly CheckResult[];
  /** How the image was read, and the boot's accelerator (when booted). */
  readonly inspector?: Inspector;
  readonly accel?: 'kvm' | 'tcg';
  /** Where the boot's console log was saved, when the boot test failed. */
  readonly consoleLog?: string;
  /** The controller code the conversation used, or why there was none (then the weaker proof ran). */
  readonly controller?: string;
  /** Seconds per phase: inspect, boot, total. */
  readonly timings: Readonly<Record<string, number>>;
}
