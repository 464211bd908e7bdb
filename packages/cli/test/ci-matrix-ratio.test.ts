/**
 * scripts/ci/matrix-ratio.js, the line .ci/run prints after its matrix: it reads the
 * manifests tib run wrote, counts distinct images (copies are not), and sets the matrix's
 * wall time against one image built alone.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/ci/matrix-ratio.js');

function fixture(images: Record<string, object>): { dir: string; recipes: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-ratio-'));
  const recipes = Object.entries(images).map(([name, manifest]) => {
    fs.writeFileSync(path.join(dir, `${name}.manifest.json`), JSON.stringify(manifest));
    const recipe = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(recipe, `tib: 1\nname: ${name}\n`);
    return recipe;
  });
  return { dir, recipes };
}

function ratio(args: readonly string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

const layer = { name: 'tib-layer-1', key: 'k1', seconds: 90 };

describe('matrix-ratio.js', () => {
  test('a layer, two leaves, a whole image and a copy: N = 3, the layer listed once', () => {
    const { dir, recipes } = fixture({
      a: { layer, timings: { totalSeconds: 60 } },
      b: { layer, timings: { totalSeconds: 70 } },
      c: { timings: { totalSeconds: 300 } },
      d: { sameAs: { image: 'c' }, timings: { totalSeconds: 0 } },
    });
    const r = ratio(['--wall', '440', '--one', '200', '--one-name', 'a', dir, ...recipes]);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/tib-layer-1/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^a +leaf +1:00$/m);
    expect(r.stdout).toMatch(/^c +whole +5:00$/m);
    expect(r.stdout).toMatch(/^d +copy +0:00$/m);
    expect(r.stdout).toContain('matrix ratio: 2.20 one images for N = 3 distinct images (target <= 1 + 0.4*N = 2.2;');
    expect(r.stdout).not.toContain('over the target');
  });

  test('over the target is said, not made an error', () => {
    const { dir, recipes } = fixture({ a: { timings: { totalSeconds: 100 } }, b: { timings: { totalSeconds: 100 } } });
    const r = ratio(['--wall', '200', '--one', '100', '--one-name', 'a', dir, ...recipes]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('over the target: 2.00 > 1.8');
  });

  test.each([
    ['no wall time', ['--one', '100', '--one-name', 'a']],
    ['a zero time alone', ['--wall', '100', '--one', '0', '--one-name', 'a']],
    ['no name for the one image', ['--wall', '100', '--one', '100']],
  ])('%s: usage, exit 2', (_why, args) => {
    const { dir, recipes } = fixture({ a: { timings: { totalSeconds: 100 } } });
    const r = ratio([...args, dir, ...recipes]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: matrix-ratio\.js/);
  });
});
