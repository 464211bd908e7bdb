/**
 * A layered build installs what a single build does (issue 14): a recipe built by `tib
 * run` at once (--layers never), and built again together with the same image of an
 * agent from git, so that both come from one layer of the base OS and guest base and each
 * leaf installs its agent and datastore. Real DIB; then both images opened read-only and
 * compared: every dpkg package with its version and state, every path with type, mode,
 * owner and size. Needs root, loop devices and four real builds (about twenty minutes),
 * each run under the machine's heavy-job lock. TIB_LAYERS_IT_FULL / TIB_LAYERS_IT_LAYERED
 * name the output directories of builds made earlier, to compare without building again,
 * and TIB_LAYERS_IT_NAME the image in both (.ci/run compares the leaf of its matrix with
 * the same recipe built whole by its compiled build.sh, which writes no manifest).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILD_UNIQUE, difference, imageContents } from './support/contents';

const ROOT = path.resolve(__dirname, '../../..');
const TIB = path.join(ROOT, 'packages/cli/bin/tib.js');
const RECIPE = 'test-fixtures/matrix/debian-bullseye-postgresql-native.yaml';
const WITH_GIT_AGENT = 'test-fixtures/matrix/debian-bullseye-postgresql-git.yaml';
const NAME = process.env['TIB_LAYERS_IT_NAME'] ?? 'debian-bullseye-postgresql-native';
const HEAVY_LOCK = '/tmp/tib-heavy.lock';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Paths whose content names the build, so their sizes differ between any two builds: DIB's
 * record of its own command line and environment (the output path, the element list).
 */
const BUILD_RECORDS = ['/etc/dib-manifests/dib_arguments', '/etc/dib-manifests/dib_environment'];

function note(line: string): void {
  process.stderr.write(`[layers-it] ${line}\n`);
}

function build(recipes: readonly string[], out: string, layers: 'never' | 'auto', cache: string): void {
  const t0 = Date.now();
  const r = spawnSync('flock', [HEAVY_LOCK, process.execPath, TIB, 'run', ...recipes, '--layers', layers, '--out', out, '--force'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TIB_CACHE_DIR: cache },
    maxBuffer: 64 * 1024 * 1024,
  });
  note(`--layers ${layers}: exit ${r.status} in ${Math.round((Date.now() - t0) / 1000)} s`);
  if (r.status !== 0) throw new Error(`tib run --layers ${layers} failed (${r.status}):\n${r.stderr.slice(-4000)}`);
}

const given = process.env['TIB_LAYERS_IT_FULL'] && process.env['TIB_LAYERS_IT_LAYERED'];
const runIt = isRoot ? test : test.skip;

describe('a layered build installs what a single build of the same recipe does', () => {
  runIt(
    'same packages and versions, same paths, modes, owners and sizes',
    async () => {
      let full = process.env['TIB_LAYERS_IT_FULL'] ?? '';
      let layered = process.env['TIB_LAYERS_IT_LAYERED'] ?? '';
      if (!given) {
        const scratch = fs.mkdtempSync(path.join(process.env['TIB_IT_WORK'] ?? '/var/tmp', 'tib-layers-it-'));
        full = path.join(scratch, 'full');
        layered = path.join(scratch, 'layered');
        spawnSync(path.join(ROOT, 'scripts/ci/fixture-git-repo.sh'), { stdio: 'ignore' });
        build([RECIPE], full, 'never', path.join(scratch, 'cache'));
        build([RECIPE, WITH_GIT_AGENT], layered, 'auto', path.join(scratch, 'cache'));
      }
      const manifest = (dir: string) => {
        const file = path.join(dir, `${NAME}.manifest.json`);
        return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
      };
      const fromLayer = manifest(layered);
      expect(fromLayer.layer).toMatchObject({ covers: expect.arrayContaining(['debian-minimal', 'tib-guest-base']) });
      // A whole build by tib run says it was one; build.sh writes no manifest.
      const whole = manifest(full);
      if (!given || whole) expect(whole.layer).toBeUndefined();
      note(
        `full build ${whole ? `${whole.timings.totalSeconds} s` : 'by build.sh'}; layer ${fromLayer.layer.seconds} s, leaf ${fromLayer.timings.totalSeconds} s`,
      );

      const a = await imageContents(path.join(full, `${NAME}.qcow2`));
      const b = await imageContents(path.join(layered, `${NAME}.qcow2`));
      note(`${a.packages.length} packages, ${a.files.length} paths in the single build`);
      expect(difference(a.packages, b.packages)).toEqual({ onlyA: [], onlyB: [] });

      const sizeless = (f: string) => {
        const where = f.split(' ')[0] ?? '';
        return BUILD_RECORDS.includes(where) || BUILD_UNIQUE.some((u) => u.path.test(where));
      };
      const comparable = (files: readonly string[]) => files.map((f) => (sizeless(f) ? f.replace(/ \d+$/, ' <size>') : f));
      const files = difference(comparable(a.files), comparable(b.files));
      if (files.onlyA.length + files.onlyB.length > 0) note(`differences:\n${JSON.stringify(files, null, 1).slice(0, 8000)}`);
      expect(files).toEqual({ onlyA: [], onlyB: [] });
      expect(a.files.length).toBeGreaterThan(10000);
      // The files no two builds share hold the same once their build's own part is left out.
      expect(Object.keys(a.unique).length).toBeGreaterThan(0);
      expect(b.unique).toEqual(a.unique);
    },
    3 * 60 * 60 * 1000,
  );
});

afterAll(() => {
  if (!isRoot) note(`skipped: needs root (${os.userInfo().username})`);
});
