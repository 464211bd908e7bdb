import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { Layer } from './merge';
import type { Origin } from './origin-tree';

/**
 * What the schema cannot see in a base recipe. The schema checks the merged recipe, in
 * which a base's own `tib` is overridden by the recipe's and a base's `extends` has been
 * resolved and removed; so both are checked here, where each base is still its own file.
 * (The top recipe's are the schema's: it reports them with the rest of the shape.)
 */

/** A base written for another recipe format cannot be read as format 1. */
export function checkBaseFormat(own: Layer, text: string): Diagnostic[] {
  const value = own.value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(value, 'tib') || value['tib'] === 1) return [];
  const origin = own.origins.children.get('tib')?.origin ?? own.origins.origin;
  const shown = text.slice(origin.range.start, origin.range.end) || 'nothing';
  return [
    at(
      origin,
      ['tib'],
      'TIB2007',
      `tib: ${shown} in a base recipe: this tib reads recipe format version 1`,
      'write `tib: 1` or leave it out',
    ),
  ];
}

/**
 * The well-formed entries of a layer's `extends` (index and file name). For a base,
 * everything else is reported: an `extends` that is not a list, entries that are not
 * non-empty file names.
 */
export function extendsEntries(own: Layer, top: boolean, out: Diagnostic[]): { index: number; entry: string; origin?: Origin }[] {
  const value = own.value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(value, 'extends')) return [];
  const list = value['extends'];
  const listOrigin = own.origins.children.get('extends');
  const report = (d: Diagnostic) => {
    if (!top) out.push(d);
  };
  if (!Array.isArray(list)) {
    const origin = listOrigin?.origin ?? own.origins.origin;
    report(at(origin, ['extends'], 'TIB2003', `extends: expected a list of recipe files, found ${describe(list)}`));
    return [];
  }
  const entries: { index: number; entry: string; origin?: Origin }[] = [];
  list.forEach((entry: unknown, index) => {
    const origin = listOrigin?.children.get(index)?.origin ?? listOrigin?.origin;
    const where = origin ?? own.origins.origin;
    if (typeof entry !== 'string') {
      report(at(where, ['extends', index], 'TIB2003', `extends[${index}]: expected a recipe file name, found ${describe(entry)}`));
    } else if (entry.length === 0) {
      report(at(where, ['extends', index], 'TIB2006', `extends[${index}]: must not be empty`));
    } else if (/[\u0000\n\r]/.test(entry) || entry.length > 4096) {
      report(
        at(where, ['extends', index], 'TIB2005', `extends[${index}]: not a file name (no line breaks or NUL, at most 4096 characters)`),
      );
    } else {
      entries.push({ index, entry, ...(origin ? { origin } : {}) });
    }
  });
  return entries;
}

function at(origin: Origin, path: (string | number)[], code: DiagnosticCode, message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', file: origin.file, range: origin.range, path, message, ...(hint ? { hint } : {}) };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
