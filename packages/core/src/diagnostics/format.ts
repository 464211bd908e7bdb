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
    // Columns are characters; the terminal shows some as two cells (CJK, emoji) and
    // control characters as four (\xNN), so the caret is placed by display width.
    const chars = [...counter.lineText(pos.line)];
    const endPos = counter.linePos(range.end);
    const startIdx = Math.min(pos.col - 1, chars.length);
    const endIdx = endPos.line === pos.line ? Math.max(endPos.col - 1, startIdx) : chars.length;
    let from = 0;
    let to = chars.length;
    if (chars.length > MAX_LINE) {
      from = Math.max(0, Math.min(startIdx - 20, chars.length - MAX_LINE));
      to = from + MAX_LINE;
    }
    const cells = chars.slice(from, to).map(visible);
    const lead = from > 0 ? '…' : '';
    const trail = to < chars.length ? '…' : '';
    const pad = displayWidth(lead + cells.slice(0, startIdx - from).join(''));
    const length = Math.max(1, displayWidth(cells.slice(startIdx - from, Math.min(endIdx, to) - from).join('')));
    const width = String(pos.line).length;
    const gutter = ' '.repeat(width);
    return `${c.dim}${String(pos.line).padStart(width)} |${c.reset} ${lead}${cells.join('')}${trail}\n${c.dim}${gutter} |${c.reset} ${' '.repeat(pad)}${c.red}${'^'.repeat(length)}${c.reset}`;
  }
}

/** One source character as shown: control characters would corrupt the terminal, so escaped. */
function visible(ch: string): string {
  if (ch === '\t') return ' ';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return ch;
}

/** Terminal cells a string takes: combining marks none, East Asian wide characters and emoji two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    n += isWide(cp) ? 2 : 1;
  }
  return n;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
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
