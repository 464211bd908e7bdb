/**
 * The built CLI (bin/tib.js loading dist/tib.cjs, the one-file bundle users run) is
 * not the TypeScript the other tests import: it runs inside a vm.Script, where a
 * dynamic import() of a module that is not bundled has no loader. Every command is run
 * here for real — not only --help — against a fake disk-image-create, and must never
 * end in an internal error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../src/commands/registry';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';
import { spawnTib } from './support/spawn-tib';

const RECIPE = path.join(REPO_ROOT, 'recipes/debian-bookworm-mariadb.yaml');

/** Each command with real arguments, and the exit codes it may end with on a test host. */
const RUNS: [string, (dir: string) => string[], number[]][] = [
  ['validate', () => ['validate', RECIPE], [0]],
  ['validate', () => ['validate', RECIPE, '--json'], [0]],
  ['compile', () => ['compile', RECIPE], [0]],
  ['compile', (dir) => ['compile', RECIPE, '-o', path.join(dir, 'build.sh')], [0]],
  ['compile', () => ['compile', RECIPE, '--format', 'json'], [0]],
  ['plan', () => ['plan', RECIPE], [0]],
  ['plan', () => ['plan', RECIPE, '--json'], [0]],
  ['matrix', () => ['matrix'], [0]],
  ['matrix', () => ['matrix', '--json', '--datastore', 'redis'], [0]],
  ['run', (dir) => ['run', RECIPE, '--dry-run', '--out', path.join(dir, 'images')], [0, 3]],
  ['run', (dir) => ['run', RECIPE, '--out', path.join(dir, 'images')], [0, 3]],
  ['verify', (dir) => ['verify', path.join(dir, 'not-an-image.qcow2'), '--recipe', RECIPE, '--json'], [3, 5]],
  ['doctor', () => ['doctor'], [0, 3]],
  ['doctor', () => ['doctor', RECIPE, '--json'], [0, 3]],
  ['elements', () => ['elements'], [0]],
  ['elements', () => ['elements', '--json'], [0]],
  ['controller', () => ['controller', 'templates', path.join(REPO_ROOT, 'recipes/debian-bookworm-container.yaml')], [0]],
  [
    'controller',
    (dir) => ['controller', 'templates', path.join(REPO_ROOT, 'recipes/debian-bookworm-container.yaml'), '--out', path.join(dir, 'tpl')],
    [0],
  ],
  // A release tib knows no controller for: the command loads verify's code and says so.
  ['controller', () => ['controller', 'prepare', '--trove', '99'], [3]],
  ['init', () => ['init'], [0]],
  ['init', (dir) => ['init', '-o', path.join(dir, 'mine.yaml'), '--distro', 'ubuntu', '--release', 'jammy'], [0]],
  ['fmt', () => ['fmt', '--check', RECIPE], [0]],
  ['fmt', (dir) => ['fmt', copyOf(RECIPE, dir)], [0]],
  ['schema', () => ['schema'], [0]],
  ['schema', () => ['schema', 'run-events', '--path'], [0]],
  ['completion', () => ['completion', 'bash'], [0]],
  ['completion', () => ['completion', 'zsh'], [0]],
];

/** A copy of a recipe in the scratch directory, for commands that rewrite files. */
function copyOf(file: string, dir: string): string {
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  return copy;
}

describe('the built CLI runs every command', () => {
  let dib: FakeDib;
  let dir: string;
  beforeAll(() => {
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-smoke-'));
    fs.writeFileSync(path.join(dir, 'not-an-image.qcow2'), 'not a disk image\n');
  });
  afterAll(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a real run for every command', () => {
    for (const c of COMMANDS) expect(RUNS.map(([name]) => name)).toContain(c.name);
  });

  it.each(RUNS)('%s', (_name, argv, codes) => {
    const args = argv(dir);
    const r = spawnTib(args, { cwd: dir, env: { ...dib.env, NO_COLOR: '1', TIB_VERIFY_INSPECTOR: 'loop' } });
    if (!codes.includes(r.status ?? -1)) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    expect(r.stderr).not.toMatch(/internal error|dynamic import|    at /);
    if (args.includes('--json') || args.includes('json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('lists tib’s elements, and DIB’s where DIB is installed', () => {
    const r = spawnTib(['elements', '--json'], { cwd: dir, env: dib.env });
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; origin: string }[];
    expect(rows.filter((e) => e.origin === 'tib').map((e) => e.name)).toContain('tib-docker');
    expect(rows.some((e) => e.origin.startsWith('dib'))).toBe(true);
  });

  it('bundles every module it imports dynamically (a vm.Script has no import() loader)', () => {
    const bundle = fs.readFileSync(path.join(REPO_ROOT, 'packages/cli/dist/tib.cjs'), 'utf8');
    // The only import() left is the fallback of importEsm, behind the bridge bin/tib.js installs.
    const calls = [...bundle.matchAll(/[^\w$.]import\(/g)].map((m) => bundle.slice(m.index - 60, m.index + 30));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/__tibImportEsm/);
  });
});
