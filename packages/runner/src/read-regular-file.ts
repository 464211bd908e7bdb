import * as fs from 'node:fs';

export type ReadRefusal = 'missing' | 'directory' | 'not-regular' | 'too-large' | 'unreadable';

export type ReadResult =
  { readonly ok: true; readonly data: Buffer } | { readonly ok: false; readonly reason: ReadRefusal; readonly message: string };

/**
 * The one way tib reads a file whose path came from outside (a recipe, `extends`, a
 * secret or key reference): only a regular file, and at most maxBytes of it. A FIFO
 * would block forever, /dev/zero never end, a directory or a 50 MB "secret" make no
 * sense; each is refused with a reason instead. The kind is checked before opening
 * (opening a device can have effects) and again on the open descriptor, which is
 * non-blocking, in case the path was swapped in between.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    return refusal(errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR' ? 'missing' : 'unreadable', file, maxBytes, err);
  }
  const kind = refuseKind(st, file, maxBytes);
  if (kind) return kind;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (err) {
    return refusal('unreadable', file, maxBytes, err);
  }
  try {
    const again = refuseKind(fs.fstatSync(fd), file, maxBytes);
    if (again) return again;
    // Read one byte past the bound: a file that grew since fstat is refused too.
    const buffer = Buffer.alloc(Math.min(maxBytes, st.size) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > maxBytes) return refusal('too-large', file, maxBytes, undefined, `over ${maxBytes.toLocaleString('en')} bytes`);
        break;
      }
    }
    return { ok: true, data: buffer.subarray(0, length) };
  } catch (err) {
    return refusal('unreadable', file, maxBytes, err);
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text, or undefined. */
export function readRegularText(file: string, maxBytes: number): string | undefined {
  const r = readRegularFile(file, maxBytes);
  return r.ok ? r.data.toString('utf8') : undefined;
}

function refuseKind(st: fs.Stats, file: string, maxBytes: number): ReadResult | undefined {
  if (st.isDirectory()) return refusal('directory', file, maxBytes);
  if (!st.isFile()) return refusal('not-regular', file, maxBytes, undefined, describeKind(st));
  if (st.size > maxBytes) return refusal('too-large', file, maxBytes, undefined, `${st.size.toLocaleString('en')} bytes`);
  return undefined;
}

function describeKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function refusal(reason: ReadRefusal, file: string, maxBytes: number, err?: unknown, detail?: string): ReadResult {
  const messages: Record<ReadRefusal, string> = {
    missing: `${file} does not exist`,
    directory: `${file} is a directory, not a file`,
    'not-regular': `${file} is ${detail ?? 'not a regular file'}; only a regular file is read here`,
    'too-large': `${file} is ${detail ?? 'larger than that'}; tib reads at most ${maxBytes.toLocaleString('en')} bytes from it`,
    unreadable: `${file} cannot be read${err instanceof Error ? `: ${err.message}` : ''}`,
  };
  return { ok: false, reason, message: messages[reason] };
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}
