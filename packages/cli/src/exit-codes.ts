/** tib's exit codes (README, "Exit codes"): the same for every command. */
export const EXIT = {
  ok: 0,
  invalidRecipe: 1,
  usage: 2,
  preflight: 3,
  dibFailed: 4,
  verifyFailed: 5,
  internal: 70,
  interrupted: 130,
} as const;

/** Wrong command-line use: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}

/** A command decided the exit status and already printed why. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message = `exit ${code}`,
  ) {
    super(message);
  }
}
