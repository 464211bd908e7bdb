/**
 * bin/tib.js's V8 code cache: keyed by the bundle's hash, the Node version and options;
 * written only by a successful `tib compile`, so no other first command can leave it
 * small; written once; caches of other builds pruned.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './support/run-cli';

const bin = path.join(REPO_ROOT, 'packages/cli/bin/tib.js');
const bundled = fs.existsSync(path.join(REPO_ROOT, 'packages/cli/dist/tib.cjs'));

(bundled ? describe : describe.skip)('the code cache of bin/tib.js', () => {
  let home: string;
  const dir = () => path.join(home, 'tib', 'v8');
  const tib = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: REPO_ROOT, env: { ...process.env, XDG_CACHE_HOME: home }, encoding: 'utf8' });
  const files = () => (fs.existsSync(dir()) ? fs.readdirSync(dir()).sort() : []);
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-v8-cache-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('is written by a successful compile only, once, and prunes other builds', () => {
    expect(tib('--help').status).toBe(0);
    expect(tib('matrix').status).toBe(0);
    expect(tib('compile', 'recipes/no-such.yaml').status).toBe(1);
    expect(files()).toEqual([]);

    fs.mkdirSync(dir(), { recursive: true });
    const old = [
      'tib-v20.0.0-657943-1796157499877.bin',
      'tib-0123456789abcdef-v20.0.0-x64-default.bin',
      'tib-feedfacefeedface-v20.1.0-x64-default.bin.42.tmp',
    ];
    for (const f of old) fs.writeFileSync(path.join(dir(), f), 'stale');
    fs.utimesSync(path.join(dir(), old[2]!), new Date(0), new Date(0));

    expect(tib('compile', 'recipes/debian-bookworm-mariadb.yaml').status).toBe(0);
    const [cache, ...rest] = files();
    expect(rest).toEqual([]);
    expect(cache).toMatch(new RegExp(`^tib-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}-default\\.bin$`));
    const written = fs.statSync(path.join(dir(), cache!));
    expect(written.size).toBeGreaterThan(100_000);

    const sameBuildOtherOptions = cache!.replace(/-default\.bin$/, '-0badc0de.bin');
    fs.writeFileSync(path.join(dir(), sameBuildOtherOptions), 'another Node option set');
    expect(tib('compile', 'recipes/debian-bookworm-mariadb.yaml').status).toBe(0);
    expect(tib('--version').status).toBe(0);
    expect(fs.statSync(path.join(dir(), cache!)).mtimeMs).toBe(written.mtimeMs);
    expect(files()).toEqual([cache, sameBuildOtherOptions].sort());
  });
});
