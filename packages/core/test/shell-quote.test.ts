import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { shellQuote, shellQuoteAll } from '../src';

/** What bash makes of a quoted word: printf its single argument back. */
function throughBash(words: readonly string[]): string[] {
  const script = `for a in ${words.join(' ')}; do printf '%s\\0' "$a"; done`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').slice(0, -1);
}

const HOSTILE = [
  '',
  ' ',
  "'",
  "''",
  '"',
  '$(touch /tmp/tib-pwned)',
  '`touch /tmp/tib-pwned`',
  '${HOME}',
  '$HOME',
  ';',
  '&&',
  '|',
  '\\',
  "\\'",
  'a\nb',
  '\n',
  '\r\n',
  '*',
  '?',
  '[a]',
  '~',
  '!',
  '#comment',
  'tab\there',
  'é',
  '日本語',
  '🙂',
  '\u202eRTL',
  "it's",
  'semi;colon',
  'a b',
  '-n',
  '--',
  'x'.repeat(64 * 1024),
];

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('debian-minimal')).toBe('debian-minimal');
    expect(shellQuote('http://deb.debian.org/debian')).toBe('http://deb.debian.org/debian');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('refuses NUL, which no shell word can hold', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });

  it.each(HOSTILE.map((s) => [JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s), s]))(
    'bash reads %s back as itself',
    (_label, value) => {
      expect(throughBash([shellQuote(value)])).toEqual([value]);
    },
  );

  it('round-trips arbitrary strings through bash (property)', () => {
    const noNul = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !s.includes('\0'));
    const shellish = fc.array(fc.constantFrom(...HOSTILE.slice(0, -1), 'a', 'Z', '0'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(noNul, shellish), { minLength: 1, maxLength: 5 }), (values) => {
        expect(throughBash(values.map(shellQuote))).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });

  it('quotes lists word by word', () => {
    expect(throughBash([shellQuoteAll(['a b', "c'd", '$(x)'])])).toEqual(['a b', "c'd", '$(x)']);
  });
});
