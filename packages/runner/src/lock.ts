import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * The same lock the compiled script takes (`flock -n` on <output>/.<name>.tib-lock), so
 * `tib run` and build.sh exclude each other. Node has no flock(2); a small `flock`
 * child holds it while tib runs and releases it when told to, or when tib dies.
 */
export class BuildLock {
  private constructor(private readonly child: ChildProcess) {}

  static acquire(lockFile: string): Promise<BuildLock | undefined> {
    return BuildLock.take(['--nonblock', '--conflict-exit-code', '75', lockFile]);
  }

  /**
   * Waits for the lock (saying so once, when it is not free at once). DIB's own caches
   * (its apt archives, debootstrap tarballs) are shared by every build on the host and
   * DIB does not lock them: two builds at once fail on apt's lock. Builds that share them
   * take turns on this lock.
   */
  static async wait(lockFile: string, onWait: () => void): Promise<BuildLock> {
    const now = await BuildLock.acquire(lockFile);
    if (now) return now;
    onWait();
    const later = await BuildLock.take([lockFile]);
    if (!later) throw new Error(`flock ${lockFile} gave up`);
    return later;
  }

  private static async take(flockArgs: readonly string[]): Promise<BuildLock | undefined> {
    const child = spawn('flock', [...flockArgs, 'sh', '-c', 'echo held; read -r _'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      child.stdout?.once('data', () => {
        settled = true;
        resolve(new BuildLock(child));
      });
      child.once('error', (err) => {
        if (!settled) reject(err);
      });
      child.once('exit', (code) => {
        if (settled) return;
        if (code === 75) resolve(undefined);
        else reject(new Error(`flock exited with ${code}`));
      });
    });
  }

  /** Lets go of the lock; resolves once flock has exited, so the lock is free for the next build. */
  release(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.stdin?.end();
    });
  }
}
