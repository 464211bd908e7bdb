/**
 * `extends` at every depth: the recipe, a base it extends, a base of that base. An
 * absolute path is read as that path; anything else than a list of file names, and a
 * base written for another recipe format, is a positioned error in the file that holds
 * it — never silently dropped because bases' own `extends` and `tib` are merged away.
 */
import { dump } from 'js-yaml';
import { DiagnosticFormatter, memoryHost, validateRecipe } from '../src';
import { BASE_RECIPE } from './helpers';

/** A chain r.yaml → env/a.yaml → env/b.yaml; `inject` adds a line to the file at `depth`. */
function chain(depth: 0 | 1 | 2, inject: string): Record<string, string> {
  const { tib: _tib, ...rest } = BASE_RECIPE;
  const lines = [
    ['tib: 1', 'extends: [env/a.yaml]', dump(rest).trimEnd()],
    ['extends: [b.yaml]', 'purpose: production'],
    ['system: {packages: [curl]}'],
  ];
  const files = lines.map((l) => [...l]);
  const target = files[depth] ?? [];
  // Replace this file's own extends line (if any) with the injected one.
  const at = target.findIndex((l) => l.startsWith(inject.split(':')[0] ?? '') && inject.includes(':'));
  if (at >= 0) target[at] = inject;
  else target.push(inject);
  return { 'r.yaml': `${files[0]?.join('\n')}\n`, 'env/a.yaml': `${files[1]?.join('\n')}\n`, 'env/b.yaml': `${files[2]?.join('\n')}\n` };
}
const FILE_AT = ['r.yaml', 'env/a.yaml', 'env/b.yaml'];

function positioned(files: Record<string, string>) {
  const result = validateRecipe('r.yaml', memoryHost(files));
  const formatter = new DiagnosticFormatter(result.loaded.files, { color: false, snippets: false });
  return result.diagnostics.map((d) => ({
    code: d.code,
    file: d.file,
    text: d.file && d.range ? (files[d.file] ?? '').slice(d.range.start, d.range.end) : undefined,
    line: formatter.position(d)?.line,
  }));
}

describe('extends', () => {
  describe.each([1, 2] as const)("a base's own extends of the wrong type (depth %i)", (depth) => {
    it.each([
      ['a string', 'extends: b.yaml', 'b.yaml'],
      ['a number', 'extends: 5', '5'],
      ['a mapping', 'extends: {file: b.yaml}', '{file: b.yaml}'],
      ['null', 'extends:', undefined],
      ['a list holding a number', 'extends: [7]', '7'],
      ['a list holding a list', 'extends: [[b.yaml]]', '[b.yaml]'],
      ['a list holding an empty name', 'extends: [""]', '""'],
    ])('%s is an error in that base, at the value', (_what, line, text) => {
      const files = chain(depth, line);
      const found = positioned(files).filter((d) => d.file === FILE_AT[depth] && (d.code === 'TIB2003' || d.code === 'TIB2006'));
      expect(found).toHaveLength(1);
      // (A flow collection's range ends at its last item: compare from the start.)
      if (text !== undefined) expect(text.startsWith(found[0]?.text ?? '?')).toBe(true);
      expect(found[0]?.line).toBe((files[FILE_AT[depth] ?? ''] ?? '').split('\n').findIndex((l) => l.startsWith('extends')) + 1);
    });
  });

  it.each([
    ['tib: 2', '2'],
    ['tib: 0', '0'],
    ['tib: "1"', '"1"'],
    ['tib: 1.5', '1.5'],
    ['tib: [1]', '[1]'],
    ['tib:', undefined],
  ])('a base with %s is an error in that base (every depth)', (line, text) => {
    for (const depth of [1, 2] as const) {
      const found = positioned(chain(depth, line)).filter((d) => d.code === 'TIB2007');
      expect(found).toHaveLength(1);
      expect(found[0]?.file).toBe(FILE_AT[depth]);
      if (text !== undefined) expect(text.startsWith(found[0]?.text ?? '?')).toBe(true);
    }
  });

  it('accepts `tib: 1` in a base, and a base without it', () => {
    expect(positioned(chain(1, 'tib: 1')).filter((d) => d.code.startsWith('TIB1') || d.code === 'TIB2007')).toEqual([]);
    expect(positioned(chain(2, 'purpose: production')).filter((d) => d.code.startsWith('TIB1'))).toEqual([]);
  });

  it('reports the top recipe’s wrong extends once (the schema’s diagnostic)', () => {
    const found = positioned({ 'r.yaml': `extends: base.yaml\n${dump(BASE_RECIPE)}` }).filter((d) => d.code === 'TIB2003');
    expect(found).toHaveLength(1);
  });

  it.each([0, 1] as const)('reads an absolute path as that path, not relative to the listing file (depth %i)', (depth) => {
    // Both /abs/base.yaml and its relative misreading exist: only the absolute may win.
    const files = chain(depth, depth === 0 ? 'extends: [/abs/base.yaml]' : 'extends: [/abs/base.yaml]');
    files['/abs/base.yaml'] = 'name: from-absolute\n';
    files['abs/base.yaml'] = 'name: from-relative-to-root\n';
    files['env/abs/base.yaml'] = 'name: from-relative-to-env\n';
    const result = validateRecipe('r.yaml', memoryHost(files));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.loaded.value?.['name']).toBe('from-absolute');
    expect(result.loaded.files.map((f) => f.path)).toContain('/abs/base.yaml');
  });

  it('says which absolute path it could not read', () => {
    const found = positioned({ 'r.yaml': `extends: [/nowhere/base.yaml]\n${dump(BASE_RECIPE)}` });
    expect(found).toContainEqual(expect.objectContaining({ code: 'TIB1005', file: 'r.yaml', text: '/nowhere/base.yaml' }));
  });
});
