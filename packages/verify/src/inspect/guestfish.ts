/**
 * Opens an image with libguestfs, read-only, in one appliance session: guestfish
 * inspects the guest, mounts its file systems (`-i`) and streams the whole tree with
 * `tar-out` into a FIFO that this process indexes as it arrives. One session matters:
 * without KVM every appliance start costs ~25 s.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadExeca, ToolError, lastLines, runTool } from '../exec';
import type { CanaryScanner } from '../image/scanner';
import type { KeepPredicate } from '../image/tar-index';
import { TarIndex } from '../image/tar-index';

const TIMEOUT_MS = 20 * 60_000;

/** libguestfs' environment: the direct backend, and TCG when KVM would hang the appliance. */
export function guestfsEnv(env: NodeJS.ProcessEnv, kvmUsable: boolean): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  out['LIBGUESTFS_BACKEND'] ??= 'direct';
  if (!kvmUsable) {
    const settings = (out['LIBGUESTFS_BACKEND_SETTINGS'] ?? '').split(':').filter((s) => s !== '');
    if (!settings.includes('force_tcg')) settings.push('force_tcg');
    out['LIBGUESTFS_BACKEND_SETTINGS'] = settings.join(':');
  }
  return out;
}

/** guestfish's own quoting for one argument. */
export function guestfishQuote(arg: string): string {
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function openWithGuestfish(
  image: string,
  format: string,
  work: string,
  env: NodeJS.ProcessEnv,
  keep: KeepPredicate,
  scanner: CanaryScanner | undefined,
  log: (l: string) => void,
): Promise<TarIndex> {
  const fifo = path.join(work, 'tree.fifo');
  await runTool('mkfifo', ['-m', '0600', fifo], { timeoutMs: 10_000, env });
  const index = new TarIndex(keep, scanner);
  const { execa } = await loadExeca();
  log('starting the libguestfs appliance (read-only)');
  const child = execa('guestfish', ['--ro', `--format=${format}`, '-a', image, '-i'], {
    input: `tar-out / ${guestfishQuote(fifo)} numericowner:true\n`,
    env,
    extendEnv: false,
    timeout: TIMEOUT_MS,
    reject: false,
    forceKillAfterDelay: 5000,
  });
  // Reading a FIFO blocks until the writer opens it; if guestfish dies first, open it for
  // writing here so the reader sees end-of-file instead of waiting forever.
  const reading = new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream(fifo, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => {
      try {
        index.parser.write(chunk as Buffer);
      } catch (err) {
        stream.destroy();
        reject(err);
      }
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const done = await child;
  if (done.exitCode !== 0 || done.timedOut) {
    unblock(fifo);
    await reading.catch(() => undefined);
    const why = done.timedOut ? `did not finish within ${TIMEOUT_MS / 60_000} min` : lastLines(String(done.stderr ?? ''), 4);
    throw new ToolError(
      `guestfish could not read ${path.basename(image)}: ${why}${/supermin|kernel/i.test(why) ? ' (libguestfs needs a kernel in /boot, or SUPERMIN_KERNEL / SUPERMIN_MODULES)' : ''}`,
    );
  }
  await reading;
  if (!index.parser.complete) throw new ToolError("guestfish's tar stream ended in the middle of an entry");
  return index;
}

function unblock(fifo: string): void {
  try {
    const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    fs.closeSync(fd);
  } catch {
    // No reader waiting (it already got its data or failed): nothing to unblock.
  }
}
