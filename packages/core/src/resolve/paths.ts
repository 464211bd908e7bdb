import { posix as path } from 'node:path';
import type { KeyPath } from '../diagnostics/diagnostic';
import type { Locator } from '../validate/locate';
import { resolveRecipePath } from '../validate/rules/rule';
import type { HostPath } from './resolved';

/**
 * Relative path from directory `from` to `to`, both normalized and relative to the same
 * (unknown) working directory. Pure: unlike path.relative it never consults the cwd.
 */
export function relativeTo(from: string, to: string): string {
  if (path.isAbsolute(to)) return to;
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common] && a[common] !== '..') common++;
  const up = a.slice(common).map(() => '..');
  const rel = [...up, ...b.slice(common)].join('/');
  return rel === '' ? '.' : rel;
}

/** Resolves a recipe path against the file that set it, then expresses it from the top recipe's directory. */
export function hostPath(locator: Locator, recipeDir: string, at: KeyPath, written: string): HostPath {
  const resolved = resolveRecipePath(locator, at, written);
  return { written, path: path.isAbsolute(resolved) ? resolved : relativeTo(recipeDir, resolved), at };
}
