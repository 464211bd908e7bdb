import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { COMMANDS } from '../src/commands/registry';
import { REPO_ROOT, runCli } from './support/run-cli';

describe('tib command line', () => {
  it('prints help and exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Exit codes: 0 ok, 1 invalid recipe, 2 usage, 3 host pre-flight failed, 4 DIB failed,\n5 verification failed, 70 internal error, 130 interrupted/,
    );
    expect((await runCli([])).code).toBe(2);
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help', async (name) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^tib ${name}`));
    expect(r.stdout).toMatch(/-h, --help/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['validate'], /missing argument/],
    [['compile', 'a.yaml', 'b.yaml'], /unexpected argument 'b\.yaml'/],
    [['compile', 'a.yaml', '--format', 'xml'], /--format must be sh or json/],
    [['plan', 'a.yaml', '--nope'], /Unknown option '--nope'/],
    [['matrix', '--datastore', 'oracle'], /unknown datastore 'oracle'/],
  ])('usage error %j exits 2', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/    at /); // no stack trace
  });

  it('validates every example recipe (exit 0) and reports a broken one (exit 1) with positions', async () => {
    const good = await runCli(['validate', 'recipes/*.yaml', 'recipes/env/*.yaml']);
    expect(good.code).toBe(0);
    const bad = await runCli(['validate', 'packages/core/test/golden/broken/many-errors-at-once.yaml', '--json']);
    expect(bad.code).toBe(1);
    const [report] = JSON.parse(bad.stdout) as {
      valid: boolean;
      diagnostics: { code: string; line: number; column: number; path: string }[];
    }[];
    expect(report?.valid).toBe(false);
    expect(report?.diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toContainEqual(['TIB2004', 4, 11, 'base.distro']);
  });

  it('shows caret snippets and colour on a terminal, none with NO_COLOR or off a terminal', async () => {
    const file = 'packages/core/test/golden/broken/enum-typo-distro.yaml';
    const tty = await runCli(['validate', file], { tty: true, env: { ...process.env, NO_COLOR: undefined } as NodeJS.ProcessEnv });
    expect(tty.stderr).toMatch(/\u001b\[31merror/);
    expect(tty.stderr).toMatch(/\^\^\^\^\^\^/);
    // no-color.org: any non-empty NO_COLOR; the README promises no snippets either.
    for (const value of ['1', 'true', '0', 'no']) {
      const noColor = await runCli(['validate', file], { tty: true, env: { ...process.env, NO_COLOR: value } });
      expect(noColor.stderr).not.toMatch(/\u001b\[/);
      expect(noColor.stderr).not.toMatch(/\^| \| /);
      expect(noColor.stderr).toMatch(/enum-typo-distro\.yaml:\d+:\d+: error TIB2004/);
    }
    const empty = await runCli(['validate', file], { tty: true, env: { ...process.env, NO_COLOR: '' } });
    expect(empty.stderr).toMatch(/\^\^\^\^\^\^/);
    const pipe = await runCli(['validate', file]);
    expect(pipe.stderr).not.toMatch(/\u001b\[|\^\^\^/);
  });

  it('writes compile -o atomically, executable, and never a partial file on error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-cli-'));
    const out = path.join(dir, 'build.sh');
    const r = await runCli(['compile', 'recipes/debian-bookworm-mariadb.yaml', '-o', out]);
    expect(r.code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o755);
    const before = fs.readFileSync(out, 'utf8');
    const failed = await runCli(['compile', 'packages/core/test/golden/broken/enum-typo-distro.yaml', '-o', out]);
    expect(failed.code).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['build.sh']);
  });

  it('scaffolds a recipe that validates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-init-'));
    const r = await runCli(['init', '-o', path.join(dir, 'mine.yaml')]);
    expect(r.code).toBe(0);
    expect((await runCli(['validate', path.join(dir, 'mine.yaml')])).code).toBe(0);
    expect((await runCli(['init', '-o', path.join(dir, 'mine.yaml')])).code).toBe(2);
    expect((await runCli(['init', '--distro', 'centos', '--release', '7', '--datastore', 'redis'])).code).toBe(1);
  });

  it('scaffolds RHEL only with its local base image, whose path and sha256 it writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-init-rhel-'));
    const asked = await runCli(['init', '--distro', 'rhel', '--release', '9']);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/pass --base-image FILE/);
    expect((await runCli(['init', '--distro', 'rhel', '--release', '9', '--base-image', '/dev/null'])).code).toBe(2);
    fs.mkdirSync(path.join(dir, 'images'));
    fs.writeFileSync(path.join(dir, 'images', 'rhel "9".qcow2'), 'not really a disk\n');
    const out = path.join(dir, 'rhel.yaml');
    const r = await runCli([
      'init',
      '--distro',
      'rhel',
      '--release',
      '9',
      '--base-image',
      path.join(dir, 'images', 'rhel "9".qcow2'),
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('source: local');
    expect(text).toContain(createHash('sha256').update('not really a disk\n').digest('hex'));
    expect((await runCli(['validate', out])).code).toBe(0);
  });

  it('plans: elements with their origin, where each DIB element was found, and the controller settings', async () => {
    const r = await runCli(['plan', 'recipes/debian-bookworm-mariadb.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  debian-minimal +dib +.*\n +found: (\/.*\/debian-minimal|DIB is not installed here)$/m);
    expect(r.stdout).toMatch(/^  tib-docker +tib +.*\n +found: tib's elements\/$/m);
    expect(r.stdout).toMatch(/injected_config_owner = trove/);
    expect(r.stdout).toMatch(/install\.d +.*30-tib-agent-package/);
  });

  it('prints the support matrix with every gap explained', async () => {
    const r = await runCli(['matrix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^redis +native .*no\[\d+\]/m);
    expect(r.stdout).toMatch(/"TBD": Redis has no public community yum repository/);
    const json = JSON.parse((await runCli(['matrix', '--json'])).stdout) as {
      datastore: string;
      distro: string;
      release: string;
      model: string;
      supported: boolean;
      reason?: string;
    }[];
    for (const row of json.filter((x) => !x.supported)) expect(row.reason).toBeTruthy();
    expect(
      json.find((x) => x.datastore === 'couchdb' && x.distro === 'centos' && x.release === '7' && x.model === 'native')?.supported,
    ).toBe(false);
  });

  it('never prints a stack trace, whatever the recipe holds (property)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-fuzz-'));
    const file = path.join(dir, 'r.yaml');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.constantFrom('tib: 1\nbase: [', '{{{', '- - -', 'a: &x [*x]', 'tib: 1\nbase:\n  distro: !!binary AAA=\n', '\uFEFFtib: 1'),
        ),
        async (text) => {
          fs.writeFileSync(file, text);
          for (const cmd of ['validate', 'compile', 'plan']) {
            const r = await runCli([cmd, file]);
            expect([0, 1]).toContain(r.code);
            expect(r.stderr).not.toMatch(/internal error|    at /);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has an example for every recipe the README lists', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const m of readme.matchAll(/^\| `([a-z0-9/.-]+\.yaml)`/gm))
      expect(fs.existsSync(path.join(REPO_ROOT, 'recipes', m[1] ?? ''))).toBe(true);
  });
});
