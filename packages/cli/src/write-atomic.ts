import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a half-written
 * one: write a temporary file in the same directory, fsync, rename over the target.
 */
export function writeFileAtomic(target: string, content: string, mode: number): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.tib-${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
