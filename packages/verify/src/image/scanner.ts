/**
 * Looks for secret values (canaries) in byte streams that arrive in chunks: a file's
 * content from a tar stream, or a whole raw disk. A match may straddle two chunks, so
 * the last (longest pattern - 1) bytes of each chunk are searched again with the next.
 */
export interface ScanHit {
  /** Index into the scanner's patterns. */
  readonly pattern: number;
  /** Offset of the first match in the stream. */
  readonly offset: number;
}

/** Shorter values would match by chance; they cannot be scanned for meaningfully. */
export const MIN_CANARY_LENGTH = 6;

export class CanaryScanner {
  readonly patterns: readonly Buffer[];
  private readonly overlap: number;

  constructor(values: readonly string[]) {
    this.patterns = values.filter((v) => Buffer.byteLength(v) >= MIN_CANARY_LENGTH).map((v) => Buffer.from(v, 'utf8'));
    this.overlap = Math.max(0, ...this.patterns.map((p) => p.length - 1));
  }

  get active(): boolean {
    return this.patterns.length > 0;
  }

  session(): ScanSession {
    return new ScanSession(this.patterns, this.overlap);
  }

  /** Convenience for whole buffers. */
  scan(data: Buffer): ScanHit[] {
    const s = this.session();
    s.feed(data);
    return s.hits;
  }
}

export class ScanSession {
  private tail: Buffer = Buffer.alloc(0);
  private position = 0;
  private readonly found = new Map<number, number>();

  constructor(
    private readonly patterns: readonly Buffer[],
    private readonly overlap: number,
  ) {}

  feed(chunk: Buffer): void {
    if (this.patterns.length === 0 || chunk.length === 0) return;
    if (this.tail.length > 0) {
      // Only matches that start in the tail and end in this chunk are new here.
      const joined = Buffer.concat([this.tail, chunk.subarray(0, Math.min(chunk.length, this.overlap))]);
      this.search(joined, this.position - this.tail.length, this.tail.length);
    }
    this.search(chunk, this.position, Number.POSITIVE_INFINITY);
    // Copy the tail so a large chunk is not kept alive by a small view of it.
    const joined = chunk.length >= this.overlap ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = this.overlap === 0 ? Buffer.alloc(0) : Buffer.from(joined.subarray(Math.max(0, joined.length - this.overlap)));
    this.position += chunk.length;
  }

  get hits(): ScanHit[] {
    return [...this.found.entries()].map(([pattern, offset]) => ({ pattern, offset })).sort((a, b) => a.pattern - b.pattern);
  }

  get matched(): boolean {
    return this.found.size > 0;
  }

  private search(data: Buffer, base: number, startsBefore: number): void {
    this.patterns.forEach((p, i) => {
      if (this.found.has(i)) return;
      const at = data.indexOf(p);
      if (at >= 0 && at < startsBefore) this.found.set(i, base + at);
    });
  }
}
