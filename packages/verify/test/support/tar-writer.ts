/** A minimal tar writer for tests: ustar headers, GNU long names, pax records. */
export interface TarInput {
  readonly path: string;
  readonly type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  readonly content?: string | Buffer;
  readonly link?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly mode?: number;
  /** Write the path as a GNU 'L' record (or a pax header with 'pax'). */
  readonly longName?: 'gnu' | 'pax';
}

function header(name: string, flag: string, size: number, o: TarInput, ustar = true): Buffer {
  const b = Buffer.alloc(512);
  b.write(name.slice(0, 99), 0, 'utf8');
  b.write(`${(o.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100, 'latin1');
  b.write(`${(o.uid ?? 0).toString(8).padStart(7, '0')}\0`, 108, 'latin1');
  b.write(`${(o.gid ?? 0).toString(8).padStart(7, '0')}\0`, 116, 'latin1');
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  b.write(`${(0).toString(8).padStart(11, '0')}\0`, 136, 'latin1');
  b.write(flag, 156, 'latin1');
  if (o.link) b.write(o.link.slice(0, 99), 157, 'utf8');
  b.write(ustar ? 'ustar\0' : 'ustar ', 257, 'latin1');
  b.write(ustar ? '00' : ' \0', 263, 'latin1');
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}

function padded(data: Buffer): Buffer {
  const pad = (512 - (data.length % 512)) % 512;
  return Buffer.concat([data, Buffer.alloc(pad)]);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
}

export function makeTar(entries: readonly TarInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const content = typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0));
    const flag = { file: '0', dir: '5', symlink: '2', hardlink: '1' }[e.type ?? 'file'];
    let name = e.path;
    if (e.longName === 'gnu') {
      const data = Buffer.from(`${e.path}\0`);
      parts.push(header('././@LongLink', 'L', data.length, {} as TarInput, false), padded(data));
      name = e.path.slice(0, 99);
    } else if (e.longName === 'pax') {
      const data = Buffer.from(paxRecord('path', e.path));
      parts.push(header('PaxHeader', 'x', data.length, {} as TarInput), padded(data));
      name = e.path.slice(0, 99);
    }
    const size = e.type === undefined || e.type === 'file' ? content.length : 0;
    parts.push(header(name, flag, size, e));
    if (size > 0) parts.push(padded(content));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** Splits a buffer into chunks of the given sizes (cycled), to exercise stream boundaries. */
export function chunked(data: Buffer, sizes: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  let i = 0;
  while (pos < data.length) {
    const n = sizes[i % sizes.length] ?? 512;
    out.push(data.subarray(pos, pos + n));
    pos += n;
    i += 1;
  }
  return out;
}
