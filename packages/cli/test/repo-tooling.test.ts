/**
 * The tests themselves must be able to fail: golden files are never rewritten under CI,
 * `npm test`'s build step leaves the generated files alone (so the staleness test sees
 * what is committed), CI fails when the tests changed a tracked file, and every npm
 * script runs a file that exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './support/run-cli';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('golden files under CI', () => {
  it.each([['true'], ['1'], ['yes']])('UPDATE_GOLDEN=1 with CI=%s fails the golden suites and writes nothing', (ci) => {
    const golden = ['packages/core/test/golden', 'packages/cli/test/golden'];
    const before = execFileSync('git', ['status', '--porcelain', '--', ...golden], { cwd: REPO_ROOT, encoding: 'utf8' });
    const r = spawnSync(
      process.execPath,
      [
        require.resolve('jest/bin/jest'),
        '--ci',
        'packages/core/test/golden/broken.test.ts',
        'packages/cli/test/compile-golden.test.ts',
        '-t',
        'golden|broken',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: ci, UPDATE_GOLDEN: '1' }, timeout: 120000 },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/UPDATE_GOLDEN=1 is refused under CI/);
    expect(execFileSync('git', ['status', '--porcelain', '--', ...golden], { cwd: REPO_ROOT, encoding: 'utf8' })).toBe(before);
  });
});

describe("npm test's build step", () => {
  /** A copy of the build driver with stand-ins for what it runs, recording what it was asked. */
  function sandbox(generateExit: number): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-pretest-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const f of ['build.js', 'bundle-externals.js']) fs.copyFileSync(path.join(REPO_ROOT, 'scripts', f), path.join(dir, 'scripts', f));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'sandbox', private: true, scripts: { pretest: pkg.scripts['pretest'] } }),
    );
    fs.writeFileSync(
      path.join(dir, 'scripts/generate.js'),
      `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'generate-args.json'))}, JSON.stringify(process.argv.slice(2)));\nprocess.exit(${generateExit});\n`,
    );
    fs.mkdirSync(path.join(dir, 'node_modules/typescript/bin'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/typescript/bin/tsc'), 'process.exit(0);\n');
    fs.mkdirSync(path.join(dir, 'node_modules/esbuild'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/esbuild/index.js'), 'exports.buildSync = () => {};\n');
    return dir;
  }

  it.each([
    ['fresh', 0],
    ['stale', 1],
  ])('checks the generated files instead of rewriting them (%s), and builds on', (_state, generateExit) => {
    const dir = sandbox(generateExit);
    try {
      const r = spawnSync('npm', ['run', '--silent', 'pretest'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'generate-args.json'), 'utf8'))).toEqual(['--check']);
      expect(r.status).toBe(0);
      if (generateExit !== 0) expect(r.stderr).toMatch(/stale/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.ci/run', () => {
  it('fails when npm test changed a tracked file', () => {
    const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8').split('\n');
    const at = ci.indexOf('npm test');
    expect(at).toBeGreaterThan(0);
    const check = ci.slice(at + 1).find((l) => /^git /.test(l));
    expect(check).toBeDefined();
    expect(ci.slice(at + 1, ci.indexOf(check ?? ''))).not.toContainEqual(expect.stringMatching(/^(step|done_step) /));
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-ci-check-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '-q');
      fs.writeFileSync(path.join(repo, 'tracked.txt'), 'as committed\n');
      git('add', 'tracked.txt');
      git('commit', '-q', '-m', 'x');
      const run = () => spawnSync('bash', ['-c', `set -euo pipefail\n${check ?? 'false'}`], { cwd: repo, encoding: 'utf8' });
      expect(run().status).toBe(0);
      fs.writeFileSync(path.join(repo, 'tracked.txt'), 'rewritten by a test\n');
      expect(run().status).not.toBe(0);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('npm scripts', () => {
  it.each(Object.entries(pkg.scripts))('%s runs files that exist', (_name, command) => {
    for (const m of command.matchAll(/\bnode ([\w./-]+\.js)\b/g)) expect(fs.existsSync(path.join(REPO_ROOT, m[1] ?? ''))).toBe(true);
  });

  it('lint:shell passes on the repository', () => {
    const r = spawnSync('npm', ['run', '--silent', 'lint:shell'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
