import { DiagnosticFormatter, formatKeyPath, LineCounter, sortDiagnostics } from '../../src';
import type { Diagnostic, SourceFile } from '../../src';

/**
 * A TypeScript-style `.errors.txt` baseline: first every diagnostic on one line
 * (`file:line:col: severity CODE: message [path]`), then each file with `~~~` under the
 * offending range and `!!!` lines, so a reviewer sees what points where.
 */
export function renderBaseline(files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): string {
  const formatter = new DiagnosticFormatter(files, { color: false, snippets: false });
  const sorted = sortDiagnostics(diagnostics);
  const out: string[] = sorted.map((d) => formatter.format(d));
  for (const file of files) {
    const mine = sorted.filter((d) => d.file === file.path);
    if (mine.length === 0) continue;
    out.push('', `==== ${file.path} (${mine.length}) ====`);
    const counter = new LineCounter(file.text);
    // The counter's lines: a CR-only or CRLF file is shown line by line too.
    const lines = Array.from({ length: counter.lineCount }, (_, i) => counter.lineText(i + 1));
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((text, i) => {
      out.push(`    ${text}`);
      for (const d of mine) {
        if (!d.range) continue;
        const start = counter.linePos(d.range.start);
        if (start.line !== i + 1) continue;
        const end = counter.linePos(d.range.end);
        const width = Math.max(1, (end.line === start.line ? end.col : text.length + 1) - start.col);
        out.push(`    ${' '.repeat(start.col - 1)}${'~'.repeat(width)}`);
        out.push(`!!! ${d.severity} ${d.code}: ${d.message}${d.path ? ` [${formatKeyPath(d.path)}]` : ''}`);
      }
    });
    for (const d of mine.filter((x) => !x.range)) out.push(`!!! ${d.severity} ${d.code}: ${d.message}`);
  }
  return `${out.join('\n')}\n`;
}
