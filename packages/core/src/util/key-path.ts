import type { KeyPath } from '../diagnostics/diagnostic';

/** The value at a key path of a parsed recipe (undefined where the path leaves the tree). */
export function valueAt(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Does `path` lie at or under `prefix`? */
export function isUnder(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}
