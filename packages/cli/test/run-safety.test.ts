/**
 * `tib run` keeps what it must keep: an existing image unless --force, the previous
 * image when a build fails, nothing half-written at the output path, and secrets out of
 * every output. Driven against a fake disk-image-create (fast); the real-DIB fault
 * tests are in packages/runner/test-integration.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { spawnTib } from './support/spawn-tib';
import { REPO_ROOT } from './support/run-cli';
import Ajv from 'ajv';

const CANARY = 'canary-9d1c7f2e-Secr3t';
const RECIPE = {
  tib: 1,
  name: 'safety',
  purpose: 'development',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
  access: {
    user: 'dev',
    sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8cMhUf8YS9cs6+lK7LXQ4h4KkmG3NU4QpjvM1B2sRw dev@test'],
    password: { env: 'TIB_TEST_DEV_PASSWORD' },
  },
  output: { directory: 'out' },
};

describe('tib run safety', () => {
  let dib: FakeDib;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const out = () => path.join(dir, 'out');
  const image = () => path.join(out(), 'safety.qcow2');
  const run = (...args: string[]) => spawnTib(['run', 'r.yaml', ...args], { cwd: dir, env });

  beforeEach(() => {
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-safety-'));
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump(RECIPE));
    env = { ...dib.env, TIB_TEST_DEV_PASSWORD: CANARY };
  });
  afterEach(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds, then is a no-op while nothing changed, and rebuilds with --force', () => {
    const first = run();
    expect(first.stderr).toMatch(/built .*safety\.qcow2/);
    expect(first.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out(), 'safety.manifest.json'), 'utf8'));
    expect(manifest.outputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validateManifest = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/manifest.schema.json'), 'utf8')));
    expect(validateManifest(manifest) ? [] : validateManifest.errors).toEqual([]);
    expect(fs.readFileSync(path.join(out(), 'safety.qcow2.sha256'), 'utf8')).toBe(`${manifest.outputs[0].sha256}  safety.qcow2\n`);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/is up to date/);
    const forced = run('--force');
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(/built /);
  });

  it('rebuilds when the recipe changes, but keeps the old image unless --force', () => {
    expect(run().status).toBe(0);
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump({ ...RECIPE, system: { packages: ['htop'] } }));
    const before = fs.readFileSync(image());
    const refused = run();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/TIB5016.*--force/);
    expect(fs.readFileSync(image())).toEqual(before);
  });

  it('keeps the previous image and leaves no partial output when DIB fails', () => {
    expect(run().status).toBe(0);
    const before = fs.readFileSync(image());
    const failed = spawnTib(['run', 'r.yaml', '--force'], { cwd: dir, env: { ...env, FAKE_DIB_FAIL: '1' } });
    expect(failed.status).toBe(4);
    expect(failed.stderr).toMatch(/disk-image-create failed/);
    expect(failed.stderr).toMatch(/fake DIB failing as asked/); // the log's last lines are shown
    expect(fs.readFileSync(image())).toEqual(before);
    expect(fs.existsSync(path.join(out(), '.safety.tib-partial'))).toBe(false);
  });

  it('refuses a second build into the same output while one holds the lock', async () => {
    fs.mkdirSync(out(), { recursive: true });
    const holder = spawn('flock', [path.join(out(), '.safety.tib-lock'), 'sleep', '30']);
    await new Promise((r) => setTimeout(r, 300));
    try {
      const locked = run();
      expect(locked.status).toBe(3);
      expect(locked.stderr).toMatch(/TIB5018.*another build/);
    } finally {
      holder.kill();
    }
  });

  it('lists every pre-flight problem at once and writes nothing', () => {
    const emptyPath = path.join(dir, 'no-tools');
    fs.mkdirSync(emptyPath);
    const missing = spawnTib(['run', 'r.yaml'], {
      cwd: dir,
      env: { ...env, TIB_TEST_DEV_PASSWORD: undefined as unknown as string, PATH: emptyPath },
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/TIB5002/); // no disk-image-create on this PATH
    expect(missing.stderr).toMatch(/TIB5015.*TIB_TEST_DEV_PASSWORD/);
    expect(missing.stderr).toMatch(/TIB5010.*openssl|TIB5010.*debootstrap|TIB5010.*qemu-img|TIB5002/);
    expect(fs.existsSync(out())).toBe(false);
  });

  it('never shows or stores the secret, yet gives it to DIB', () => {
    const dry = run('--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/TIB_ACCESS_PASSWORD=<secret .* from \$TIB_TEST_DEV_PASSWORD>/);
    const built = run();
    expect(built.status).toBe(0);
    expect(dib.record().env['TIB_ACCESS_PASSWORD']).toBe(CANARY);
    for (const name of fs.readdirSync(out())) {
      expect({ name, leaked: fs.readFileSync(path.join(out(), name)).includes(CANARY) }).toEqual({ name, leaked: false });
    }
    const everything = [
      dry.stdout,
      dry.stderr,
      built.stdout,
      built.stderr,
      spawnTib(['compile', 'r.yaml'], { cwd: dir, env }).stdout,
      spawnTib(['plan', 'r.yaml', '--json'], { cwd: dir, env }).stdout,
      spawnTib(['plan', 'r.yaml'], { cwd: dir, env }).stdout,
      spawnTib(['validate', 'r.yaml', '--json'], { cwd: dir, env }).stdout,
    ].join('\n');
    expect(everything.includes(CANARY)).toBe(false);
    // DIB copies DIB_* variables into the image: the secret must not be under such a name.
    expect(Object.entries(dib.record().env).filter(([k, v]) => k.startsWith('DIB_') && v.includes(CANARY))).toEqual([]);
  });

  it('fails clearly when a local base image does not match its sha256, or the cache lacks it', () => {
    fs.writeFileSync(path.join(dir, 'base.img'), 'not the image');
    const ubuntu = {
      ...RECIPE,
      purpose: 'production',
      access: undefined,
      base: { distro: 'ubuntu', release: 'jammy', image: { source: 'local', path: 'base.img', sha256: 'a'.repeat(64) } },
      datastore: { type: 'mysql', version: '8.0' },
    };
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump(JSON.parse(JSON.stringify(ubuntu))));
    const mismatch = run();
    expect(mismatch.status).toBe(3);
    expect(mismatch.stderr).toMatch(/TIB5012.*base\.img/);
    const cached = { ...ubuntu, base: { distro: 'ubuntu', release: 'jammy', image: { source: 'cache' } } };
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump(JSON.parse(JSON.stringify(cached))));
    const miss = run();
    expect(miss.status).toBe(3);
    expect(miss.stderr).toMatch(/TIB5013.*never downloaded|TIB5013.*not in the cache/);
    expect(fs.existsSync(image())).toBe(false);
  });
});
