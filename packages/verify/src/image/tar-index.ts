/**
 * An ImageFs built from a tar stream of the whole image (libguestfs `tar-out`): every
 * entry's metadata, the content of the files the checks read, and — while the bytes
 * stream past — which files contain a canary.
 */
import type { ImageFs, ImageStat } from './image-fs';
import { basename, dirname, normalizePath } from './image-fs';
import type { CanaryScanner, ScanHit } from './scanner';
import { TarParser } from './tar-stream';
import type { TarEntry } from './tar-stream';

export interface FileHit {
  readonly path: string;
  readonly hits: readonly ScanHit[];
}

/** Which files' content to keep in memory (by path and size). */
export type KeepPredicate = (path: string, size: number) => boolean;

export class TarIndex implements ImageFs {
  private readonly entries = new Map<string, { stat: ImageStat; content?: Buffer }>();
  private readonly children = new Map<string, Set<string>>();
  readonly fileHits: FileHit[] = [];
  readonly parser: TarParser;

  constructor(
    private readonly keep: KeepPredicate,
    private readonly scanner?: CanaryScanner,
  ) {
    this.entries.set('/', { stat: { type: 'dir', uid: 0, gid: 0, mode: 0o755, size: 0 } });
    this.parser = new TarParser((e) => this.add(e));
  }

  lstat(path: string): ImageStat | undefined {
    return this.entries.get(normalizePath(path))?.stat;
  }

  readdir(path: string): readonly string[] | undefined {
    const p = normalizePath(path);
    if (this.entries.get(p)?.stat.type !== 'dir') return undefined;
    return [...(this.children.get(p) ?? [])].sort();
  }

  readFile(path: string): Buffer | undefined {
    const e = this.entries.get(normalizePath(path));
    return e?.stat.type === 'file' ? e.content : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private add(e: TarEntry): ((chunk: Buffer) => void) | undefined {
    const path = normalizePath(e.path);
    if (path === '/') return undefined;
    this.link(path);
    if (e.type === 'hardlink') {
      // The same inode as an earlier entry: same metadata and content.
      const source = this.entries.get(normalizePath(e.link ?? ''));
      if (source) this.entries.set(path, source);
      return undefined;
    }
    const stat: ImageStat = {
      type: e.type,
      uid: e.uid,
      gid: e.gid,
      mode: e.mode,
      size: e.size,
      ...(e.type === 'symlink' ? { target: e.link ?? '' } : {}),
    };
    const record: { stat: ImageStat; content?: Buffer } = { stat };
    this.entries.set(path, record);
    if (e.type !== 'file' || e.size === 0) return undefined;
    const keep = this.keep(path, e.size);
    const scan = this.scanner?.active ? this.scanner.session() : undefined;
    if (!keep && !scan) return undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    return (chunk) => {
      scan?.feed(chunk);
      if (keep) chunks.push(Buffer.from(chunk));
      received += chunk.length;
      if (received >= e.size) {
        if (keep) record.content = Buffer.concat(chunks);
        if (scan?.matched) this.fileHits.push({ path, hits: scan.hits });
      }
    };
  }

  /** Registers `path` under its parent, creating implied parent directories. */
  private link(path: string): void {
    let child = path;
    while (child !== '/') {
      const parent = dirname(child);
      let set = this.children.get(parent);
      if (!set) {
        set = new Set();
        this.children.set(parent, set);
      }
      set.add(basename(child));
      if (!this.entries.has(parent)) this.entries.set(parent, { stat: { type: 'dir', uid: 0, gid: 0, mode: 0o755, size: 0 } });
      child = parent;
    }
  }
}
