import type { Diagnostic, KeyPath } from '../diagnostics/diagnostic';
import { valueAt } from '../util/key-path';

/**
 * The recipe without the values the schema refused, so the domain rules can judge the
 * rest in the same run (every problem at once). A refused list item takes its whole list
 * with it: removing one item would shift the positions of the others. A missing required
 * key cannot be pruned away; the caller re-validates the result and runs the rules only
 * when the schema accepts it.
 */
export function pruneInvalid(value: unknown, schemaDiagnostics: readonly Diagnostic[]): { rest: unknown; pruned: KeyPath[] } {
  const rest = structuredClone(value);
  const pruned: KeyPath[] = [];
  for (const d of schemaDiagnostics) {
    if (d.severity !== 'error' || !d.path || d.path.length === 0 || d.code === 'TIB2002') continue;
    const at = listOwner(rest, d.path);
    remove(rest, at);
    pruned.push(at);
  }
  return { rest, pruned };
}

function listOwner(root: unknown, at: KeyPath): KeyPath {
  for (let i = 0; i < at.length; i++) if (Array.isArray(valueAt(root, at.slice(0, i)))) return at.slice(0, i);
  return at;
}

function remove(root: unknown, at: KeyPath): void {
  if (at.length === 0) return;
  const parent = valueAt(root, at.slice(0, -1));
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
    delete (parent as Record<string, unknown>)[String(at[at.length - 1])];
  }
}
