/**
 * `tib matrix --emit`: the job files for GitHub Actions, GitLab CI and Zuul validate
 * against each engine's schema (test-fixtures/ci-schemas: SchemaStore's GitHub workflow
 * schema, GitLab's own CI schema, and one written from Zuul's job documentation), hold one
 * job per layer and distinct image in order, and are the same bytes every time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { compileLayered, emitCi, memoryHost, planMatrix } from '../../src';
import type { CiEngine, MatrixEntry, SourceHost } from '../../src';
import { ELEMENTS_DIR, REPO_ROOT } from '../elements/support';

const SCHEMAS = path.join(REPO_ROOT, 'test-fixtures/ci-schemas');
const RECIPES = [
  ...fs
    .readdirSync(path.join(REPO_ROOT, 'test-fixtures/matrix'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `test-fixtures/matrix/${f}`),
  'recipes/debian-bookworm-container.yaml',
  // The same bytes as the first native recipe under another name: one job builds both.
  'twin.yaml',
];

/** The checkout, read relative to its root, plus one recipe in memory. */
const host: SourceHost = (() => {
  const twin = fs.readFileSync(path.join(REPO_ROOT, RECIPES[0] as string), 'utf8').replace(/^name: .*$/m, 'name: twin-image');
  const memory = memoryHost({ 'twin.yaml': twin.replace('path: ../trove-agent', 'path: test-fixtures/trove-agent') });
  const abs = (p: string) => path.resolve(REPO_ROOT, p);
  return {
    readFile: (p) => memory.readFile(p) ?? (fs.existsSync(abs(p)) ? fs.readFileSync(abs(p), 'utf8') : undefined),
    fileExists: (p) => memory.fileExists(p) || fs.existsSync(abs(p)),
    listFiles: (dir) =>
      fs.existsSync(abs(dir))
        ? fs
            .readdirSync(abs(dir), { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => path.relative(abs(dir), path.join(e.parentPath ?? e.path, e.name)))
            .sort()
        : undefined,
  };
})();

const entries: MatrixEntry[] = RECIPES.map((recipePath) => {
  const r = compileLayered({ recipePath, elementsDir: ELEMENTS_DIR, tibVersion: 'test' }, host);
  if (!r.ok) throw new Error(`${recipePath}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { plan: r.plan, split: r.split, baseSplit: r.baseSplit };
});
const design = planMatrix(entries, 'auto');
const emit = (engine: CiEngine) =>
  emitCi({ engine, design, entries, hostPackages: ['debootstrap', 'python3-diskimage-builder'], command: `tib matrix --emit ${engine}` });

function validator(file: string) {
  // GitLab's schema uses regular expressions without the u flag (check-jsonschema's
  // "nonunicode" variant); formats are annotations here.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')));
}
const SCHEMA_OF: Record<CiEngine, string> = { github: 'github-workflow.json', gitlab: 'gitlab-ci.json', zuul: 'zuul-config.json' };

describe.each(['github', 'gitlab', 'zuul'] as const)('%s', (engine) => {
  const result = emit(engine);
  const validate = validator(SCHEMA_OF[engine]);

  test("the job file validates against the engine's schema", () => {
    const ok = validate(result.files[0]?.value);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('and the schema is not a formality: a broken file fails it', () => {
    const broken = JSON.parse(JSON.stringify(result.files[0]?.value)) as Record<string, unknown> | Record<string, unknown>[];
    if (engine === 'github')
      delete ((broken as { jobs: Record<string, Record<string, unknown>> }).jobs['layer-' + design.layers[0]?.key.slice(0, 16)] ?? {})[
        'runs-on'
      ];
    if (engine === 'gitlab') (broken as Record<string, Record<string, unknown>>)[`image-debian-bookworm-container`]!['needs'] = 'layer';
    if (engine === 'zuul')
      ((broken as Record<string, Record<string, unknown>>[])[1]!['job'] as Record<string, unknown>)['dependsOn'] = ['x'];
    expect(validate(broken)).toBe(false);
  });

  test('is the same bytes every time', () => {
    expect(emit(engine).files.map((f) => f.content)).toEqual(result.files.map((f) => f.content));
  });
});

describe('the jobs', () => {
  const { jobs } = emit('github');

  test('one per shared layer, then one per distinct image waiting for its layer', () => {
    // Agents from a tree and from git: one layer of the base OS and guest base for all four.
    expect(design.layers).toHaveLength(1);
    expect(jobs.map((j) => j.kind)).toEqual(['layer', 'image', 'image', 'image', 'image', 'image']);
    for (const j of jobs.filter((x) => x.kind === 'image' && x.layer)) {
      expect(j.needs).toEqual([`layer-${j.layer?.key.slice(0, 16)}`]);
      // The depth the design chose, so a job of one image uses the layer its layer job built.
      expect(j.args).toEqual(['--layers', 'always', '--layer-depth', 'base', '--out', 'images']);
    }
    expect(jobs[0]?.args).toEqual(['--layers', 'only', '--layer-depth', 'base']);
    expect(jobs.find((j) => j.id === 'image-debian-bookworm-container')).toMatchObject({
      needs: [],
      args: ['--layers', 'never', '--out', 'images'],
    });
  });

  test('an image with a twin builds both: the twin is a hard link with its own manifest', () => {
    const job = jobs.find((j) => j.recipes.includes('twin.yaml'));
    expect(job?.recipes).toEqual([RECIPES[0], 'twin.yaml']);
    expect(job?.artifacts).toEqual(
      expect.arrayContaining(['images/twin-image.qcow2', 'images/twin-image.qcow2.sha256', 'images/twin-image.manifest.json']),
    );
  });

  test('layers are cached by their key', () => {
    const github = emit('github').files[0]?.content ?? '';
    for (const l of design.layers) expect(github).toContain(`tib-layer-${l.key}`);
    expect(github).toContain('actions/cache/restore@v4');
    // Built as root; the cache runs as the job's user.
    expect(github).toContain(`sudo chown -R "$(id -u):$(id -g)" .tib-cache/layers/${design.layers[0]?.key}`);
    const gitlab = emit('gitlab').files[0]?.content ?? '';
    expect(gitlab).toMatch(/policy: pull-push/);
    expect(gitlab).toMatch(/policy: pull\n/);
  });

  test('Zuul: a playbook beside the jobs; the layer travels as an artifact of the job the image depends on', () => {
    const zuul = emit('zuul');
    expect(zuul.files.map((f) => f.path)).toEqual(['.zuul.d/tib-images.yaml', 'playbooks/tib/build.yaml']);
    expect(zuul.files[0]?.content).toContain('tib_layer_key');
    expect(zuul.files[1]?.content).toContain('zuul_return');
  });
});
