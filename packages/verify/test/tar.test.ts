import { CanaryScanner } from '../src/image/scanner';
import { TarIndex } from '../src/image/tar-index';
import { parsePax, readNumber, TarFormatError, TarParser } from '../src/image/tar-stream';
import type { TarEntry } from '../src/image/tar-stream';
import { chunked, makeTar } from './support/tar-writer';

const LONG = `./opt/guest-agent-venv/lib/python3.11/site-packages/${'x'.repeat(120)}/METADATA`;

const archive = makeTar([
  { path: './', type: 'dir', mode: 0o755 },
  { path: './etc/', type: 'dir' },
  { path: './etc/passwd', content: 'root:x:0:0::/root:/bin/sh\ntrove:x:103:111::/var/lib/trove:/bin/false\n' },
  { path: './etc/os-release', type: 'symlink', link: '../usr/lib/os-release' },
  { path: './etc/trove/conf.d/00-tib-datastore.conf', content: '[mariadb]\n', uid: 103, gid: 111, mode: 0o640 },
  { path: './usr/lib/os-release', content: 'ID=debian\n' },
  { path: './usr/lib/hard', type: 'hardlink', link: './usr/lib/os-release' },
  { path: LONG, content: 'Name: trove\nVersion: 13.0.1\n', longName: 'gnu' },
  { path: `${LONG}.pax`, content: 'pax named', longName: 'pax' },
  { path: './var/tmp/leak', content: `${'z'.repeat(700)}the-canary-value${'z'.repeat(300)}` },
]);

function entries(data: Buffer, sizes: number[]): TarEntry[] {
  const seen: TarEntry[] = [];
  const p = new TarParser((e) => {
    seen.push(e);
    return undefined;
  });
  for (const c of chunked(data, sizes)) p.write(c);
  expect(p.complete).toBe(true);
  return seen;
}

describe('TarParser', () => {
  test.each([[[512]], [[1]], [[100, 7, 3000]], [[archive.length]]])('reads the same entries with chunk sizes %j', (sizes) => {
    const list = entries(archive, sizes);
    expect(list.map((e) => e.path)).toEqual([
      './',
      './etc/',
      './etc/passwd',
      './etc/os-release',
      './etc/trove/conf.d/00-tib-datastore.conf',
      './usr/lib/os-release',
      './usr/lib/hard',
      LONG,
      `${LONG}.pax`,
      './var/tmp/leak',
    ]);
    expect(list[3]).toMatchObject({ type: 'symlink', link: '../usr/lib/os-release' });
    expect(list[4]).toMatchObject({ uid: 103, gid: 111, mode: 0o640, type: 'file' });
    expect(list[6]).toMatchObject({ type: 'hardlink', link: './usr/lib/os-release' });
  });

  test('rejects data that is not tar', () => {
    const p = new TarParser(() => undefined);
    expect(() => p.write(Buffer.alloc(512, 0x41))).toThrow(TarFormatError);
  });

  test('reports a stream cut in the middle of an entry as incomplete', () => {
    const p = new TarParser(() => undefined);
    p.write(archive.subarray(0, 512 * 6 + 10));
    expect(p.complete).toBe(false);
  });
});

test.each([
  ['0000644\0', 0o644],
  ['   755 \0', 0o755],
  ['\0\0\0\0\0\0\0\0', 0],
])('readNumber(%j) = %o', (text, value) => {
  expect(readNumber(Buffer.from(text, 'latin1'), 0, 8)).toBe(value);
});

test('readNumber reads GNU base-256 numbers', () => {
  const b = Buffer.alloc(12);
  b[0] = 0x80;
  b.writeUInt32BE(0x12345678, 8);
  expect(readNumber(b, 0, 12)).toBe(0x12345678);
});

test('parsePax reads path, linkpath, size and ids', () => {
  const rec = (k: string, v: string) => {
    const body = ` ${k}=${v}\n`;
    let len = body.length + 2;
    while (String(len).length + body.length !== len) len = String(len).length + body.length;
    return `${len}${body}`;
  };
  expect(
    parsePax(Buffer.from(rec('path', '/a b/c') + rec('linkpath', 'x') + rec('size', '12') + rec('uid', '1001') + rec('mtime', '1.5'))),
  ).toEqual({ path: '/a b/c', link: 'x', size: 12, uid: 1001 });
});

describe('TarIndex', () => {
  const keep = (p: string) => p.startsWith('/etc/') || p === '/usr/lib/os-release';
  const index = new TarIndex(keep, new CanaryScanner(['the-canary-value']));
  for (const c of chunked(archive, [333])) index.parser.write(c);

  test('lists entries and directories', () => {
    expect(index.readdir('/etc')).toEqual(['os-release', 'passwd', 'trove']);
    expect(index.lstat('/etc/os-release')).toMatchObject({ type: 'symlink', target: '../usr/lib/os-release' });
    expect(index.lstat('/opt/guest-agent-venv/lib')?.type).toBe('dir');
  });

  test('keeps the content of wanted files only', () => {
    expect(index.readFile('/etc/passwd')?.toString()).toContain('trove:x:103');
    expect(index.readFile('/var/tmp/leak')).toBeUndefined();
    expect(index.lstat('/var/tmp/leak')?.size).toBe(1016);
  });

  test("a hard link shares its source's metadata and content", () => {
    expect(index.readFile('/usr/lib/hard')?.toString()).toBe('ID=debian\n');
  });

  test('names the files that hold a canary', () => {
    expect(index.fileHits).toEqual([{ path: '/var/tmp/leak', hits: [{ pattern: 0, offset: 700 }] }]);
  });
});
