/**
 * Every example recipe compiles to its golden script, byte for byte, every time and in
 * any time zone or locale; every emitted script passes bash -n and shellcheck.
 * UPDATE_GOLDEN=1 rewrites the golden scripts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { updatingGolden } from '../../core/test/golden/update-golden';
import { REPO_ROOT, runCli } from './support/run-cli';

// Evaluated when the file loads: under CI with UPDATE_GOLDEN=1 the whole suite fails.
const UPDATE = updatingGolden();

const recipes = fg.sync('recipes/**/*.yaml', { cwd: REPO_ROOT }).sort();
const goldenDir = path.join(__dirname, 'golden', 'scripts');
const goldenFor = (recipe: string) =>
  path.join(
    goldenDir,
    `${recipe
      .replace(/^recipes\//, '')
      .replace(/\//g, '__')
      .replace(/\.yaml$/, '')}.sh`,
  );

describe('compiled scripts', () => {
  it('covers the example recipes', () => {
    expect(recipes).toEqual(
      expect.arrayContaining([
        'recipes/debian-bookworm-mariadb.yaml',
        'recipes/ubuntu-bionic-mysql-native.yaml',
        'recipes/ubuntu-jammy-mysql.yaml',
        'recipes/centos-7-mysql.yaml',
        'recipes/debian-bullseye-mariadb-native.yaml',
        'recipes/rhel-9-mysql.yaml',
        'recipes/env/base.yaml',
        'recipes/env/prod.yaml',
        'recipes/env/dev.yaml',
      ]),
    );
  });

  describe.each(recipes)('%s', (recipe) => {
    let script = '';
    beforeAll(async () => {
      const result = await runCli(['compile', recipe]);
      expect(result.stderr).not.toMatch(/error TIB/);
      expect(result.code).toBe(0);
      script = result.stdout;
    });

    it('matches its golden script', () => {
      const golden = goldenFor(recipe);
      if (UPDATE) fs.writeFileSync(golden, script);
      expect(fs.existsSync(golden)).toBe(true);
      expect(script).toBe(fs.readFileSync(golden, 'utf8'));
    });

    it('compiles to the same bytes twice', async () => {
      const again = await runCli(['compile', recipe]);
      expect(again.stdout).toBe(script);
    });

    it('compiles to the same bytes in another time zone and locale (fresh process)', () => {
      const out = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packages/cli/bin/tib.js'), 'compile', recipe], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      });
      expect(out.status).toBe(0);
      expect(out.stdout).toBe(script);
    });

    it('passes bash -n and shellcheck', () => {
      const file = path.join(fs.mkdtempSync('/tmp/tib-sc-'), 'build.sh');
      fs.writeFileSync(file, script);
      expect(() => execFileSync('bash', ['-n', file], { stdio: 'pipe' })).not.toThrow();
      const sc = spawnSync('shellcheck', ['-x', '-S', 'style', file], { encoding: 'utf8' });
      expect(sc.error).toBeUndefined();
      expect(sc.stdout).toBe('');
      expect(sc.status).toBe(0);
    });

    it('embeds every element file with its mode and names missing elements in pre-flight', async () => {
      const plan = JSON.parse((await runCli(['compile', recipe, '--format', 'json'])).stdout) as {
        elementTree: { path: string; mode: number }[];
        missingElements: string[];
      };
      for (const f of plan.elementTree) {
        expect(script).toMatch(new RegExp(`(cat > "\\$elements"/${f.path} <<'TIB_EOF|printf '%s' .* > "\\$elements"/${f.path}$)`, 'm'));
        expect(script).toContain(`chmod 0${f.mode.toString(8)} "$elements"/${f.path}`);
      }
      for (const missing of plan.missingElements) expect(script).toMatch(new RegExp(`problem ${missing}.*does not ship the element yet`));
    });
  });
});
