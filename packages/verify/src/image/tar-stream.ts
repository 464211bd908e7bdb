/**
 * A streaming reader for the tar archives `tar -c` and libguestfs' `tar-out` write
 * (ustar, GNU long names, pax headers). It hands each entry's data to the caller chunk by
 * chunk, so a whole image's file system can be indexed and scanned without unpacking it.
 */
import type { EntryType } from './image-fs';

export interface TarEntry {
  /** As in the archive, e.g. `./etc/passwd`. */
  readonly path: string;
  readonly type: EntryType | 'hardlink';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Symlink target or hard-link source. */
  readonly link?: string;
}

/** Called per entry; the returned function (if any) receives its data. */
export type EntryHandler = (entry: TarEntry) => ((chunk: Buffer) => void) | undefined;

export class TarFormatError extends Error {}

const BLOCK = 512;

export class TarParser {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of entry data still to come, then padding to skip. */
  private dataLeft = 0;
  private padLeft = 0;
  private consumer: ((chunk: Buffer) => void) | undefined;
  /** GNU L/K and pax x entries: collected, then applied to the next header. */
  private meta: { kind: 'L' | 'K' | 'x'; chunks: Buffer[] } | undefined;
  private overrides: { path?: string; link?: string; size?: number; uid?: number; gid?: number } = {};
  private zeroBlocks = 0;
  ended = false;

  constructor(private readonly onEntry: EntryHandler) {}

  write(chunk: Buffer): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (buf.length > 0 && !this.ended) {
      if (this.dataLeft > 0) {
        const n = Math.min(this.dataLeft, buf.length);
        this.deliver(buf.subarray(0, n));
        this.dataLeft -= n;
        buf = buf.subarray(n);
        if (this.dataLeft === 0) this.finishData();
        continue;
      }
      if (this.padLeft > 0) {
        const n = Math.min(this.padLeft, buf.length);
        this.padLeft -= n;
        buf = buf.subarray(n);
        continue;
      }
      if (buf.length < BLOCK) {
        this.pending = Buffer.from(buf);
        return;
      }
      this.header(buf.subarray(0, BLOCK));
      buf = buf.subarray(BLOCK);
    }
  }

  /** True when the archive ended cleanly (end blocks, or end of input between entries). */
  get complete(): boolean {
    return this.ended || (this.dataLeft === 0 && this.padLeft === 0 && this.pending.length === 0 && this.meta === undefined);
  }

  private deliver(data: Buffer): void {
    if (this.meta) this.meta.chunks.push(Buffer.from(data));
    else this.consumer?.(data);
  }

  private finishData(): void {
    if (this.meta) {
      const text = Buffer.concat(this.meta.chunks);
      if (this.meta.kind === 'L') this.overrides.path = cString(text);
      else if (this.meta.kind === 'K') this.overrides.link = cString(text);
      else Object.assign(this.overrides, parsePax(text));
      this.meta = undefined;
    }
    this.consumer = undefined;
  }

  private header(block: Buffer): void {
    if (block.every((b) => b === 0)) {
      this.zeroBlocks += 1;
      if (this.zeroBlocks >= 2) this.ended = true;
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumOk(block)) throw new TarFormatError('tar header checksum mismatch (not a tar stream, or a corrupt one)');
    const flag = String.fromCharCode(block[156] ?? 0);
    const isMeta = flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g';
    const size = (isMeta ? undefined : this.overrides.size) ?? readNumber(block, 124, 12);
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (flag === 'L' || flag === 'K' || flag === 'x') {
      this.meta = { kind: flag, chunks: [] };
      if (size === 0) this.finishData();
      return;
    }
    if (flag === 'g') {
      // Global pax headers carry nothing tib needs; skip their data.
      this.consumer = undefined;
      if (size === 0) this.finishData();
      return;
    }
    const magic = block.subarray(257, 263).toString('latin1');
    const name = cString(block.subarray(0, 100));
    const prefix = magic === 'ustar\0' ? cString(block.subarray(345, 500)) : '';
    const entry: TarEntry = {
      path: this.overrides.path ?? (prefix ? `${prefix}/${name}` : name),
      type: entryType(flag),
      mode: readNumber(block, 100, 8) & 0o7777,
      uid: this.overrides.uid ?? readNumber(block, 108, 8),
      gid: this.overrides.gid ?? readNumber(block, 116, 8),
      size,
      ...(flag === '1' || flag === '2' ? { link: this.overrides.link ?? cString(block.subarray(157, 257)) } : {}),
    };
    this.overrides = {};
    this.consumer = this.onEntry(entry);
    if (size === 0) this.finishData();
  }
}

function entryType(flag: string): TarEntry['type'] {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}

/** Octal text, or GNU base-256 when the high bit of the first byte is set. */
export function readNumber(block: Buffer, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  const first = field[0] ?? 0;
  if ((first & 0x80) !== 0) {
    let v = BigInt(first & 0x7f);
    for (const b of field.subarray(1)) v = (v << 8n) | BigInt(b);
    return Number(v);
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumOk(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum === stored;
}

/** pax extended header records: "<len> key=value\n". */
export function parsePax(data: Buffer): { path?: string; link?: string; size?: number; uid?: number; gid?: number } {
  const out: { path?: string; link?: string; size?: number; uid?: number; gid?: number } = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = parseInt(data.subarray(pos, space).toString('latin1'), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'linkpath') out.link = value;
    else if (key === 'size') out.size = Number(value);
    else if (key === 'uid') out.uid = Number(value);
    else if (key === 'gid') out.gid = Number(value);
    pos += len;
  }
  return out;
}
