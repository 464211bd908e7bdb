/**
 * `tib matrix --emit`: files where the engine reads them, JSON in every outcome, usage
 * errors, and the emitted GitHub workflow's steps run here as far as they can
 * (scripts/ci/run-workflow.js: apt-get and npm ci simulated, tib run --dry-run). The
 * files' validity against each engine's schema is tested in core (emit.test.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { REPO_ROOT, runCli } from './support/run-cli';

const RECIPES = ['test-fixtures/matrix/debian-bullseye-postgresql-native.yaml', 'test-fixtures/matrix/debian-bullseye-redis-native.yaml'];

describe('tib matrix --emit', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-emit-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it.each([
    ['github', ['.github/workflows/tib-images.yml']],
    ['gitlab', ['.gitlab-ci.yml']],
    ['zuul', ['.zuul.d/tib-images.yaml', 'playbooks/tib/build.yaml']],
  ])('%s: writes %j under -o', async (engine, files) => {
    const r = await runCli(['matrix', '--emit', engine, ...RECIPES, '-o', out]);
    expect(r.code).toBe(0);
    for (const f of files) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(load(fs.readFileSync(path.join(out, files[0] as string), 'utf8'))).toBeTruthy();
  });

  it('prints JSON in every outcome: the jobs and files, or the diagnostics', async () => {
    const ok = await runCli(['matrix', '--emit', 'gitlab', ...RECIPES, '--json']);
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout) as { ok: boolean; jobs: { id: string; kind: string; needs: string[] }[]; files: { path: string }[] };
    expect(doc.ok).toBe(true);
    expect(doc.jobs.map((j) => j.kind)).toEqual(['layer', 'image', 'image']);
    expect(doc.files.map((f) => f.path)).toEqual(['.gitlab-ci.yml']);
    const bad = await runCli(['matrix', '--emit', 'gitlab', 'packages/core/test/golden/broken/many-errors-at-once.yaml', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      diagnostics: expect.arrayContaining([expect.objectContaining({ code: 'TIB2004' })]),
    });
  });

  it.each([
    [['matrix', '--emit', 'jenkins', RECIPES[0] as string], /--emit takes one of github, gitlab, zuul/],
    [['matrix', '--emit', 'github'], /--emit needs the recipes/],
    [['matrix', RECIPES[0] as string], /recipes go with --emit/],
  ])('usage error %j exits 2', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("the GitHub workflow's steps run here: host preparation simulated, tib run --dry-run", async () => {
    expect((await runCli(['matrix', '--emit', 'github', ...RECIPES, '-o', out])).code).toBe(0);
    const workflow = path.join(out, '.github/workflows/tib-images.yml');
    const jobs = Object.keys((load(fs.readFileSync(workflow, 'utf8')) as { jobs: Record<string, unknown> }).jobs);
    const runJob = (job: string) => {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/ci/run-workflow.js'), workflow, job, '--json'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 180000,
      });
      const report = JSON.parse(r.stdout) as { ok: boolean; steps: { step: string; ran: boolean; command?: string; exitCode?: number }[] };
      return { status: r.status, report, step: (name: RegExp) => report.steps.find((s) => name.test(s.step)) };
    };
    const image = runJob(jobs.find((j) => j.startsWith('image-')) ?? '');
    expect(image.step(/Prepare the build host/)).toMatchObject({
      ran: true,
      exitCode: 0,
      command: expect.stringContaining('apt-get install --dry-run'),
    });
    expect(image.step(/Build the image/)).toMatchObject({
      ran: true,
      exitCode: 0,
      command: expect.stringMatching(/tib run .* --layers always .*--dry-run$/),
    });
    expect(image.step(/Layer tib-layer-/)).toMatchObject({ ran: false });
    expect(image.report.ok).toBe(true);
    expect(image.status).toBe(0);
    const layer = runJob(jobs.find((j) => j.startsWith('layer-')) ?? '');
    expect(layer.step(/Build the layer/)).toMatchObject({ ran: true, exitCode: 0, command: expect.stringContaining('--layers only') });
    expect(layer.status).toBe(0);
  });
});
