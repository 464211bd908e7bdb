/**
 * `tib fmt`: the repository's recipes are canonical; a reordered, re-indented copy of
 * each is not (--check fails with a diff that patch(1) applies) and formats back to
 * the original byte for byte, comments included; formatting is idempotent and never
 * changes what a recipe means.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fg from 'fast-glob';
import { isScalar, parseDocument, visit } from 'yaml';
import { unifiedDiff } from '../src/fmt/unified-diff';
import { REPO_ROOT, runCli } from './support/run-cli';

const recipes = fg.sync('recipes/**/*.yaml', { cwd: REPO_ROOT }).sort();

/** Every mapping's keys reversed, 4-space indentation, a blank line before every key. */
function scramble(text: string): string {
  const doc = parseDocument(text);
  visit(doc, {
    Map(_, map) {
      map.items.reverse();
      for (const pair of map.items) if (isScalar(pair.key)) pair.key.spaceBefore = true;
    },
  });
  return doc.toString({ indent: 4, lineWidth: 0 });
}

describe('tib fmt', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-fmt-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  it('finds the repository recipes canonical', async () => {
    const r = await runCli(['fmt', '--check', 'recipes/']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it.each(recipes.map((r) => [r]))('fails --check on a reordered copy of %s and formats it back', async (recipe) => {
    const original = fs.readFileSync(path.join(REPO_ROOT, recipe), 'utf8');
    const scrambled = scramble(original);
    expect(scrambled).not.toBe(original);
    const file = put('copy.yaml', scrambled);

    const check = await runCli(['fmt', '--check', file], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^--- .*copy\.yaml\n\+\+\+ .*copy\.yaml \(tib fmt\)\n@@ /);
    expect(check.stderr).toMatch(/1 of 1 file\(s\) not in tib's canonical form/);
    expect(fs.readFileSync(file, 'utf8')).toBe(scrambled);
    const patched = spawnSync('patch', ['-s', '-o', '-', file], { input: check.stdout, encoding: 'utf8' });
    expect(patched.stdout).toBe(original);

    const fixed = await runCli(['fmt', file], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe(`${file}\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });

  it('writes the canonical style, keeps every comment, and is idempotent', async () => {
    const messy = [
      '# yaml-language-server: $schema=../schemas/recipe.schema.json',
      '# header',
      "name: 'x'",
      'custom: kept   # unknown keys stay, after the known ones',
      'output:',
      '    formats: [ qcow2 ]',
      '',
      '',
      'datastore:',
      '    # the version',
      "    version: '15'",
      '    type: postgresql',
      'guestagent: {source: package}',
      'base:',
      '    release: "9"',
      "    distro: 'rhel'",
      'tib: 1',
      '# trailer',
      '',
    ].join('\n');
    const file = put('messy.yaml', messy);
    expect((await runCli(['fmt', file], { cwd: dir })).code).toBe(0);
    const once = fs.readFileSync(file, 'utf8');
    expect(once).toBe(
      [
        '# yaml-language-server: $schema=../schemas/recipe.schema.json',
        '# header',
        'tib: 1',
        'name: x',
        '',
        'base:',
        '  distro: rhel',
        '  release: "9"',
        '',
        'datastore:',
        '  type: postgresql',
        '  # the version',
        '  version: "15"',
        '',
        'guestagent: {source: package}',
        '',
        'output:',
        '  formats: [qcow2]',
        '',
        'custom: kept # unknown keys stay, after the known ones',
        '',
        '# trailer',
        '',
      ].join('\n'),
    );
    expect((await runCli(['fmt', '--check', file], { cwd: dir })).code).toBe(0);
  });

  it('agrees with tib init, which writes its recipes in the same style', async () => {
    fs.writeFileSync(path.join(dir, 'rhel-9.qcow2'), 'a stand-in for the KVM guest image\n');
    for (const args of [
      [],
      ['--distro', 'rhel', '--release', '9', '--datastore', 'mysql', '--base-image', 'rhel-9.qcow2'],
      ['--distro', 'ubuntu', '--release', 'jammy', '--datastore', 'mysql'],
    ]) {
      const file = path.join(dir, `${args.filter((a) => !a.startsWith('-') && !a.endsWith('.qcow2')).join('-') || 'default'}.yaml`);
      expect((await runCli(['init', '-o', file, ...args], { cwd: dir })).code).toBe(0);
      expect(await runCli(['fmt', '--check', file], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    }
  });

  it('refuses what is not YAML, and what it could not reorder without changing its meaning', async () => {
    const broken = put('broken.yaml', 'tib: 1\nbase: [debian\n');
    const r = await runCli(['fmt', broken], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error TIB1001/);
    expect(fs.readFileSync(broken, 'utf8')).toBe('tib: 1\nbase: [debian\n');

    const aliased = put('aliased.yaml', 'elements: {add: &f [qcow2]}\noutput: {formats: *f}\ntib: 1\n');
    const a = await runCli(['fmt', aliased], { cwd: dir });
    expect(a.stderr).toMatch(/TIB1012/);
    expect(a.code).toBe(1);
  });

  it('reports with --json in every outcome', async () => {
    const good = put('good.yaml', fs.readFileSync(path.join(REPO_ROOT, recipes[0]!), 'utf8'));
    const bad = put('bad.yaml', 'datastore: {type: mariadb}\ntib: 1\n');
    const r = await runCli(['fmt', '--check', '--json', good, bad], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: false, check: true, diagnostics: [] });
    expect(out.files).toEqual([
      { file: good, formatted: true, changed: false },
      expect.objectContaining({ file: bad, formatted: false, changed: false, diff: expect.stringMatching(/^--- /) }),
    ]);
    const missing = await runCli(['fmt', '--json', path.join(dir, 'nope.yaml')], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).diagnostics[0].code).toBe('TIB1002');
  });
});

describe('unifiedDiff', () => {
  const apply = (before: string, diff: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-diff-'));
    try {
      fs.writeFileSync(path.join(dir, 'a'), before);
      return spawnSync('patch', ['-s', '-o', '-', path.join(dir, 'a')], { input: diff, encoding: 'utf8' }).stdout;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is empty for equal texts and applies with patch(1) otherwise', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x', 'y')).toBe('');
    const cases: [string, string][] = [
      ['a\nb\nc\n', 'a\nc\n'],
      ['', 'new\n'],
      ['old\n', ''],
      ['one\ntwo', 'one\ntwo\n'],
      [
        Array.from({ length: 40 }, (_, i) => `l${i}\n`).join(''),
        Array.from({ length: 40 }, (_, i) => (i % 13 ? `l${i}\n` : `m${i}\n`)).join(''),
      ],
    ];
    for (const [before, after] of cases) expect(apply(before, unifiedDiff(before, after, 'a', 'b'))).toBe(after);
  });

  it('prints hunks as diff -u does', () => {
    expect(unifiedDiff('a\nb\nc\nd\n', 'a\nB\nc\nd\n', 'old', 'new')).toBe('--- old\n+++ new\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n');
    expect(unifiedDiff('x', 'x\n', 'old', 'new')).toBe('--- old\n+++ new\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n');
  });
});
