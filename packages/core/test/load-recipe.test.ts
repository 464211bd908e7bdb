import { DiagnosticFormatter, loadRecipe, memoryHost, parseYaml } from '../src';

describe('parseYaml', () => {
  it('records key and value ranges by path', () => {
    const text = 'tib: 1\nbase:\n  distro: debian\n  list: [a, "b"]\n';
    const { value, locations, diagnostics } = parseYaml({ path: 'r.yaml', text });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ tib: 1, base: { distro: 'debian', list: ['a', 'b'] } });
    const distro = locations.get(['base', 'distro']);
    expect(text.slice(distro?.range.start, distro?.range.end)).toBe('debian');
    expect(text.slice(distro?.keyRange?.start, distro?.keyRange?.end)).toBe('distro');
    const quoted = locations.get(['base', 'list', 1]);
    expect(text.slice(quoted?.range.start, quoted?.range.end)).toBe('"b"');
  });

  it('treats __proto__ as an ordinary key', () => {
    const { value } = parseYaml({ path: 'r.yaml', text: '__proto__:\n  polluted: true\n' });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['a: [1\n', 'TIB1001'],
    ['a: 1\na: 2\n', 'TIB1004'],
    ['a: !custom 1\n', 'TIB1009'],
    ['a: 1\n---\nb: 2\n', 'TIB1009'],
    ['a: &x [*x]\n', 'TIB1009'],
  ])('reports %j as %s without throwing', (text, code) => {
    const { diagnostics } = parseYaml({ path: 'r.yaml', text });
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
  });
});

describe('loadRecipe', () => {
  const files = {
    'env/base.yaml': 'tib: 1\nbase:\n  distro: debian\n  release: bookworm\nsystem:\n  packages: [a, b]\n  init: systemd\n',
    'env/dev.yaml': 'tib: 1\nextends: [base.yaml, extra.yaml]\nsystem:\n  packages: [c]\n',
    'env/extra.yaml': 'base:\n  release: bullseye\n',
  };

  it('merges maps deeply, replaces lists and scalars, later files win', () => {
    const loaded = loadRecipe('env/dev.yaml', memoryHost(files));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual({
      tib: 1,
      extends: ['base.yaml', 'extra.yaml'],
      base: { distro: 'debian', release: 'bullseye' },
      system: { packages: ['c'], init: 'systemd' },
    });
    expect(loaded.files.map((f) => f.path)).toEqual(['env/dev.yaml', 'env/base.yaml', 'env/extra.yaml']);
  });

  it('remembers which file set each value', () => {
    const loaded = loadRecipe('env/dev.yaml', memoryHost(files));
    const formatter = new DiagnosticFormatter(loaded.files, { color: false, snippets: false });
    const origin = (path: (string | number)[]) => {
      let node = loaded.origins;
      for (const p of path) node = node?.children.get(p);
      return (
        node && {
          file: node.origin.file,
          pos: formatter.position({ code: 'TIB2001', severity: 'error', message: '', file: node.origin.file, range: node.origin.range }),
        }
      );
    };
    expect(origin(['base', 'distro'])).toEqual({ file: 'env/base.yaml', pos: { line: 3, col: 11 } });
    expect(origin(['base', 'release'])).toEqual({ file: 'env/extra.yaml', pos: { line: 2, col: 12 } });
    expect(origin(['system', 'packages', 0])).toEqual({ file: 'env/dev.yaml', pos: { line: 4, col: 14 } });
  });

  it('applies --set after all files, reading values as YAML', () => {
    const loaded = loadRecipe('env/dev.yaml', memoryHost(files), { set: ['output.sizeGb=5', 'base.release=bookworm', 'name="007"'] });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value?.['output']).toEqual({ sizeGb: 5 });
    expect((loaded.value?.['base'] as Record<string, unknown>)['release']).toBe('bookworm');
    expect(loaded.value?.['name']).toBe('007');
  });

  it('reports cycles and missing bases at the extends entry', () => {
    const host = memoryHost({ 'a.yaml': 'extends: [b.yaml]\n', 'b.yaml': 'extends: [a.yaml, c.yaml]\n' });
    const loaded = loadRecipe('a.yaml', host);
    expect(loaded.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['TIB1006', 'b.yaml'],
      ['TIB1005', 'b.yaml'],
    ]);
  });

  it('reports an unreadable recipe', () => {
    expect(loadRecipe('nope.yaml', memoryHost({})).diagnostics.map((d) => d.code)).toEqual(['TIB1002']);
  });
});
