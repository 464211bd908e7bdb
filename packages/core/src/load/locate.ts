import type { Diagnostic, KeyPath, SourceRange } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes';
import type { OriginNode } from './origin-tree';
import { originAt } from './origin-tree';
import type { SourceFile } from './source-file';

/** Builds positioned diagnostics for key paths of the merged recipe. */
export class Locator {
  private readonly texts = new Map<string, string>();

  /** files: the texts the origins point into, so messages can quote what was written. */
  constructor(
    private readonly origins: OriginNode,
    files: readonly SourceFile[] = [],
  ) {
    for (const f of files) this.texts.set(f.path, f.text);
  }

  /** The source text of the value at path (e.g. `10.10`, which YAML reads as 10.1). */
  sourceText(path: KeyPath): string | undefined {
    const { origin, exact } = originAt(this.origins, path);
    const text = this.texts.get(origin.file);
    if (!exact || text === undefined || origin.range.end <= origin.range.start) return undefined;
    return text.slice(origin.range.start, origin.range.end);
  }

  /** Where the value at path was set; `key` points at the key instead of the value. */
  where(path: KeyPath, part: 'value' | 'key' = 'value'): { file: string; range: SourceRange } {
    const { origin, exact } = originAt(this.origins, path);
    if (!exact) {
      // A missing key: point at the key of the nearest existing parent.
      const range = origin.keyRange ?? { start: origin.range.start, end: origin.range.start };
      return { file: origin.file, range };
    }
    const range = part === 'key' ? (origin.keyRange ?? origin.range) : origin.range;
    return { file: origin.file, range };
  }

  diagnostic(
    code: DiagnosticCode,
    path: KeyPath,
    message: string,
    options: { part?: 'value' | 'key'; hint?: string; severity?: 'error' | 'warning' } = {},
  ): Diagnostic {
    const { file, range } = this.where(path, options.part);
    return {
      code,
      severity: options.severity ?? DIAGNOSTIC_CODES[code].severity,
      message,
      file,
      range,
      path,
      ...(options.hint ? { hint: options.hint } : {}),
    };
  }
}
