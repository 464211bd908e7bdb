import { DiagnosticFormatter, diagnosticToJson, sortDiagnostics } from '@tib/core';
import type { Diagnostic, SourceFile } from '@tib/core';
import type { Io } from './io';
import { useColor, write } from './io';

/**
 * Diagnostics to stderr: caret snippets and colour on a terminal, plain lines elsewhere
 * and with NO_COLOR set (the README promises neither then: a snippet is decoration too).
 */
export function printDiagnostics(io: Io, files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const decorate = useColor(io);
  const formatter = new DiagnosticFormatter(files, { color: decorate, snippets: decorate });
  for (const d of sortDiagnostics(diagnostics)) write(io.stderr, formatter.format(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  write(io.stderr, `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}

export function diagnosticsJson(files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): Record<string, unknown>[] {
  const formatter = new DiagnosticFormatter(files, { color: false, snippets: false });
  return sortDiagnostics(diagnostics).map((d) => diagnosticToJson(d, formatter));
}
