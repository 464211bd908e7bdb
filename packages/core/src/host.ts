import { MAX_RECIPE_BYTES } from './limits';

/** What is at a path, symlinks followed. */
export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  /** Bytes, for regular files. */
  readonly size: number;
}

/**
 * Everything core needs from the outside world, injected so that core stays pure and
 * its tests need no disk. The CLI passes a Node implementation; tests pass a map.
 */
export interface SourceHost {
  /**
   * The contents of a regular file of at most maxBytes (default MAX_RECIPE_BYTES), or
   * undefined — also for a directory, device, FIFO or socket, which are never opened for
   * reading (a FIFO would block, /dev/zero never end); `stat` tells which it was.
   */
  readFile(path: string, maxBytes?: number): string | undefined;
  /** True when something (a file or a directory) exists at path. */
  fileExists(path: string): boolean;
  /**
   * Kind and size of what is at path, or undefined when nothing is. Optional for hosts
   * that cannot tell; then only readFile's own refusal stands between tib and a device.
   */
  stat?(path: string): FileStat | undefined;
  /** Files below dir, recursively, as sorted relative paths; undefined if dir is missing. */
  listFiles(dir: string): string[] | undefined;
}

/** An in-memory host for tests and for embedding tib. Keys are files; their prefixes directories. */
export function memoryHost(files: Record<string, string>): SourceHost {
  const has = (path: string) => Object.prototype.hasOwnProperty.call(files, path);
  const isDir = (path: string) => Object.keys(files).some((f) => f.startsWith(`${path}/`));
  const size = (path: string) => new TextEncoder().encode(files[path] ?? '').length;
  return {
    readFile: (path, maxBytes = MAX_RECIPE_BYTES) => (has(path) && size(path) <= maxBytes ? files[path] : undefined),
    fileExists: (path) => has(path) || isDir(path),
    stat: (path) => (has(path) ? { kind: 'file', size: size(path) } : isDir(path) ? { kind: 'directory', size: 0 } : undefined),
    listFiles: (dir) => {
      const prefix = `${dir}/`;
      const found = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length))
        .sort();
      return found.length > 0 ? found : undefined;
    },
  };
}
