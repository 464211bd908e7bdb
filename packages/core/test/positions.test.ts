/**
 * Positions are what a user acts on: `file:line:col` must name the character the
 * diagnostic is about whatever the file's encoding details are — a UTF-8 byte order
 * mark, characters outside the Basic Multilingual Plane (two UTF-16 units, one
 * character), and any of YAML's line breaks (LF, CRLF, and a lone CR).
 */
import fc from 'fast-check';
import { DiagnosticFormatter, LineCounter, memoryHost, validateRecipe } from '../src';

/** Characters YAML accepts in a comment or a double-quoted string, without escapes or breaks. */
const safeChar = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .filter((cp) => cp !== 0x22 && cp !== 0x5c && cp !== 0xfeff)
  .map((cp) => String.fromCodePoint(cp));
const text = (maxLength: number) => fc.array(safeChar, { maxLength }).map((chars) => chars.join(''));
const BREAKS = ['\n', '\r\n', '\r'] as const;

function positionsOf(source: string): { code: string; line: number; col: number; snippetCaret?: number }[] {
  const host = memoryHost({ 'r.yaml': source });
  const result = validateRecipe('r.yaml', host);
  const formatter = new DiagnosticFormatter(result.loaded.files, { color: false, snippets: false });
  return result.diagnostics.map((d) => {
    const pos = formatter.position(d);
    return { code: d.code, line: pos?.line ?? 0, col: pos?.col ?? 0 };
  });
}

describe('positions', () => {
  it('counts lines and columns in characters after any BOM, astral characters and line breaks (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom(...BREAKS),
        fc.array(text(12), { maxLength: 4 }),
        text(10),
        fc.boolean(),
        (bom, eol, comments, prefix, firstLine) => {
          // The offending line: an unknown key and a misspelt distro after `prefix`.
          const bad = `base: {x: "${prefix}", distro: debain, release: bookworm}`;
          const rest = [
            'tib: 1',
            ...comments.map((c) => `# ${c}`),
            'datastore: {type: mariadb, version: "10.11"}',
            'guestagent: {source: package}',
          ];
          const lines = firstLine ? [bad, ...rest] : [...rest, bad];
          const source = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
          const line = lines.indexOf(bad) + 1;
          const colOf = (needle: string) => [...bad.slice(0, bad.indexOf(needle))].length + 1;
          const found = positionsOf(source);
          expect(found).toContainEqual({ code: 'TIB2001', line, col: colOf('x:') });
          expect(found).toContainEqual({ code: 'TIB2004', line, col: colOf('debain') });
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('gives the line text without its %s break, and the BOM is not part of line 1', (_name, eol) => {
    const counter = new LineCounter(`\uFEFFone${eol}two${eol}${eol}four`);
    expect([1, 2, 3, 4].map((n) => counter.lineText(n))).toEqual(['one', 'two', '', 'four']);
    expect(counter.linePos(1)).toEqual({ line: 1, col: 1 });
    expect(counter.linePos(`\uFEFFone${eol}t`.length)).toEqual({ line: 2, col: 2 });
  });

  it('positions YAML syntax errors in files with lone CR line breaks', () => {
    const found = positionsOf('tib: 1\rbase:\r  distro: [debian\r');
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBeGreaterThan(1);
  });

  it('puts the caret under the character, after astral, wide and control characters', () => {
    const line = 'name: "\u{1F600}\u4E2D\u0007x", base: {distro: debain}';
    const files = [{ path: 'r.yaml', text: `${line}\n` }];
    const start = line.indexOf('debain');
    const formatter = new DiagnosticFormatter(files, { color: false, snippets: true });
    const out = formatter.format({ code: 'TIB2004', severity: 'error', message: 'm', file: 'r.yaml', range: { start, end: start + 6 } });
    const [, shown = '', carets = ''] = out.split('\n').map((l) => l.replace(/^ *\d* \| /, ''));
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u{1F300}-\u{1FAFF}\u4E00-\u9FFF]/u.test(ch) ? 2 : 1), 0);
    expect(width(shown.slice(0, shown.indexOf('debain')))).toBe(carets.indexOf('^'));
    expect(carets.trim()).toBe('^^^^^^');
  });
});

describe('positions in --set overrides', () => {
  it.each(['\n', '\r', '\r\n'])('counts one line per override even when a value holds %j', (brk) => {
    const host = memoryHost({
      'r.yaml':
        'tib: 1\nbase: {distro: debian, release: bookworm}\ndatastore: {type: mariadb, version: "10.11"}\nguestagent: {source: package}\n',
    });
    const result = validateRecipe('r.yaml', host, { set: [`name=a${brk}b`, 'base.distro=debain'] });
    const formatter = new DiagnosticFormatter(result.loaded.files, { color: false, snippets: false });
    const distro = result.diagnostics.find((d) => d.code === 'TIB2004');
    expect(distro && formatter.position(distro)).toEqual({ line: 2, col: 13 });
  });
});
