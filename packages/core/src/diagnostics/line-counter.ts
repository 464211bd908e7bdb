export interface LinePos {
  /** 1-based line */
  readonly line: number;
  /** 1-based column, counted in characters (code points), so an emoji is one column */
  readonly col: number;
}

const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * Maps offsets (UTF-16 indexes into the text, as the YAML parser reports them) to
 * line/column by binary search over line starts. Lines end at any of YAML's line breaks
 * — LF, CRLF or a lone CR — and a byte order mark at the start of the file is not a
 * column. Built lazily, only when a diagnostic is printed, so the load path never pays.
 */
export class LineCounter {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [text.charCodeAt(0) === BOM ? 1 : 0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.lineStarts.push(i + 1);
    }
  }

  linePos(offset: number): LinePos {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] ?? 0;
    return { line: lo + 1, col: codePoints(this.text, start, Math.max(start, clamped)) + 1 };
  }

  /** The text of a 1-based line without its line break (and without a leading BOM). */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Characters between two UTF-16 offsets: a surrogate pair counts once. */
function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === from) n++;
    else if (!isHighSurrogate(text.charCodeAt(i - 1))) n++;
  }
  return n;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
