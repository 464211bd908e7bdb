/**
 * tib run's build path in this process — pre-flight, the up-to-date check, the lock,
 * inputs and secrets, the element tree, DIB's process and its output, outputs moved
 * into place, the manifest — against the fake disk-image-create, so coverage sees the
 * runner. The same behaviour is tested through the built CLI in run-safety; this is the
 * in-process twin (base images: run-base-image-in-process.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { dump } from 'js-yaml';
import { compilePlan, memoryHost } from '@tib/core';
import { checkInputs } from '../../runner/src/inputs';
import { BuildLock } from '../../runner/src/lock';
import { nodeBuildHost, resolveSecrets, runPaths, sha256sumLine } from '@tib/runner';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT, runCli } from './support/run-cli';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const describeAsRoot = isRoot ? describe : describe.skip;
const CANARY = 'canary-3f9a1c-Secr3t';

const DEBIAN = {
  tib: 1,
  name: 'inproc',
  purpose: 'development',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
  access: { user: 'dev', password: { env: 'TIB_TEST_PASSWORD' } },
  output: { directory: 'out' },
};

describeAsRoot('tib run in-process', () => {
  let dib: FakeDib;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const out = (...p: string[]) => path.join(dir, 'out', ...p);
  const run = (args: string[] = [], extra: NodeJS.ProcessEnv = {}, tty = false) =>
    runCli(['run', 'r.yaml', ...args], { cwd: dir, env: { ...env, ...extra }, tty });
  const recipe = (r: Record<string, unknown>) => fs.writeFileSync(path.join(dir, 'r.yaml'), dump(r));

  beforeEach(() => {
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-inproc-'));
    env = { ...dib.env, TIB_TEST_PASSWORD: CANARY, NO_COLOR: '1' };
    recipe(DEBIAN);
  });
  afterEach(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds: progress, outputs with .sha256, a valid manifest, a redacted log; then up to date; then --force', async () => {
    const first = await run([], { FAKE_DIB_ECHO: 'TIB_ACCESS_PASSWORD' });
    expect(first.stderr).toMatch(/phase root\.d/);
    expect(first.stderr).toMatch(/install\.d\/30-fake-install/);
    expect(first.stderr).toMatch(/built .*inproc\.qcow2/);
    expect(first.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(out('inproc.manifest.json'), 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/manifest.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(fs.readFileSync(out('inproc.qcow2.sha256'), 'utf8')).toBe(sha256sumLine(manifest.outputs[0].sha256, 'inproc.qcow2'));
    expect(Object.keys(manifest.timings.phases)).toEqual(expect.arrayContaining(['root.d', 'install.d']));
    const log = fs.readFileSync(out('inproc.log'), 'utf8');
    expect(log).toMatch(/TIB_ACCESS_PASSWORD=\*\*\*/);
    expect(log.includes(CANARY) || JSON.stringify(manifest).includes(CANARY)).toBe(false);
    expect(dib.record().env['TIB_ACCESS_PASSWORD']).toBe(CANARY);

    const again = await run();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/is up to date/);

    const forced = await run(['--force', '--keep-workdir', '--log', path.join(dir, 'custom.log')]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/work directory kept: (\S+)/);
    const kept = /work directory kept: (\S+)/.exec(forced.stderr)?.[1] ?? '';
    expect(fs.existsSync(path.join(kept, 'elements'))).toBe(true);
    fs.rmSync(kept, { recursive: true, force: true });
    expect(fs.readFileSync(path.join(dir, 'custom.log'), 'utf8')).toMatch(/Build completed successfully/);
  });

  it('shows a live status line on a terminal', async () => {
    const r = await run([], { FAKE_DIB_SLEEP: '1.3' }, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\u001b\[2K/);
  });

  it('keeps the previous image and writes nothing partial when DIB fails (exit 4)', async () => {
    expect((await run()).code).toBe(0);
    const before = fs.readFileSync(out('inproc.qcow2'));
    const failed = await run(['--force'], { FAKE_DIB_FAIL: '3' });
    expect(failed.code).toBe(4);
    expect(failed.stderr).toMatch(/disk-image-create failed \(exit status 3\)/);
    expect(failed.stderr).toMatch(/\| fake DIB failing as asked/);
    expect(fs.readFileSync(out('inproc.qcow2'))).toEqual(before);
    expect(fs.readdirSync(out()).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses: an existing image without --force (2), a failed pre-flight (3), an unwritable output (3), a held lock (3)', async () => {
    expect((await run()).code).toBe(0);
    fs.rmSync(out('inproc.manifest.json'));
    const exists = await run();
    expect(exists.code).toBe(2);
    expect(exists.stderr).toMatch(/TIB5016/);

    const noDib = await run([], { PATH: path.join(dir, 'empty'), TIB_TEST_PASSWORD: undefined as unknown as string });
    expect(noDib.code).toBe(3);
    expect(noDib.stderr).toMatch(/TIB5002/);
    expect(noDib.stderr).toMatch(/TIB5015/);

    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const unwritable = await run(['--out', path.join(dir, 'a-file', 'sub')]);
    expect(unwritable.code).toBe(3);
    expect(unwritable.stderr).toMatch(/TIB5017/);

    const lock = await BuildLock.acquire(out('.inproc.tib-lock'));
    try {
      const locked = await run(['--force']);
      expect(locked.code).toBe(3);
      expect(locked.stderr).toMatch(/TIB5018/);
    } finally {
      await lock?.release();
    }
  });

  it('stops DIB on SIGINT, lets it finish, and keeps no image (130)', async () => {
    const others = process.listeners('SIGINT');
    process.removeAllListeners('SIGINT');
    try {
      const pending = run([], { FAKE_DIB_SLEEP: '30' });
      // Wait until DIB runs (spawnDib has installed its handler), then interrupt.
      for (let i = 0; i < 200 && process.listenerCount('SIGINT') === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      process.emit('SIGINT');
      const r = await pending;
      expect(r.code).toBe(130);
      expect(r.stderr).toMatch(/interrupted/);
      expect(fs.existsSync(out('inproc.qcow2'))).toBe(false);
    } finally {
      for (const l of others) process.on('SIGINT', l as NodeJS.SignalsListener);
    }
  });

  it('hashes a local agent tree and reads a secret file, as the build needs them', async () => {
    fs.writeFileSync(path.join(dir, 'pw'), `${CANARY}\nsecond line\n`);
    recipe({ ...DEBIAN, access: { user: 'dev', password: { file: 'pw' } } });
    const r = await run();
    expect(r.code).toBe(0);
    expect(dib.record().env['TIB_ACCESS_PASSWORD']).toBe(CANARY);
    // A native image with the agent from a local tree (tib's stand-in agent).
    fs.writeFileSync(
      path.join(dir, 'local.yaml'),
      dump({
        tib: 1,
        name: 'local-agent',
        base: { distro: 'debian', release: 'bullseye' },
        datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
        guestagent: {
          source: 'local',
          path: path.join(REPO_ROOT, 'test-fixtures/trove-agent'),
          release: 'ussuri',
          requirements: { index: 'none' },
        },
        system: { cloudInit: { datasources: ['ConfigDrive', 'OpenStack'] } },
      }),
    );
    const native = await runCli(['run', path.join(dir, 'local.yaml'), '--out', out()], { cwd: dir, env });
    expect(native.stderr).not.toMatch(/: error TIB/);
    expect(native.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(out('local-agent.manifest.json'), 'utf8'));
    expect(manifest.inputs.find((i: { role: string }) => i.role === 'agent-tree')?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a secret file or input that stopped being a regular file after validation (3)', async () => {
    fs.writeFileSync(path.join(dir, 'pw'), 'x\n');
    const archive = Buffer.from('an image archive\n');
    fs.writeFileSync(path.join(dir, 'db.tar'), archive);
    const sha = createHash('sha256').update(archive).digest('hex');
    recipe({
      ...DEBIAN,
      access: { user: 'dev', password: { file: 'pw' } },
      datastore: { ...DEBIAN.datastore, images: [{ file: 'db.tar', sha256: sha }] },
    });
    const compiled = compilePlan(
      { recipePath: 'r.yaml', elementsDir: path.join(REPO_ROOT, 'elements'), tibVersion: '0.0.0', mode: 'run' },
      memoryHost({ 'r.yaml': fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), pw: 'x\n', 'db.tar': 'x' }),
    );
    if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
    fs.rmSync(path.join(dir, 'pw'));
    execFileSync('mkfifo', [path.join(dir, 'pw')]);
    fs.rmSync(path.join(dir, 'db.tar'));
    fs.mkdirSync(path.join(dir, 'db.tar'));
    const paths = runPaths(compiled.plan, dir, env);
    expect(resolveSecrets(compiled.plan, nodeBuildHost(env), dir).diagnostics).toEqual([
      expect.objectContaining({ code: 'TIB1010', message: expect.stringMatching(/is a FIFO/) }),
    ]);
    expect((await checkInputs(compiled.plan, paths, undefined)).diagnostics).toEqual([
      expect.objectContaining({ code: 'TIB1010', message: expect.stringMatching(/is not a regular file/) }),
    ]);
    fs.rmSync(path.join(dir, 'pw'));
    expect(resolveSecrets(compiled.plan, nodeBuildHost(env), dir).diagnostics).toEqual([expect.objectContaining({ code: 'TIB5015' })]);
  });

  it('refuses an input that changed since validation (a missing or wrong input: 3)', async () => {
    const archive = Buffer.from('an image archive\n');
    fs.writeFileSync(path.join(dir, 'db.tar'), archive);
    const sha = createHash('sha256').update(archive).digest('hex');
    recipe({ ...DEBIAN, datastore: { ...DEBIAN.datastore, images: [{ file: 'db.tar', sha256: sha }] } });
    fs.writeFileSync(path.join(dir, 'db.tar'), 'changed');
    const r = await run();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/TIB5012/);
  });
});
