import type { ImageFs, ImageStat } from '../../src/image/image-fs';
import { basename, dirname, normalizePath } from '../../src/image/image-fs';

export type FakeEntry =
  | string
  | { readonly link: string }
  | { readonly dir: true; readonly uid?: number; readonly gid?: number; readonly mode?: number }
  | { readonly content: string; readonly uid?: number; readonly gid?: number; readonly mode?: number };

/** An in-memory image: paths to file contents, links and directories; parents are implied. */
export class FakeFs implements ImageFs {
  private readonly entries = new Map<string, { stat: ImageStat; content?: Buffer }>();

  constructor(tree: Readonly<Record<string, FakeEntry>>) {
    this.entries.set('/', { stat: { type: 'dir', uid: 0, gid: 0, mode: 0o755, size: 0 } });
    for (const [p, e] of Object.entries(tree)) this.set(p, e);
  }

  set(path: string, e: FakeEntry): this {
    const p = normalizePath(path);
    for (let d = dirname(p); !this.entries.has(d); d = dirname(d))
      this.entries.set(d, { stat: { type: 'dir', uid: 0, gid: 0, mode: 0o755, size: 0 } });
    if (typeof e === 'string')
      this.entries.set(p, { stat: { type: 'file', uid: 0, gid: 0, mode: 0o644, size: e.length }, content: Buffer.from(e) });
    else if ('link' in e)
      this.entries.set(p, { stat: { type: 'symlink', uid: 0, gid: 0, mode: 0o777, size: e.link.length, target: e.link } });
    else if ('dir' in e) this.entries.set(p, { stat: { type: 'dir', uid: e.uid ?? 0, gid: e.gid ?? 0, mode: e.mode ?? 0o755, size: 0 } });
    else
      this.entries.set(p, {
        stat: { type: 'file', uid: e.uid ?? 0, gid: e.gid ?? 0, mode: e.mode ?? 0o644, size: e.content.length },
        content: Buffer.from(e.content),
      });
    return this;
  }

  delete(path: string): this {
    this.entries.delete(normalizePath(path));
    return this;
  }

  lstat(path: string): ImageStat | undefined {
    return this.entries.get(normalizePath(path))?.stat;
  }

  readdir(path: string): readonly string[] | undefined {
    const p = normalizePath(path);
    if (this.entries.get(p)?.stat.type !== 'dir') return undefined;
    return [...this.entries.keys()]
      .filter((k) => k !== '/' && dirname(k) === p)
      .map(basename)
      .sort();
  }

  readFile(path: string): Buffer | undefined {
    return this.entries.get(normalizePath(path))?.content;
  }
}
