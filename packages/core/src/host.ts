/**
 * Everything core needs from the outside world, injected so that core stays pure and
 * its tests need no disk. The CLI passes a Node implementation; tests pass a map.
 */
export interface SourceHost {
  /** File contents, or undefined when the file does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** True when something (a file or a directory) exists at path. */
  fileExists(path: string): boolean;
  /** Files below dir, recursively, as sorted relative paths; undefined if dir is missing. */
  listFiles(dir: string): string[] | undefined;
}

/** An in-memory host for tests and for embedding tib. */
export function memoryHost(files: Record<string, string>): SourceHost {
  const has = (path: string) => Object.prototype.hasOwnProperty.call(files, path);
  return {
    readFile: (path) => (has(path) ? files[path] : undefined),
    fileExists: (path) => has(path) || Object.keys(files).some((f) => f.startsWith(`${path}/`)),
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
