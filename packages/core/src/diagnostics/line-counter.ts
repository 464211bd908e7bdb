export interface LinePos {
  /** 1-based line */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units like editors do */
  readonly col: number;
}

/**
 * Maps offsets to line/column by binary search over line starts. Built lazily, only
 * when a diagnostic is printed, so the load path never pays for it.
 */
export class LineCounter {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
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
    return { line: lo + 1, col: clamped - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** The text of a 1-based line without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
