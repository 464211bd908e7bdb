/**
 * `tib run RECIPE...` against a fake disk-image-create: every recipe is planned before
 * anything is built, a shared layer is built once (DIB `-t raw`, no `vm`) and each leaf
 * starts from it (tib-layer-root, the layer's image in TIB_LAYER_IMAGE), an image with the
 * same plan as another is a hard link with its own manifest, and a second run is a no-op.
 * The real-DIB proof that a leaf installs what a single build does is in
 * packages/cli/test-integration/layers.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { dump } from 'js-yaml';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';
import { spawnTib } from './support/spawn-tib';

const native = (name: string, type: string, version: string) => ({
  tib: 1,
  name,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type, version, runtime: 'native' },
  guestagent: {
    source: 'local',
    path: path.join(REPO_ROOT, 'test-fixtures/trove-agent'),
    release: 'ussuri',
    requirements: { index: 'none' },
  },
  output: { directory: 'out' },
});

describe('tib run of several recipes', () => {
  let dib: FakeDib;
  let dir: string;
  const run = (...args: string[]) => spawnTib(['run', 'pg.yaml', 'redis.yaml', 'twin.yaml', ...args], { cwd: dir, env: dib.env });
  const manifest = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, 'out', `${name}.manifest.json`), 'utf8'));

  beforeEach(() => {
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-many-'));
    fs.writeFileSync(path.join(dir, 'pg.yaml'), dump(native('pg', 'postgresql', '13')));
    fs.writeFileSync(path.join(dir, 'redis.yaml'), dump(native('redis', 'redis', '6.0')));
    fs.writeFileSync(path.join(dir, 'twin.yaml'), dump(native('pg-twin', 'postgresql', '13')));
  });
  afterEach(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the shared layer once, each leaf on it, and the twin as a hard link', () => {
    const r = run();
    expect(r.stderr).toMatch(/3 recipes: 2 distinct images, 1 shared layer/);
    expect(r.stderr).toMatch(/pg-twin: a copy of pg/);
    expect(r.status).toBe(0);
    const calls = dib.records();
    expect(calls).toHaveLength(3);
    const [layer, ...leaves] = calls;
    expect(layer?.argv.slice(0, 4)).toEqual(['-a', 'amd64', '-t', 'raw']);
    expect(layer?.argv).toContain('debian-minimal');
    expect(layer?.argv).not.toContain('vm');
    const layerImage = `${layer?.argv[layer.argv.indexOf('-o') + 1]}.raw`.replace(/\.tib-layer-[0-9a-f]+\.tib-partial\//, '');
    for (const leaf of leaves) {
      expect(leaf.argv.slice(leaf.argv.indexOf('-o') + 2, leaf.argv.indexOf('-o') + 4)).toEqual(['tib-layer-root', 'vm']);
      expect(leaf.argv).not.toContain('debian-minimal');
      expect(leaf.env['TIB_LAYER_IMAGE']).toBe(layerImage);
      expect(leaf.elements.map((e) => e.path)).toContain('tib-layer-root/root.d/05-tib-layer-root');
    }
    expect(fs.statSync(path.join(dir, 'out', 'pg-twin.qcow2')).ino).toBe(fs.statSync(path.join(dir, 'out', 'pg.qcow2')).ino);

    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/manifest.schema.json'), 'utf8')));
    for (const name of ['pg', 'redis', 'pg-twin']) expect(valid(manifest(name)) ? [] : valid.errors).toEqual([]);
    expect(manifest('pg').layer).toMatchObject({ covers: expect.arrayContaining(['debian-minimal', 'tib-agent-venv']) });
    expect(manifest('pg-twin').sameAs).toMatchObject({ recipe: 'pg.yaml' });
    expect(manifest('pg-twin').recipe.path).toBe('twin.yaml');
    expect(fs.readFileSync(path.join(dir, 'out', 'pg-twin.qcow2.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}pg-twin\.qcow2\n$/);
  });

  it('is a no-op when nothing changed; --force rebuilds the images on the layer it keeps', () => {
    expect(run().status).toBe(0);
    const again = run();
    expect(again.status).toBe(0);
    expect(dib.records()).toHaveLength(3);
    expect(again.stderr).toMatch(/pg +up to date/);
    const forced = run('--force');
    expect(forced.status).toBe(0);
    const calls = dib.records().slice(3);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.argv.includes('tib-layer-root'))).toBe(true);
  });

  it('replaces a cached layer whose input changed, without asking for --force', () => {
    const tree = path.join(dir, 'agent');
    fs.cpSync(path.join(REPO_ROOT, 'test-fixtures/trove-agent'), tree, { recursive: true });
    for (const [file, name, type, version] of [
      ['pg.yaml', 'pg', 'postgresql', '13'],
      ['redis.yaml', 'redis', 'redis', '6.0'],
      ['twin.yaml', 'pg-twin', 'postgresql', '13'],
    ] as const)
      fs.writeFileSync(
        path.join(dir, file),
        dump({ ...native(name, type, version), guestagent: { ...native(name, type, version).guestagent, path: 'agent' } }),
      );
    expect(run().status).toBe(0);
    fs.appendFileSync(path.join(tree, 'README.rst'), '\nchanged\n');
    const again = run('--force');
    expect(again.stderr).not.toMatch(/TIB5016/);
    expect(again.status).toBe(0);
    expect(
      dib
        .records()
        .slice(3)
        .map((c) => c.argv.slice(2, 4)),
    ).toEqual([
      ['-t', 'raw'],
      ['-t', 'qcow2'],
      ['-t', 'qcow2'],
    ]);
  });

  it('plans every recipe first: one invalid recipe is reported with the others, and nothing is built', () => {
    fs.writeFileSync(
      path.join(dir, 'redis.yaml'),
      dump({ ...native('redis', 'redis', '6.0'), datastore: { type: 'redis', version: '99' } }),
    );
    fs.writeFileSync(path.join(dir, 'twin.yaml'), 'tib: 1\nbase: [\n');
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/redis\.yaml:\d+:\d+: error/);
    expect(r.stderr).toMatch(/twin\.yaml:\d+:\d+: error TIB1001/);
    expect(dib.records()).toHaveLength(0);
  });

  it('--dry-run shows each build and builds nothing; --layers never builds each image alone', () => {
    const dry = run('--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/disk-image-create -a amd64 -t raw/);
    expect(dry.stdout).toMatch(/TIB_LAYER_IMAGE=<file system image of tib-layer-/);
    expect(dib.records()).toHaveLength(0);
    const alone = run('--layers', 'never');
    expect(alone.status).toBe(0);
    expect(dib.records().map((c) => c.argv.includes('vm') && c.argv.includes('debian-minimal'))).toEqual([true, true]);
  });
});
