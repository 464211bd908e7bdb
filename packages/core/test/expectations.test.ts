import { dump } from 'js-yaml';
import { compilePlan, memoryHost } from '../src';
import type { Expectation, Plan } from '../src';

const BASE = {
  tib: 1,
  name: 'img',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};

function plan(recipe: Record<string, unknown>): Plan {
  const r = compilePlan(
    { recipePath: 'r.yaml', elementsDir: '/none', tibVersion: '0.0.0', set: [], mode: 'validate' },
    memoryHost({ 'r.yaml': dump(recipe), 'tree/setup.py': '' }),
  );
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.plan;
}

function of<K extends Expectation['kind']>(p: Plan, kind: K): Extract<Expectation, { kind: K }>[] {
  return p.expectations.filter((e): e is Extract<Expectation, { kind: K }> => e.kind === kind);
}

describe('expectations of the container model (Debian trove-guestagent 18)', () => {
  const p = plan(BASE);
  test('the agent package at its Debian version, its unit enabled', () => {
    expect(of(p, 'package').find((e) => e.name === 'trove-guestagent')).toMatchObject({ installed: true, version: '1:18.0.0' });
    expect(of(p, 'service').map((e) => [e.name, e.enabled])).toEqual([
      ['trove-guestagent', true],
      ['docker', true],
    ]);
  });
  test("Docker: the engine package, the agent user in group docker, the agent's image settings", () => {
    expect(of(p, 'package').map((e) => e.name)).toContain('docker.io');
    expect(of(p, 'user')).toEqual([expect.objectContaining({ name: 'trove', groups: ['docker'] })]);
    expect(of(p, 'file-contains').map((e) => e.text)).toEqual(
      expect.arrayContaining(['[mariadb]', 'docker_image = mariadb', 'backup_docker_image = openstacktrove/db-backup-mariadb:1.1.0']),
    );
  });
  test('every rendered file, with the owner and mode it is installed with', () => {
    const paths = of(p, 'path');
    expect(paths.find((e) => e.path === '/etc/sudoers.d/60-tib-trove-guest')).toMatchObject({
      owner: 'root',
      group: 'root',
      mode: 0o440,
      type: 'file',
    });
    expect(paths.find((e) => e.path === '/etc/trove/conf.d/00-tib-datastore.conf')).toMatchObject({
      owner: 'trove',
      group: 'trove',
      mode: 0o640,
    });
  });
  test('DHCP packages and their programs, the kernel arguments DIB is given', () => {
    expect(of(p, 'path').map((e) => e.path)).toEqual(expect.arrayContaining(['/sbin/dhclient', '/sbin/ifup']));
    expect(of(p, 'kernel-cmdline')[0]?.args).toEqual(['net.ifnames=0']);
  });
  test('boot: write_files owned by the agent user (the contract sets injected_config_owner)', () => {
    expect(of(p, 'agent-boot')[0]).toMatchObject({
      injection: 'cloud-init-write-files',
      owner: 'trove',
      group: 'trove',
      docker: true,
      dockerService: 'docker',
      logFile: '/var/log/trove/trove-guestagent.log',
      manager: 'mariadb',
    });
    const owner = p.controller.settings.find((s) => s.key === 'injected_config_owner');
    expect(owner?.value).toBe(of(p, 'agent-boot')[0]?.owner);
  });
  test('production: no ssh keys; no secrets named', () => {
    expect(of(p, 'ssh-keys')[0]).toMatchObject({ present: false });
    expect(of(p, 'no-secrets')[0]).toEqual({ kind: 'no-secrets', names: [], manifestsDir: '/etc/dib-manifests' });
  });
  test('AppArmor as the recipe says, with no datastore profile in the container model', () => {
    expect(of(p, 'security')[0]).toEqual({ kind: 'security', framework: 'apparmor', mode: 'enforce', profiles: [], paths: [] });
  });
});

const NATIVE = {
  ...BASE,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
  guestagent: { source: 'local', path: 'tree', release: 'ussuri' },
};

describe('expectations of the native model (Trove 13 agent from a local tree)', () => {
  const p = plan(NATIVE);
  test('the venv and the Trove release installed in it', () => {
    expect(of(p, 'agent-source')[0]).toMatchObject({
      source: 'local',
      venv: '/opt/guest-agent-venv',
      entryPoint: '/opt/guest-agent-venv/bin/trove-guestagent',
      major: 13,
    });
    expect(of(p, 'agent-source')[0]?.git).toBeUndefined();
  });
  test('the datastore packages, the server at the catalog version, every service name disabled', () => {
    expect(of(p, 'package').find((e) => e.name === 'mariadb-server')).toMatchObject({ version: '10.5', versionIsUpstream: true });
    expect(
      of(p, 'service')
        .filter((e) => !e.enabled)
        .map((e) => e.name),
    ).toEqual(expect.arrayContaining(['mariadb', 'mysql']));
    expect(of(p, 'user')[0]?.groups).toEqual([]);
  });
  test('boot: Nova files before Trove 17, root-owned; the datastore must stay stopped', () => {
    expect(of(p, 'agent-boot')[0]).toMatchObject({
      injection: 'nova-files',
      owner: 'root',
      group: 'root',
      docker: false,
      datastoreService: 'mariadb',
    });
  });
  test('autostart: the datastore service is expected enabled instead', () => {
    const auto = plan({ ...NATIVE, datastore: { ...NATIVE.datastore, autostart: true } });
    expect(of(auto, 'service').find((e) => e.name === 'mariadb')?.enabled).toBe(true);
    expect(of(auto, 'service').some((e) => e.name === 'mysql')).toBe(false);
  });
});

test('git agents: the DIB manifest that records the clone', () => {
  const p = plan({ ...BASE, guestagent: { source: 'git', ref: 'unmaintained/zed' } });
  expect(of(p, 'agent-source')[0]?.git).toEqual({
    repo: 'https://opendev.org/openstack/trove',
    ref: 'unmaintained/zed',
    dest: '/opt/guest-agent',
    manifest: '/etc/dib-manifests/dib-manifest-git-img',
  });
});

test('development images expect their ssh keys and name their secrets', () => {
  const p = plan({
    ...BASE,
    purpose: 'development',
    access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE me@host'], password: { env: 'DEV_PASSWORD' } },
  });
  expect(of(p, 'ssh-keys')[0]).toMatchObject({ present: true, keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE me@host'], keyFiles: 0 });
  expect(of(p, 'no-secrets')[0]?.names).toEqual(['TIB_ACCESS_PASSWORD']);
});
