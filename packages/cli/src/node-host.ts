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
      // A walk of its own: readdirSync's `recursive` option costs several milliseconds the
      // first time a process uses it, a sizeable part of `tib compile`'s start.
      const files: string[] = [];
      const walk = (at: string, rel: string) => {
        for (const e of fs.readdirSync(at, { withFileTypes: true })) {
          const name = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) walk(path.join(at, e.name), name);
          else if (e.isFile()) files.push(name);
        }
      };
      walk(root, '');
      // Sorted: the plan (and the emitted script) must not depend on directory order.
      return files.sort();
    },
  };
}
