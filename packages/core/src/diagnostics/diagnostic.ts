import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning';

/** A path into the recipe document: map keys and sequence indexes. */
export type KeyPath = readonly (string | number)[];

/** Offsets into one source file; line/column are computed only when printing. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/**
 * One problem found in a recipe or on a host. Diagnostics are data, never thrown:
 * every stage returns them so that all problems reach the user in one pass.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** The file that set the offending value (for overlays, the overlay that won). */
  readonly file?: string;
  readonly range?: SourceRange;
  readonly path?: KeyPath;
  /** What would be right, when the message alone does not say it. */
  readonly hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Dotted display form of a key path: `base.image.sha256`, `system.packages[2]`. */
export function formatKeyPath(path: KeyPath | undefined): string {
  if (!path || path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Stable order for printing and golden files: by file, then offset, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.file ?? '';
    const fb = b.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const sa = a.range?.start ?? -1;
    const sb = b.range?.start ?? -1;
    if (sa !== sb) return sa - sb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}
