import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_RECIPE_BYTES } from '@tib/core';
import type { SourceHost } from '@tib/core';
import { readRegularText } from '@tib/runner';

/**
 * Core's window on the file system. Relative paths are taken relative to `cwd` (the
 * directory tib was started in), so core itself never consults the process.
 */
export function nodeHost(cwd: string): SourceHost {
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    readFile(p, maxBytes = MAX_RECIPE_BYTES) {
      return readRegularText(abs(p), maxBytes);
    },
    fileExists(p) {
      return fs.existsSync(abs(p));
    },
    stat(p) {
      try {
        const st = fs.statSync(abs(p));
        return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size };
      } catch {
        return undefined;
      }
    },
    listFiles(dir) {
      const root = abs(dir);
      if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) return undefined;
      // Sorted: the plan (and the emitted script) must not depend on directory order.
      const entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) =>
          path
            .relative(root, path.join(e.parentPath ?? e.path, e.name))
            .split(path.sep)
            .join('/'),
        )
        .sort();
    },
  };
}
