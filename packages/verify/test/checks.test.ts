import { offlineChecks } from '../src/checks';
import { accountsOf } from '../src/checks/context';
import { parseDpkgStatus } from '../src/parse/dpkg';
import type { CheckResult } from '../src/types';
import { goodImage, inspectData } from './support/good-image';
import { CONTAINER_RECIPE, NATIVE_RECIPE, planFor } from './support/plans';

const container = planFor(CONTAINER_RECIPE);
const native = planFor(NATIVE_RECIPE);

function failing(rows: CheckResult[]): string[] {
  return rows.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.evidence}`);
}

describe.each([
  ['container', container],
  ['native', native],
])('a correct %s image', (_name, plan) => {
  const rows = offlineChecks(plan.expectations, inspectData(goodImage(plan)));
  test('passes every check', () => {
    expect(failing(rows)).toEqual([]);
  });
  test('has one row per check id, all offline', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => r.phase === 'offline')).toBe(true);
  });
});

describe('each tampering is caught by its own check, with evidence', () => {
  const cases: [string, typeof container, (fs: ReturnType<typeof goodImage>) => void, string, RegExp][] = [
    [
      'agent unit disabled',
      container,
      (fs) => fs.delete('/etc/systemd/system/multi-user.target.wants/trove-guestagent.service'),
      'service:trove-guestagent',
      /not enabled/,
    ],
    [
      'agent unit masked',
      container,
      (fs) => fs.set('/etc/systemd/system/trove-guestagent.service', { link: '/dev/null' }),
      'service:trove-guestagent',
      /masked/,
    ],
    [
      'Docker engine disabled',
      container,
      (fs) => fs.delete('/etc/systemd/system/multi-user.target.wants/docker.service'),
      'service:docker',
      /not enabled/,
    ],
    [
      'agent user not in docker',
      container,
      (fs) => fs.set('/etc/group', 'root:x:0:\ntrove:x:111:\ndocker:x:109:\n'),
      'user:trove',
      /not in docker/,
    ],
    [
      'datastore autostart enabled',
      native,
      (fs) => fs.set('/etc/systemd/system/multi-user.target.wants/mariadb.service', { link: '/lib/systemd/system/mariadb.service' }),
      'service:mariadb',
      /enabled by \/etc\/systemd\/system\/multi-user.target.wants\/mariadb.service/,
    ],
    [
      'datastore enabled through its mysql alias',
      native,
      (fs) => fs.set('/etc/systemd/system/multi-user.target.wants/mysql.service', { link: '/lib/systemd/system/mysql.service' }),
      'service:mysql',
      /enabled by/,
    ],
    ['DHCP client binary removed', container, (fs) => fs.delete('/usr/sbin/dhclient'), 'path:/sbin/dhclient', /missing/],
    [
      'NoCloud added to the datasources',
      container,
      (fs) => fs.set('/etc/cloud/cloud.cfg.d/99-test.cfg', 'datasource_list: [NoCloud, ConfigDrive, OpenStack]\n'),
      'datasources',
      /not in the recipe: NoCloud/,
    ],
    ['config dir owned by root', container, (fs) => fs.set('/etc/trove/conf.d', { dir: true }), 'path:/etc/trove/conf.d', /root:root/],
    [
      'sudoers rule missing',
      container,
      (fs) => fs.set('/etc/sudoers.d/60-tib-trove-guest', { content: '# empty\n', mode: 0o440 }),
      'file-contains:/etc/sudoers.d/60-tib-trove-guest#0',
      /not found/,
    ],
    [
      'rendered file with a wrong mode',
      container,
      (fs) => fs.set('/etc/sudoers.d/60-tib-trove-guest', { content: 'trove ALL=(ALL) NOPASSWD:ALL\n', mode: 0o644 }),
      'path:/etc/sudoers.d/60-tib-trove-guest',
      /0644/,
    ],
    [
      'net.ifnames=0 missing',
      container,
      (fs) => fs.set('/boot/grub/grub.cfg', 'linux /boot/vmlinuz root=x ro\n'),
      'kernel-cmdline',
      /lacks net.ifnames=0/,
    ],
    ['wrong OS', container, (fs) => fs.set('/usr/lib/os-release', 'ID=ubuntu\nVERSION_ID="22.04"\n'), 'os-release', /ID=ubuntu/],
    [
      'ssh key in a production image',
      container,
      (fs) => fs.set('/root/.ssh/authorized_keys', 'ssh-ed25519 AAAAC3Nz test\n'),
      'ssh-keys',
      /\/root\/.ssh\/authorized_keys \(1\)/,
    ],
    [
      'agent venv built for another Trove release',
      native,
      (fs) =>
        fs
          .delete('/opt/guest-agent-venv/lib/python3.11/site-packages/trove-13.0.1.dist-info')
          .set('/opt/guest-agent-venv/lib/python3.11/site-packages/trove-18.0.0.dist-info', { dir: true }),
      'agent-source',
      /trove 18.0.0 is not Trove 13/,
    ],
    [
      'agent entry point not in the venv',
      native,
      (fs) => fs.set('/opt/guest-agent-venv/bin/trove-guestagent', { content: '#!/usr/bin/python3\n', mode: 0o755 }),
      'agent-source',
      /not the venv's python/,
    ],
  ];
  test.each(cases)('%s', (_name, plan, tamper, id, evidence) => {
    const fs = goodImage(plan);
    tamper(fs);
    const rows = offlineChecks(plan.expectations, inspectData(fs));
    const row = rows.find((r) => r.id === id);
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(evidence);
    // Nothing else breaks because of this one change.
    expect(failing(rows).filter((f) => !f.startsWith(`${id}:`))).toEqual([]);
  });
});

describe('packages', () => {
  test('a wrong agent version fails with both versions in the evidence', () => {
    const fs = goodImage(container);
    const status =
      fs
        .readFile('/var/lib/dpkg/status')
        ?.toString()
        .replace(
          /Package: trove-guestagent\nStatus: install ok installed\nVersion: [^\n]+/,
          'Package: trove-guestagent\nStatus: install ok installed\nVersion: 1:17.0.0-1',
        ) ?? '';
    const rows = offlineChecks(container.expectations, inspectData(fs, { packages: parseDpkgStatus(status) }));
    expect(rows.find((r) => r.id === 'package:trove-guestagent')).toMatchObject({
      status: 'fail',
      evidence: 'trove-guestagent 1:17.0.0-1 (expected 1:18.0.0)',
    });
  });

  test('without a package database the package rows are skipped, not failed', () => {
    const rows = offlineChecks(
      container.expectations,
      inspectData(goodImage(container), { packages: { unavailable: 'no rpm on the host' } }),
    );
    const pkg = rows.filter((r) => r.id.startsWith('package:'));
    expect(pkg.length).toBeGreaterThan(0);
    expect(pkg.every((r) => r.status === 'skip' && r.evidence === 'no rpm on the host')).toBe(true);
  });
});

describe('secrets', () => {
  const fs = goodImage(container);
  test('with no canary the file and disk scans are skipped and the manifests still checked', () => {
    const rows = offlineChecks(container.expectations, inspectData(fs));
    expect(rows.filter((r) => r.id.startsWith('secrets:')).map((r) => [r.id, r.status])).toEqual([
      ['secrets:manifests', 'pass'],
      ['secrets:files', 'skip'],
      ['secrets:disk', 'skip'],
    ]);
  });

  test('a canary found in files and disk fails both, naming the file and offset only', () => {
    const rows = offlineChecks(
      container.expectations,
      inspectData(fs, {
        secretValues: ['s3cr3t-canary'],
        secrets: {
          canaries: 1,
          files: [{ path: '/var/lib/leak.txt', hits: [{ pattern: 0, offset: 3 }] }],
          disk: { bytes: 2 ** 30, hits: [{ pattern: 0, offset: 123456 }] },
        },
      }),
    );
    expect(rows.find((r) => r.id === 'secrets:files')).toMatchObject({ status: 'fail', evidence: 'found in 1 file(s): /var/lib/leak.txt' });
    expect(rows.find((r) => r.id === 'secrets:disk')).toMatchObject({
      status: 'fail',
      evidence: 'found at byte offset 123456 of the 1.0 GiB raw disk',
    });
    expect(rows.map((r) => r.evidence).join('\n')).not.toContain('s3cr3t-canary');
  });

  test('a manifest recording a secret variable or value fails', () => {
    const leaky = goodImage(container).set('/etc/dib-manifests/dib_environment', 'declare -x DIB_X="s3cr3t-canary"\n');
    const rows = offlineChecks(container.expectations, inspectData(leaky, { secretValues: ['s3cr3t-canary'] }));
    expect(rows.find((r) => r.id === 'secrets:manifests')).toMatchObject({
      status: 'fail',
      evidence: '/etc/dib-manifests/dib_environment holds a secret value',
    });
  });
});

describe('repositories', () => {
  const plan = planFor({
    ...CONTAINER_RECIPE,
    system: {
      repositories: [
        {
          name: 'extra',
          uri: 'http://repo.example/debian',
          suite: 'bookworm',
          components: ['main'],
          key: { url: 'http://repo.example/key.asc', fingerprint: '0123456789ABCDEF0123456789ABCDEF01234567' },
        },
      ],
    },
  });
  const repo = plan.expectations.find((e) => e.kind === 'repository');

  test('the plan expects the rendered list and its keyring', () => {
    expect(repo).toMatchObject({
      file: '/etc/apt/sources.list.d/extra.list',
      keyFile: '/etc/apt/keyrings/extra.gpg',
      source: 'http://repo.example/debian',
    });
    // The expectation matches what tib renders into the image.
    const list = plan.elementTree.find((f) => f.path.startsWith('tib-recipe/tib-rootfs/files/') && f.content.includes('repo.example'));
    expect(list?.content).toContain('signed-by=/etc/apt/keyrings/extra.gpg');
  });

  test.each([
    [['0123456789ABCDEF0123456789ABCDEF01234567'], 'pass', /pinned ones included/],
    [['FFFF456789ABCDEF0123456789ABCDEF01234567'], 'fail', /key lacks 0123456789ABCDEF0123456789ABCDEF01234567/],
  ])('keyring with %j', (fprs, status, evidence) => {
    const fs = goodImage(plan).set('/etc/apt/keyrings/extra.gpg', 'binary');
    fs.set('/etc/apt/sources.list.d/extra.list', 'deb [signed-by=/etc/apt/keyrings/extra.gpg] http://repo.example/debian bookworm main\n');
    const row = offlineChecks(
      plan.expectations,
      inspectData(fs, { keyFingerprints: new Map([['/etc/apt/keyrings/extra.gpg', fprs]]) }),
    ).find((r) => r.id === 'repository:extra');
    expect(row?.status).toBe(status);
    expect(row?.evidence).toMatch(evidence);
  });
});

test('accounts are read from the image, not the host', () => {
  const fs = goodImage(container);
  expect(accountsOf(fs).userName(103)).toBe('trove');
});
