/**
 * A read-only view of an image's file system, whatever opened it (a loop mount or a
 * libguestfs tar stream). Paths are absolute inside the image. The primitives never
 * follow symlinks; `resolvePath` does, rooted at the image, so an absolute link such as
 * /etc/resolv.conf -> /run/... can never lead to the host's files.
 */
export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface ImageStat {
  readonly type: EntryType;
  readonly uid: number;
  readonly gid: number;
  /** Permission bits (07777). */
  readonly mode: number;
  readonly size: number;
  /** Symlink target, as stored. */
  readonly target?: string;
}

export interface ImageFs {
  /** Metadata of `path` itself. Callers pass paths whose parent components are not symlinks (see resolvePath). */
  lstat(path: string): ImageStat | undefined;
  /** Entry names of a directory, sorted; undefined when it is not one. */
  readdir(path: string): readonly string[] | undefined;
  /** Content of a regular file; undefined when missing or not retained by the backend. */
  readFile(path: string): Buffer | undefined;
}

/** Absolute, normalised POSIX path (no `.`/`..`/`//`); `..` never climbs above `/`. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function dirname(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf('/');
  return i <= 0 ? '/' : n.slice(0, i);
}

export function basename(p: string): string {
  const n = normalizePath(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return normalizePath(`${dir}/${name}`);
}

const MAX_LINKS = 40;

/**
 * Follows symlinks in every component of `path` the way the kernel would inside a chroot
 * of the image. Returns the link-free path, or undefined when a component is missing or
 * the links loop. With `followLast: false` the final component is not followed.
 */
export function resolvePath(fs: ImageFs, path: string, followLast = true): string | undefined {
  let pending = normalizePath(path)
    .split('/')
    .filter((s) => s !== '');
  let resolved = '/';
  let links = 0;
  while (pending.length > 0) {
    const [part, ...rest] = pending;
    pending = rest;
    if (part === undefined || part === '.') continue;
    if (part === '..') {
      resolved = dirname(resolved);
      continue;
    }
    const candidate = joinPath(resolved, part);
    const st = fs.lstat(candidate);
    if (!st) return undefined;
    if (st.type === 'symlink' && (pending.length > 0 || followLast)) {
      links += 1;
      if (links > MAX_LINKS || st.target === undefined) return undefined;
      const target = st.target.split('/').filter((s) => s !== '');
      // An absolute target restarts at the image's root, a relative one at the link's directory.
      if (st.target.startsWith('/')) resolved = '/';
      pending = [...target, ...pending];
      continue;
    }
    resolved = candidate;
  }
  return resolved;
}

/** Metadata after following symlinks. */
export function statPath(fs: ImageFs, path: string): { path: string; stat: ImageStat } | undefined {
  const p = resolvePath(fs, path);
  if (p === undefined) return undefined;
  const st = fs.lstat(p);
  return st ? { path: p, stat: st } : undefined;
}

export function readText(fs: ImageFs, path: string): string | undefined {
  const s = statPath(fs, path);
  if (!s || s.stat.type !== 'file') return undefined;
  return fs.readFile(s.path)?.toString('utf8');
}

export function listDir(fs: ImageFs, path: string): readonly string[] {
  const s = statPath(fs, path);
  if (!s || s.stat.type !== 'dir') return [];
  return fs.readdir(s.path) ?? [];
}

/** Expands one trailing `*suffix` pattern in the last component: /etc/systemd/system/*.wants. */
export function globDirs(fs: ImageFs, dir: string, suffixes: readonly string[]): string[] {
  return listDir(fs, dir)
    .filter((name) => suffixes.some((s) => name.endsWith(s)))
    .map((name) => joinPath(dir, name))
    .filter((p) => statPath(fs, p)?.stat.type === 'dir');
}

/** `rwxr-x---` style, for evidence. */
export function modeString(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
