import { DiagnosticFormatter, diagnosticToJson, sortDiagnostics } from '@tib/core';
import type { Diagnostic, SourceFile } from '@tib/core';
import type { Io } from './io';
import { useColor, write } from './io';

/** Diagnostics to stderr: caret snippets and colour on a terminal, plain lines elsewhere. */
export function printDiagnostics(io: Io, files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const formatter = new DiagnosticFormatter(files, { color: useColor(io), snippets: Boolean(io.stderr.isTTY) });
  for (const d of sortDiagnostics(diagnostics)) write(io.stderr, formatter.format(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  write(io.stderr, `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}

export function diagnosticsJson(files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): Record<string, unknown>[] {
  const formatter = new DiagnosticFormatter(files, { color: false, snippets: false });
  return sortDiagnostics(diagnostics).map((d) => diagnosticToJson(d, formatter));
}
