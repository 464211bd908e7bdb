/**
 * Messages say what the user wrote and do what they say: a number where a string
 * belongs is quoted back as it was written (not as YAML mangled it), every duplicate
 * key is reported by name, `-o` names a file (`-` is stdout, '' is a usage error), and
 * `run --dry-run` exits with the status the real run would stop with.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { memoryHost, validateRecipe } from '@tib/core';
import { createFakeDib } from './support/fake-dib';
import { runCli } from './support/run-cli';

const BASE = {
  tib: 1,
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};
const BASE_YAML = dump(BASE);

/** Texts YAML reads as a number or boolean, and so change when printed back. */
const numberLike = fc.oneof(
  fc.tuple(fc.nat(99), fc.nat(99), fc.integer({ min: 1, max: 3 })).map(([a, b, zeros]) => `${a}.${b}${'0'.repeat(zeros)}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.nat(999)).map(([zeros, n]) => `${'0'.repeat(zeros)}${n}`),
  fc.nat(0xffff).map((n) => `0x${n.toString(16).toUpperCase()}`),
  fc.nat(0o777).map((n) => `0o${n.toString(8)}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([m, e]) => `${m}e${e}`),
  fc.nat(99).map((n) => `+${n}`),
  fc.nat(99).map((n) => `.${n}0`),
  fc.constantFrom('.inf', '-.Inf', '.NaN', 'true', 'False', 'TRUE'),
);

describe('a number or boolean where a string belongs', () => {
  it.each([
    ['datastore.version', (v: string) => BASE_YAML.replace("version: '10.11'", `version: ${v}`), 'version'],
    ['base.release', (v: string) => BASE_YAML.replace('release: bookworm', `release: ${v}`), 'release'],
    ['name', (v: string) => `${BASE_YAML}name: ${v}\n`, 'name'],
    ['system.packages[1]', (v: string) => `${BASE_YAML}system:\n  packages:\n    - curl\n    - ${v}\n`, '-'],
  ])('%s: the message and the hint show the source text (property)', (where, recipe, hintKey) => {
    fc.assert(
      fc.property(numberLike, (text) => {
        const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': recipe(text) }));
        const d = result.diagnostics.find((x) => x.code === 'TIB2003');
        expect(d?.message).toContain(
          `${where}: expected a string, found the ${/^(true|false)$/i.test(text) ? 'boolean' : 'number'} ${text}`,
        );
        expect(d?.hint).toContain(hintKey === '-' ? `- "${text}"` : `${hintKey}: "${text}"`);
      }),
      { numRuns: 40 },
    );
  });

  it('shows --set values as typed, too', () => {
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': BASE_YAML }), { set: ['datastore.version=10.10'] });
    const d = result.diagnostics.find((x) => x.code === 'TIB2003');
    expect(d?.message).toContain('found the number 10.10');
    expect(d?.hint).toContain('version: "10.10"');
  });

  it('shows the source text in enum and format-version messages', () => {
    const enumCase = validateRecipe('r.yaml', memoryHost({ 'r.yaml': BASE_YAML.replace('distro: debian', 'distro: 1.10') }));
    expect(enumCase.diagnostics.map((d) => d.message).join('\n')).toMatch(/1\.10/);
    const tib = validateRecipe('r.yaml', memoryHost({ 'r.yaml': BASE_YAML.replace('tib: 1', 'tib: 2.0') }));
    expect(tib.diagnostics.find((d) => d.code === 'TIB2007')?.message).toMatch(/tib: 2\.0 /);
  });
});

describe('duplicate keys', () => {
  /** A mapping at some depth with the given keys, each key once per occurrence. */
  const keyName = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
  it('reports every duplicate, by name, at its own position (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyName, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('', 'system:\n  x:\n'),
        (keys, flow, nesting) => {
          const indent = nesting === '' ? '' : '    ';
          const entries = keys.flatMap(([k, n]) => Array.from({ length: n }, (_, i) => `${k}: v${i}`));
          const body = flow
            ? `${indent}dup: {${entries.join(', ')}}\n`
            : `${indent}dup:\n${entries.map((e) => `${indent}  ${e}\n`).join('')}`;
          const text = `${BASE_YAML}${nesting}${body}`;
          const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': text }));
          const dups = result.diagnostics.filter((d) => d.code === 'TIB1004');
          const counts = new Map<string, number>();
          for (const [k, n] of keys) counts.set(k, (counts.get(k) ?? 0) + n);
          const expected = [...counts].flatMap(([k, n]) => Array.from({ length: n - 1 }, () => k));
          expect(dups.map((d) => /duplicate key '([^']+)'/.exec(d.message)?.[1]).sort()).toEqual(expected.sort());
          for (const d of dups) {
            const name = /duplicate key '([^']+)'/.exec(d.message)?.[1] ?? '';
            expect(text.slice(d.range?.start, d.range?.end)).toBe(name);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('treats keys YAML reads as the same value as duplicates (1, "1", 0x1)', () => {
    const result = validateRecipe('r.yaml', memoryHost({ 'r.yaml': `${BASE_YAML}environment:\n  1: a\n  "1": b\n  0x1: c\n` }));
    expect(result.diagnostics.filter((d) => d.code === 'TIB1004')).toHaveLength(2);
  });
});

describe('-o', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-o-'));
    fs.writeFileSync(path.join(dir, 'r.yaml'), BASE_YAML);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['compile', 'r.yaml', '-o', '-'], /^#!\/usr\/bin\/env bash/],
    [['compile', 'r.yaml', '--format', 'json', '-o', '-'], /^\{\n {2}"planVersion"/],
    [['init', '-o', '-'], /^# yaml-language-server|^tib: 1/m],
  ])('%j writes to stdout and creates no file', async (argv, start) => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(start);
    expect(fs.readdirSync(dir)).toEqual(['r.yaml']);
  });

  it.each([
    [['compile', 'r.yaml', '-o', '']],
    [['compile', 'r.yaml', '--output=']],
    [['init', '-o', '']],
    [['run', 'r.yaml', '--out', '']],
    [['run', 'r.yaml', '--log', '']],
    [['verify', 'x.qcow2', '--recipe', '']],
    [['matrix', '--datastore', '']],
    [['init', '--distro', '']],
  ])('%j is a usage error (exit 2) and writes nothing', async (argv) => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tib: .*(empty|required)/);
    expect(fs.readdirSync(dir)).toEqual(['r.yaml']);
  });
});

describe('run --dry-run', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const maybe = isRoot ? it : it.skip;

  maybe('exits with the status the build would stop with: 0, 3 for pre-flight, 2 for an existing image', async () => {
    const dib = createFakeDib();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-dry-'));
    try {
      fs.writeFileSync(path.join(dir, 'r.yaml'), dump({ ...BASE, name: 'dry', output: { directory: 'out' } }));
      const ok = await runCli(['run', 'r.yaml', '--dry-run'], { cwd: dir, env: dib.env });
      expect(ok.code).toBe(0);
      expect(ok.stdout).not.toMatch(/would stop/);

      const noDib = await runCli(['run', 'r.yaml', '--dry-run'], { cwd: dir, env: { ...dib.env, PATH: path.join(dir, 'empty') } });
      expect(noDib.stdout).toMatch(/pre-flight would stop the build/);
      expect(noDib.code).toBe(3);

      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'dry.qcow2'), 'old');
      const exists = await runCli(['run', 'r.yaml', '--dry-run'], { cwd: dir, env: dib.env });
      expect(exists.stdout).toMatch(/exists/);
      expect(exists.code).toBe(2);
      expect((await runCli(['run', 'r.yaml', '--dry-run', '--force'], { cwd: dir, env: dib.env })).code).toBe(0);
    } finally {
      dib.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
