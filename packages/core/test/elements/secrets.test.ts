/**
 * Secrets (SPEC §3, §8): a canary secret reaches neither the compiled script, the plan,
 * environment.d, any DIB_* name nor the element files; the one element that handles a
 * password hashes it on the build host without ever printing it, even with tracing on.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { compileScript } from '../../src';
import { ELEMENTS_DIR, SCRIPT_BESIDE_RECIPE, testHost } from './support';

const CANARY = 'canary-Secr3t-$(touch /tmp/pwned)-`id`-\'"';
const SHA = 'c'.repeat(64);

const rhel = {
  tib: 1,
  base: { distro: 'rhel', release: '9', image: { source: 'local', path: 'rhel.qcow2', sha256: SHA } },
  datastore: { type: 'mysql', version: '8.0' },
  guestagent: { source: 'rdo', release: 'epoxy' },
  rhel: { subscription: { method: 'portal', user: 'builder', password: { env: 'TIB_TEST_RHSM_PASSWORD' }, autoAttach: true } },
};
const rhelKey = {
  ...rhel,
  rhel: { subscription: { method: 'satellite', activationKey: { file: 'key.txt' }, org: 'acme', satelliteUrl: 'https://sat.example.org' } },
};
const dev = {
  tib: 1,
  purpose: 'development',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
  access: { user: 'dev', sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA dev'], password: { file: 'pw.txt' } },
};

const cases: [string, Record<string, unknown>][] = [
  ['RHEL portal password (env)', rhel],
  ['RHEL activation key (file)', rhelKey],
  ['development password (file)', dev],
];

describe.each(cases)('%s', (_, recipe) => {
  const previous = process.env['TIB_TEST_RHSM_PASSWORD'];
  beforeAll(() => {
    process.env['TIB_TEST_RHSM_PASSWORD'] = CANARY;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env['TIB_TEST_RHSM_PASSWORD'];
    else process.env['TIB_TEST_RHSM_PASSWORD'] = previous;
  });

  const compile = () => {
    const files = { 'r.yaml': dump(recipe), 'rhel.qcow2': 'x', 'key.txt': `${CANARY}\n`, 'pw.txt': `${CANARY}\n` };
    const result = compileScript(
      { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity: 'warning' },
      testHost(files),
      SCRIPT_BESIDE_RECIPE,
    );
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    return result;
  };

  it('the canary is nowhere in the script, the plan or the element files', () => {
    const result = compile();
    expect(result.script).not.toContain('canary');
    expect(JSON.stringify(result.plan)).not.toContain('canary');
    for (const f of result.plan.elementTree) expect(f.content).not.toContain('canary');
  });

  it('secrets travel under non-DIB_ names, read when the script runs', () => {
    const { plan, script } = compile();
    const secrets = plan.dib.environment.filter((e) => e.kind === 'secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(s.name.startsWith('DIB_')).toBe(false);
      expect(script).toMatch(new RegExp(`^(export ${s.name}=|${s.name}=\\$\\(read_secret_file)`, 'm'));
    }
    // Nothing secret in the traced environment.d, not even the variable names.
    const env = plan.elementTree.find((f) => f.path === 'tib-recipe/environment.d/10-tib-recipe.bash')?.content ?? '';
    for (const s of secrets) expect(env).not.toMatch(new RegExp(`^export ${s.name}=`, 'm'));
    expect(env).not.toMatch(/^export (REG_|DIB_)/m);
  });
});

describe('REG_* mapping of rhel.subscription', () => {
  it('maps the method and fields, and unregisters unless told not to', () => {
    const plan = compileScript(
      { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity: 'warning' },
      testHost({ 'r.yaml': dump(rhel), 'rhel.qcow2': 'x' }),
      SCRIPT_BESIDE_RECIPE,
    );
    if (!plan.ok) throw new Error('rhel recipe does not compile');
    const values = Object.fromEntries(plan.plan.dib.environment.flatMap((e) => (e.kind === 'value' ? [[e.name, e.value]] : [])));
    expect(values).toMatchObject({ REG_METHOD: 'portal', REG_USER: 'builder', REG_AUTO_ATTACH: 'true' });
    expect(values['REG_HALT_UNREGISTER']).toBeUndefined();
    expect(plan.plan.dib.elements.map((e) => e.name)).toContain('rhel');
    expect(plan.plan.dib.unset).not.toContain('REG_AUTO_ATTACH');
  });

  it('autoAttach: false sets no REG_AUTO_ATTACH and keeps an inherited one from DIB (rhel-common tests non-emptiness)', () => {
    const noAttach = { ...rhel, rhel: { subscription: { ...rhel.rhel.subscription, autoAttach: false } } };
    const compiled = compileScript(
      { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity: 'warning' },
      testHost({ 'r.yaml': dump(noAttach), 'rhel.qcow2': 'x' }),
      SCRIPT_BESIDE_RECIPE,
    );
    if (!compiled.ok) throw new Error('rhel recipe does not compile');
    expect(compiled.plan.dib.environment.map((e) => e.name)).not.toContain('REG_AUTO_ATTACH');
    expect(compiled.plan.dib.unset).toEqual(expect.arrayContaining(['REG_AUTO_ATTACH', 'REG_POOL_ID', 'REG_ACTIVATION_KEY']));
    expect(compiled.plan.dib.unset).not.toContain('REG_METHOD');
    const unsetLine = compiled.script.split('\n').find((l) => l.startsWith('unset REG_'));
    expect(unsetLine?.split(' ')).toContain('REG_AUTO_ATTACH');
    expect(compiled.script.indexOf(unsetLine ?? '')).toBeLessThan(compiled.script.indexOf('export REG_METHOD='));
    expect(compiled.script).not.toMatch(/REG_AUTO_ATTACH=/);
  });

  it('leaves the environment of non-RHEL builds alone', () => {
    const compiled = compileScript(
      { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity: 'warning' },
      testHost({ 'r.yaml': dump(dev), 'pw.txt': 'x' }),
      SCRIPT_BESIDE_RECIPE,
    );
    if (!compiled.ok) throw new Error('dev recipe does not compile');
    expect(compiled.plan.dib.unset).toEqual([]);
    expect(compiled.script).not.toMatch(/^unset /m);
  });
});

describe('the password hasher (tib-access extra-data.d) on the build host', () => {
  const script = path.join(ELEMENTS_DIR, 'tib-access/extra-data.d/29-tib-access-stage');
  const opensslOk = spawnSync('openssl', ['passwd', '-6', '-stdin'], { input: 'x' }).status === 0;

  (opensslOk ? it : it.skip)('writes only a SHA-512 crypt hash and never prints the password, even with DIB_DEBUG_TRACE', () => {
    const hooks = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-access-'));
    const run = spawnSync('bash', [script], {
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        TMP_HOOKS_PATH: hooks,
        DIB_DEBUG_TRACE: '2',
        TIB_ACCESS_PASSWORD_SET: '1',
        TIB_ACCESS_PASSWORD: CANARY,
        TIB_ACCESS_KEY_FILES: '',
      },
    });
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain('canary');
    const hash = fs.readFileSync(path.join(hooks, 'tib-access/password-hash'), 'utf8').trim();
    expect(hash).toMatch(/^\$6\$[^$]+\$[./A-Za-z0-9]{86}$/);
    expect(hash).not.toContain('canary');
    expect(fs.statSync(path.join(hooks, 'tib-access/password-hash')).mode & 0o077).toBe(0);
    // The hash is of the password (same salt, same input).
    const salt = hash.split('$')[2] ?? '';
    const again = spawnSync('openssl', ['passwd', '-6', '-salt', salt, '-stdin'], { input: CANARY, encoding: 'utf8' });
    expect(again.stdout.trim()).toBe(hash);
  });

  it('refuses a private key given as a public key file', () => {
    const hooks = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-access-'));
    const key = path.join(hooks, 'id');
    fs.writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n');
    const run = spawnSync('bash', [script], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', TMP_HOOKS_PATH: hooks, TIB_ACCESS_KEY_FILES: '0', TIB_INPUT_SSH_KEY_0: key },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('private key');
  });

  it('no element but tib-access touches the password, and those scripts never trace', () => {
    for (const element of fs.readdirSync(ELEMENTS_DIR)) {
      const dir = path.join(ELEMENTS_DIR, element);
      for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
        const file = path.join(dir, f);
        if (!fs.statSync(file).isFile()) continue;
        const text = fs.readFileSync(file, 'utf8');
        if (element !== 'tib-access') expect([f, text.includes('TIB_ACCESS_PASSWORD')]).toEqual([f, false]);
        else if (text.startsWith('#!') && text.includes('password')) {
          expect(text).toContain('# dib-lint: disable=dibdebugtrace');
          expect(text).not.toMatch(/set -[a-z]*x/);
        }
      }
    }
  });
});
