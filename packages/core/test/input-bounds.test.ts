/**
 * Inputs are bounded (SPEC §8): a recipe comes from outside, so no recipe, `extends`
 * file or `--set` value may make tib build or walk more than a recipe's worth of values.
 * Alias bombs of every shape — lists or mappings, flow or block, any fan-out and depth,
 * at the top or under a recipe key, in the recipe, a base it extends or a --set value —
 * are refused quickly with a positioned TIB1011 that points at an alias.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { DiagnosticFormatter, MAX_RECIPE_BYTES, MAX_YAML_VALUES, memoryHost, validateRecipe } from '../src';
import type { Diagnostic } from '../src';
import { BASE_RECIPE } from './helpers';

interface Bomb {
  readonly fanOut: number;
  readonly levels: number;
  readonly style: 'flow-seq' | 'flow-map' | 'block-seq' | 'block-map';
  readonly anchor: string;
}

/** A chain of anchored nodes, each holding fanOut aliases of the one before. */
function bombLines(b: Bomb, indent: string): string[] {
  const name = (i: number) => `${b.anchor}${i}`;
  const items = (i: number) => Array.from({ length: b.fanOut }, (_, j) => [`k${j}`, `*${name(i - 1)}`] as const);
  const lines = [`${indent}${name(0)}: &${name(0)} [${Array.from({ length: b.fanOut }, () => 'x').join(', ')}]`];
  for (let i = 1; i <= b.levels; i++) {
    switch (b.style) {
      case 'flow-seq':
        lines.push(
          `${indent}${name(i)}: &${name(i)} [${items(i)
            .map(([, a]) => a)
            .join(', ')}]`,
        );
        break;
      case 'flow-map':
        lines.push(
          `${indent}${name(i)}: &${name(i)} {${items(i)
            .map(([k, a]) => `${k}: ${a}`)
            .join(', ')}}`,
        );
        break;
      case 'block-seq':
        lines.push(`${indent}${name(i)}: &${name(i)}`, ...items(i).map(([, a]) => `${indent}  - ${a}`));
        break;
      case 'block-map':
        lines.push(`${indent}${name(i)}: &${name(i)}`, ...items(i).map(([k, a]) => `${indent}  ${k}: ${a}`));
        break;
    }
  }
  return lines;
}

const bomb = fc
  .record({
    fanOut: fc.integer({ min: 2, max: 10 }),
    levels: fc.integer({ min: 1, max: 12 }),
    style: fc.constantFrom('flow-seq' as const, 'flow-map' as const, 'block-seq' as const, 'block-map' as const),
    anchor: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
  })
  // Only shapes that really exceed the bound (fanOut ** levels values at the last level).
  .filter((b) => b.fanOut ** (b.levels + 1) > MAX_YAML_VALUES * 2 && b.fanOut * b.levels < 100);

function refusedQuickly(files: Record<string, string>, recipe: string, set: string[] = []): Diagnostic {
  const started = Date.now();
  const result = validateRecipe(recipe, memoryHost(files), { set });
  expect(Date.now() - started).toBeLessThan(2000);
  const found = result.diagnostics.find((d) => d.code === 'TIB1011');
  expect(found).toBeDefined();
  return found as Diagnostic;
}

describe('alias expansion is bounded', () => {
  it('refuses alias bombs anywhere in a recipe with a positioned TIB1011 at an alias (property)', () => {
    fc.assert(
      fc.property(bomb, fc.constantFrom('top', 'nested', 'extends'), (b, where) => {
        const recipe = dump(BASE_RECIPE);
        const files: Record<string, string> =
          where === 'top'
            ? { 'r.yaml': `${recipe}${bombLines(b, '').join('\n')}\n` }
            : where === 'nested'
              ? { 'r.yaml': `${recipe}system:\n  bomb:\n${bombLines(b, '    ').join('\n')}\n` }
              : { 'r.yaml': `extends: [base.yaml]\n${recipe}`, 'base.yaml': `${bombLines(b, '').join('\n')}\n` };
        const d = refusedQuickly(files, 'r.yaml');
        const file = files[d.file ?? ''] ?? '';
        expect(file[d.range?.start ?? -1]).toBe('*');
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an alias bomb in a --set value, positioned in the --set line', () => {
    const value = `{a: &a [x,x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]}`;
    const d = refusedQuickly({ 'r.yaml': dump(BASE_RECIPE) }, 'r.yaml', ['name=x', `system.bomb=${value}`]);
    expect(d.file).toBe('--set');
    const formatter = new DiagnosticFormatter([{ path: '--set', text: `name=x\nsystem.bomb=${value}` }], { color: false, snippets: false });
    expect(formatter.position(d)?.line).toBe(2);
  });

  it('refuses aliases that nest the document deeper than the parser allows', () => {
    const open = (n: number) => '['.repeat(n);
    const close = (n: number) => ']'.repeat(n);
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i <= 5; i++) lines.push(`a${i}: &a${i} ${open(30)}*a${i - 1}${close(30)}`);
    refusedQuickly({ 'r.yaml': `${dump(BASE_RECIPE)}${lines.join('\n')}\n` }, 'r.yaml');
  });

  it('refuses more than 100 aliases, and a document of more values than a recipe holds', () => {
    const many = `${dump(BASE_RECIPE)}a: &a x\nb: [${Array.from({ length: 150 }, () => '*a').join(', ')}]\n`;
    refusedQuickly({ 'r.yaml': many }, 'r.yaml');
    const flat = `${dump(BASE_RECIPE)}b: [${Array.from({ length: MAX_YAML_VALUES + 10 }, () => 'x').join(',')}]\n`;
    refusedQuickly({ 'r.yaml': flat }, 'r.yaml');
  });

  it('still reads a recipe that shares a few values through aliases', () => {
    const text = `${dump(BASE_RECIPE)}system:\n  packages: &p [curl, jq]\nelements:\n  paths: []\n`;
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': text }));
    expect(result.diagnostics.filter((d) => d.code === 'TIB1011')).toEqual([]);
  });
});

describe('recipe files are bounded', () => {
  const big = `${dump(BASE_RECIPE)}# ${'x'.repeat(MAX_RECIPE_BYTES)}\n`;

  it('refuses a recipe larger than tib reads', () => {
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': big }));
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['TIB1010', 'r.yaml']]);
  });

  it('refuses an extends file larger than tib reads, positioned at the extends entry', () => {
    const text = `extends: [ok.yaml, big.yaml]\n${dump(BASE_RECIPE)}`;
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': text, 'ok.yaml': 'purpose: production\n', 'big.yaml': big }));
    const d = result.diagnostics.find((x) => x.code === 'TIB1010');
    expect(d?.file).toBe('r.yaml');
    expect(text.slice(d?.range?.start, d?.range?.end)).toBe('big.yaml');
  });

  it('refuses an extends target that is a directory, positioned at the entry', () => {
    const text = `extends: [env]\n${dump(BASE_RECIPE)}`;
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': text, 'env/a.yaml': 'x: 1\n' }));
    const d = result.diagnostics.find((x) => x.code === 'TIB1010');
    expect(text.slice(d?.range?.start, d?.range?.end)).toBe('env');
    expect(d?.message).toMatch(/directory/);
  });
});
