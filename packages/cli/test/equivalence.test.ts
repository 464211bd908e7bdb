/**
 * `tib run` and the compiled script must give DIB the same thing: the same argv, the
 * same environment for every variable the plan sets, and the same element files with
 * the same modes. A fake disk-image-create records what it receives (this proves the
 * plumbing, not that images build — the real builds in CI do that).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Plan } from '@tib/core';
import { createFakeDib } from './support/fake-dib';
import type { DibRecord, FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';
import { runScript, spawnTib } from './support/spawn-tib';

const RECIPES = [
  'recipes/debian-bookworm-mariadb.yaml',
  'recipes/debian-bullseye-mariadb-native.yaml',
  'recipes/env/dev.yaml',
  'recipes/env/prod.yaml',
];

function planOf(recipe: string): Plan {
  const r = spawnTib(['compile', recipe, '--format', 'json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

/** Paths that differ only by the temporary work directory each run makes. */
function normalize(value: string, workDirs: readonly string[]): string {
  let v = value;
  for (const w of workDirs) v = v.split(w).join('<work>');
  return v;
}

function workDirOf(record: DibRecord): string {
  return path.dirname((record.env['ELEMENTS_PATH'] ?? '').split(':')[0] ?? '');
}

describe('tib run and the compiled script give DIB the same build', () => {
  let dib: FakeDib;
  let tmp: string;
  beforeAll(() => {
    dib = createFakeDib();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-equiv-'));
  });
  afterAll(() => {
    dib.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const buildable = RECIPES.filter((r) => fs.existsSync(path.join(REPO_ROOT, r)) && planOf(r).missingElements.length === 0);

  it('has complete recipes to compare', () => {
    expect(buildable.length).toBeGreaterThan(0);
  });

  it.each(buildable)('%s', (recipe) => {
    const plan = planOf(recipe);
    const env = { ...dib.env, TIB_ACCESS_SECRET_FOR_TEST: 'not-used' };

    const scriptFile = path.join(tmp, `${plan.image.name}.sh`);
    expect(spawnTib(['compile', recipe, '-o', scriptFile]).status).toBe(0);
    const outScript = path.join(tmp, 'script-out');
    const s = runScript(scriptFile, ['--out', outScript], { cwd: REPO_ROOT, env });
    expect(s.stderr).toMatch(/built:/);
    expect(s.status).toBe(0);
    const fromScript = dib.record();

    const outRun = path.join(tmp, 'run-out');
    const r = spawnTib(['run', recipe, '--out', outRun], { env });
    expect(r.stderr).toMatch(/built /);
    expect(r.status).toBe(0);
    const fromRun = dib.record();

    const works = [workDirOf(fromScript), workDirOf(fromRun)];
    // argv: identical except the output directory each was given.
    const argv = (rec: DibRecord, out: string) => rec.argv.map((a) => normalize(a, works).replace(out, '<out>'));
    expect(argv(fromRun, outRun)).toEqual(argv(fromScript, outScript));
    expect(fromRun.argv).toContain(path.join(outRun, `.${plan.image.name}.tib-partial`, plan.image.name));

    // environment: every variable the plan sets, same value.
    const names = plan.dib.environment.map((e) => (e.kind === 'elements-path' ? 'ELEMENTS_PATH' : e.name));
    for (const name of names) {
      expect({ name, value: normalize(fromRun.env[name] ?? '<unset>', works) }).toEqual({
        name,
        value: normalize(fromScript.env[name] ?? '<unset>', works),
      });
    }

    // element files: same paths, modes and bytes.
    expect(fromRun.elements).toEqual(fromScript.elements);
    expect(fromRun.elements.map((e) => e.path).sort()).toEqual(plan.elementTree.map((e) => e.path).sort());
    for (const f of plan.elementTree) {
      const got = fromRun.elements.find((e) => e.path === f.path);
      expect(got?.mode).toBe(f.mode);
      expect(got?.content).toBe(f.content);
    }

    // both put the image in place with its checksum, and nothing half-written remains.
    for (const out of [outScript, outRun]) {
      for (const file of plan.image.files) {
        expect(fs.existsSync(path.join(out, file))).toBe(true);
        expect(fs.readFileSync(path.join(out, `${file}.sha256`), 'utf8')).toMatch(
          new RegExp(`^[0-9a-f]{64}  ${file.replace(/\./g, '\\.')}\\n$`),
        );
      }
      expect(fs.existsSync(path.join(out, `.${plan.image.name}.tib-partial`))).toBe(false);
    }
  });
});
