import type { Diagnostic } from './diagnostic';
import { formatKeyPath } from './diagnostic';
import { LineCounter } from './line-counter';

export interface FormatOptions {
  /** ANSI colours (terminal, and NO_COLOR unset). */
  readonly color: boolean;
  /** Caret snippets under the source line (terminal output). */
  readonly snippets: boolean;
}

const MAX_LINE = 100;

/**
 * Prints diagnostics as `file:line:col: severity CODE: message [path]`, optionally with
 * a snippet and carets. Line/column are computed here, at the edge, from the files the
 * loader read.
 */
export class DiagnosticFormatter {
  private readonly counters = new Map<string, LineCounter>();

  constructor(
    files: readonly { path: string; text: string }[],
    private readonly options: FormatOptions,
  ) {
    for (const f of files) this.counters.set(f.path, new LineCounter(f.text));
  }

  position(d: Diagnostic): { line: number; col: number } | undefined {
    if (!d.file || !d.range) return undefined;
    const counter = this.counters.get(d.file);
    return counter?.linePos(d.range.start);
  }

  format(d: Diagnostic): string {
    const c = this.options.color ? COLORS : NO_COLORS;
    const pos = this.position(d);
    const where = d.file ? `${d.file}${pos ? `:${pos.line}:${pos.col}` : ''}: ` : '';
    const sev = d.severity === 'error' ? `${c.red}error${c.reset}` : `${c.yellow}warning${c.reset}`;
    const path = d.path && d.path.length > 0 ? ` ${c.dim}[${formatKeyPath(d.path)}]${c.reset}` : '';
    let out = `${c.bold}${where}${c.reset}${sev} ${c.dim}${d.code}${c.reset}: ${d.message}${path}`;
    if (this.options.snippets && pos && d.file && d.range) out += `\n${this.snippet(d.file, d.range, pos, c)}`;
    if (d.hint) out += `\n  ${c.cyan}hint${c.reset}: ${d.hint}`;
    return out;
  }

  private snippet(file: string, range: { start: number; end: number }, pos: { line: number; col: number }, c: typeof COLORS): string {
    const counter = this.counters.get(file);
    if (!counter) return '';
    const text = counter.lineText(pos.line);
    const width = String(pos.line).length;
    // Underline the range on its first line only; at least one caret.
    const endPos = counter.linePos(range.end);
    const endCol = endPos.line === pos.line ? endPos.col : text.length + 1;
    let start = pos.col - 1;
    let shown = text;
    if (shown.length > MAX_LINE) {
      const from = Math.max(0, Math.min(start - 20, shown.length - MAX_LINE));
      shown = `…${shown.slice(from, from + MAX_LINE)}…`;
      start = start - from + 1;
    }
    const length = Math.max(1, Math.min(endCol - pos.col, shown.length - start));
    const gutter = ' '.repeat(width);
    return `${c.dim}${String(pos.line).padStart(width)} |${c.reset} ${visible(shown)}\n${c.dim}${gutter} |${c.reset} ${' '.repeat(start)}${c.red}${'^'.repeat(length)}${c.reset}`;
  }
}

/** Control characters in a source line would corrupt the terminal; show them as escapes. */
function visible(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/\t/g, ' ');
}

const COLORS = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };
const NO_COLORS: typeof COLORS = { red: '', yellow: '', cyan: '', dim: '', bold: '', reset: '' };

/** JSON form for --json: positions resolved, stable key order. */
export function diagnosticToJson(d: Diagnostic, formatter: DiagnosticFormatter): Record<string, unknown> {
  const pos = formatter.position(d);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.file ? { file: d.file } : {}),
    ...(pos ? { line: pos.line, column: pos.col } : {}),
    ...(d.path ? { path: formatKeyPath(d.path) } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}
