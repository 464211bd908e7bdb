import { CanaryScanner, MIN_CANARY_LENGTH } from '../src/image/scanner';
import { chunked } from './support/tar-writer';

const CANARY = 'tib-canary-7f3a9c';

describe('CanaryScanner finds a value wherever chunk boundaries fall', () => {
  const data = Buffer.concat([Buffer.alloc(1000, 0x61), Buffer.from(CANARY), Buffer.alloc(500, 0x62)]);
  test.each([[1], [3], [7], [17], [999], [1001], [1005], [4096]])('chunks of %i bytes', (size) => {
    const s = new CanaryScanner([CANARY]).session();
    for (const c of chunked(data, [size])) s.feed(c);
    expect(s.hits).toEqual([{ pattern: 0, offset: 1000 }]);
  });
});

test('reports each pattern once, at its first offset', () => {
  const scanner = new CanaryScanner(['first-secret', 'second-secret']);
  const hits = scanner.scan(Buffer.from('xx second-secret yy first-secret zz first-secret'));
  expect(hits).toEqual([
    { pattern: 0, offset: 20 },
    { pattern: 1, offset: 3 },
  ]);
});

test('no match, no hits', () => {
  expect(new CanaryScanner([CANARY]).scan(Buffer.from('tib-canary-7f3a9 almost'))).toEqual([]);
});

test(`values shorter than ${MIN_CANARY_LENGTH} bytes are not scanned for`, () => {
  const scanner = new CanaryScanner(['abc', '', 'long-enough']);
  expect(scanner.patterns.map((p) => p.toString())).toEqual(['long-enough']);
  expect(new CanaryScanner(['abc']).active).toBe(false);
});

test('a match split across two chunks at every position is found', () => {
  const text = Buffer.from(`....${CANARY}....`);
  for (let cut = 1; cut < text.length; cut++) {
    const s = new CanaryScanner([CANARY]).session();
    s.feed(text.subarray(0, cut));
    s.feed(text.subarray(cut));
    expect(s.hits).toEqual([{ pattern: 0, offset: 4 }]);
  }
});
