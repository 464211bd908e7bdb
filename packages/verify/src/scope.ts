/**
 * Cleanup that always runs: loop devices, mounts, QEMU, scratch files. Steps run in
 * reverse order of registration, each at most once, even when one of them fails or the
 * user interrupts verify (SIGINT/SIGTERM run them before the process exits).
 */
export class Scope {
  private readonly steps: { name: string; fn: () => Promise<void> | void }[] = [];
  private closing: Promise<string[]> | undefined;

  defer(name: string, fn: () => Promise<void> | void): void {
    this.steps.push({ name, fn });
  }

  /** Runs every step; returns the failures (as messages) instead of throwing. */
  close(): Promise<string[]> {
    this.closing ??= (async () => {
      const failures: string[] = [];
      while (this.steps.length > 0) {
        const step = this.steps.pop();
        if (!step) break;
        try {
          await step.fn();
        } catch (err) {
          failures.push(`${step.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return failures;
    })();
    return this.closing;
  }
}

/**
 * Runs `body` with `scope` closed afterwards, also on SIGINT/SIGTERM: then the signal is
 * raised again once cleanup is done, so the process still ends the way the user asked.
 */
export async function withScope<T>(scope: Scope, body: () => Promise<T>, onCleanupFailure: (messages: string[]) => void): Promise<T> {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      for (const [s, h] of handlers) process.removeListener(s, h);
      void scope.close().then((failures) => {
        if (failures.length > 0) onCleanupFailure(failures);
        process.kill(process.pid, sig);
      });
    };
    handlers.set(sig, handler);
    process.on(sig, handler);
  }
  try {
    return await body();
  } finally {
    for (const [s, h] of handlers) process.removeListener(s, h);
    const failures = await scope.close();
    if (failures.length > 0) onCleanupFailure(failures);
  }
}
