/**
 * An ImageFs over a directory where the image's root file system is mounted read-only.
 * Every path is joined under the mount point without following links (lstat); links are
 * followed by resolvePath inside the image, never by the host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntryType, ImageFs, ImageStat } from './image-fs';
import { normalizePath } from './image-fs';

/** Files larger than this are not read into memory by the checks. */
const MAX_READ = 256 * 1024 * 1024;

export class MountedFs implements ImageFs {
  constructor(readonly root: string) {}

  private host(p: string): string {
    return path.join(this.root, normalizePath(p));
  }

  lstat(p: string): ImageStat | undefined {
    try {
      const st = fs.lstatSync(this.host(p));
      const type: EntryType = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
      return {
        type,
        uid: st.uid,
        gid: st.gid,
        mode: st.mode & 0o7777,
        size: st.size,
        ...(type === 'symlink' ? { target: fs.readlinkSync(this.host(p)) } : {}),
      };
    } catch {
      return undefined;
    }
  }

  readdir(p: string): readonly string[] | undefined {
    try {
      return fs.readdirSync(this.host(p)).sort();
    } catch {
      return undefined;
    }
  }

  readFile(p: string): Buffer | undefined {
    const st = this.lstat(p);
    if (!st || st.type !== 'file' || st.size > MAX_READ) return undefined;
    try {
      return fs.readFileSync(this.host(p));
    } catch {
      return undefined;
    }
  }
}
