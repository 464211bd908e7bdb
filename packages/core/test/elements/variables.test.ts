/**
 * What tib's elements are told per recipe: the TIB_* variables of the rendered
 * environment.d, the files rendered for the image, the DIB environment and the element
 * selection, row by row for the choices the recipe format offers.
 */
import { with_ } from '../helpers';
import { elementNames, imageFilesOf, planOf, variablesOf } from './support';

const SHA = 'b'.repeat(64);
const bullseyeNative = {
  tib: 1,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
  guestagent: { source: 'local', path: 'trove', release: 'ussuri', requirements: { index: 'none' } },
};
const files = { 'trove/setup.py': '' };
const centos7 = {
  tib: 1,
  base: { distro: 'centos', release: '7' },
  datastore: { type: 'postgresql', version: '12' },
  guestagent: { source: 'rdo', release: 'train' },
};
const rhel9 = {
  tib: 1,
  base: { distro: 'rhel', release: '9', image: { source: 'local', path: 'rhel.qcow2', sha256: SHA } },
  datastore: { type: 'mysql', version: '8.0' },
  guestagent: { source: 'rdo', release: 'epoxy' },
};
const rhelFiles = { 'rhel.qcow2': 'x' };
const focalGit = {
  tib: 1,
  base: { distro: 'ubuntu', release: 'focal' },
  datastore: { type: 'redis', runtime: 'native' },
  guestagent: { source: 'git', ref: 'ussuri-eol' },
};
const bookwormContainer = {
  tib: 1,
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};

describe('agent sources', () => {
  it('local + offline: the tree, no index, distro build tools, a pbr version', () => {
    const v = variablesOf(planOf(bullseyeNative, files));
    expect(v).toMatchObject({
      TIB_AGENT_SOURCE: 'local',
      TIB_AGENT_PIP_INDEX: 'none',
      TIB_AGENT_CONSTRAINTS: '',
      TIB_AGENT_REQUIREMENTS: '',
      TIB_AGENT_VERSION: '13.0.1',
    });
    expect(v['TIB_AGENT_BUILD_PACKAGES']).toContain('python3-wheel');
  });

  it("git + pypi: the release's upper-constraints, fetched by source-repositories", () => {
    const plan = planOf(focalGit);
    const v = variablesOf(plan);
    expect(v['TIB_AGENT_CONSTRAINTS']).toBe('https://releases.openstack.org/constraints/upper/ussuri');
    expect(v['TIB_AGENT_PIP_EXTRA']).toBe('redis');
    expect(v['TIB_AGENT_BUILD_PACKAGES']).toContain('build-essential');
    const repoLines = plan.elementTree.find((f) => f.path === 'tib-recipe/source-repository-tib-guest-agent')?.content;
    expect(repoLines).toBe(
      'guest-agent git /opt/guest-agent https://opendev.org/openstack/trove ussuri-eol\nupper-constraints file /opt/upper-constraints.txt https://releases.openstack.org/constraints/upper/ussuri\n',
    );
    // The file carries them; DIB_REPO* stay the user's overrides.
    expect(plan.dib.environment.map((e) => e.name).filter((n) => n.startsWith('DIB_REPO'))).toEqual([]);
  });

  it.each([
    ['unmaintained/zed', 'zed'],
    ['unmaintained/2023.1', '2023.1'],
    ['2023.2-eol', '2023.2'],
    ['stable/2025.1', '2025.1'],
    ['25.0.0', '2026.1'],
  ])('git %s: constraints by codename up to zed, by release id from antelope on', (ref, path) => {
    const v = variablesOf(
      planOf(with_(focalGit, { base: { release: 'jammy' }, datastore: { type: 'mysql', runtime: 'container' }, guestagent: { ref } })),
    );
    expect(v['TIB_AGENT_CONSTRAINTS']).toBe(`https://releases.openstack.org/constraints/upper/${path}`);
  });

  it("git master: the requirements repository's master constraints", () => {
    const v = variablesOf(
      planOf(
        with_(focalGit, { base: { release: 'jammy' }, datastore: { type: 'mysql', runtime: 'container' }, guestagent: { ref: 'master' } }),
      ),
    );
    expect(v['TIB_AGENT_CONSTRAINTS']).toBe('https://opendev.org/openstack/requirements/raw/branch/master/upper-constraints.txt');
  });

  it("constraints with shell metacharacters never reach the eval'd source-repository file", () => {
    const plan = planOf(with_(focalGit, { guestagent: { requirements: { constraints: 'https://example.org/uc;reboot' } } }));
    expect(plan.elementTree.find((f) => f.path === 'tib-recipe/source-repository-tib-guest-agent')?.content).not.toContain(
      'upper-constraints',
    );
    expect(variablesOf(plan)['TIB_AGENT_CONSTRAINTS']).toBe('https://example.org/uc;reboot');
  });

  it('rdo on CentOS 7: the release package from Extras, the vault, python2 drivers', () => {
    const plan = planOf(centos7);
    expect(variablesOf(plan)).toMatchObject({
      TIB_RDO_RELEASE_PACKAGE: 'centos-release-openstack-train',
      TIB_RDO_VAULT: 'http://vault.centos.org/centos',
      TIB_RDO_KEY_FINGERPRINT: '736AF5116D9C40E2AF6B074BF9B9FEE7764429E6',
      TIB_AGENT_EXTRA_PACKAGES: '',
      // The native model: what the agent needs for its datastore comes with the datastore.
      TIB_DATASTORE_AGENT_PACKAGES: 'python-psycopg2 rsync',
    });
    expect(elementNames(plan)).toEqual(expect.arrayContaining(['tib-agent-rdo', 'tib-repositories', 'selinux-permissive']));
  });

  it('rdo: the drop-in never names trove-dist.conf, which no RDO package installs since Liberty', () => {
    // oslo.config stops on a missing --config-file (docs/facts/vendors.md §10.3).
    const dropIn = imageFilesOf(planOf(centos7))['/etc/systemd/system/openstack-trove-guestagent.service.d/10-tib.conf'];
    expect(dropIn).toContain(
      'ExecStart=\nExecStart=/usr/bin/trove-guestagent --config-dir=/etc/trove/conf.d --log-file=/var/log/trove/trove-guestagent.log\n',
    );
    const commands = (dropIn ?? '').split('\n').filter((l) => l.startsWith('Exec'));
    expect(commands.join('\n')).not.toMatch(/trove-dist\.conf|--config-file/);
  });

  it('rdo on RHEL: the Cloud SIG repository written by tib, key pinned', () => {
    const plan = planOf(rhel9, rhelFiles);
    const v = variablesOf(plan);
    expect(v['TIB_RDO_RELEASE_PACKAGE']).toBe('');
    expect(v['TIB_REPO_0_NAME']).toBe('tib-rdo');
    expect(v['TIB_REPO_0_FINGERPRINTS']).toBe('736AF5116D9C40E2AF6B074BF9B9FEE7764429E6');
    expect(imageFilesOf(plan)['/etc/yum.repos.d/tib-rdo.repo']).toContain(
      'baseurl=http://mirror.stream.centos.org/SIGs/9-stream/cloud/$basearch/openstack-epoxy/',
    );
  });
});

describe("the agent unit's root steps and the release's systemd", () => {
  const steps = (unit: string | undefined) => (unit ?? '').split('\n').filter((l) => /^(ExecStartPre|PermissionsStartOnly)=/.test(l));
  it("CentOS 7's systemd 219 ignores '+': PermissionsStartOnly, plain ExecStartPre (drop-in and own unit)", () => {
    const dropIn = imageFilesOf(planOf(centos7))['/etc/systemd/system/openstack-trove-guestagent.service.d/10-tib.conf'];
    const expected = [
      'PermissionsStartOnly=true',
      'ExecStartPre=/bin/mkdir -p /etc/trove/conf.d /var/log/trove',
      'ExecStartPre=/bin/chown -R trove:trove /etc/trove /etc/trove/conf.d /var/log/trove',
    ];
    expect(steps(dropIn)).toEqual(expected);
    const git = with_(centos7, { datastore: { type: 'mysql', version: '5.7' }, guestagent: { source: 'git', ref: 'train-eol' } });
    expect(steps(imageFilesOf(planOf(git))['/etc/systemd/system/trove-guestagent.service'])).toEqual(expected);
  });

  it("systemd 231 and later: the '+' prefix, no PermissionsStartOnly", () => {
    const unit = imageFilesOf(planOf(bookwormContainer))['/etc/systemd/system/trove-guestagent.service.d/10-tib.conf'];
    expect(steps(unit)).toEqual([
      'ExecStartPre=+/bin/mkdir -p /etc/trove/conf.d /var/log/trove',
      'ExecStartPre=+/bin/chown -R trove:trove /etc/trove /etc/trove/conf.d /var/log/trove',
    ]);
  });
});

describe('datastores and their host settings', () => {
  it('leaves the service to the agent and knows every name it looks for', () => {
    const v = variablesOf(planOf(bullseyeNative, files));
    expect(v).toMatchObject({
      TIB_DATASTORE_SERVICE: 'mariadb',
      TIB_DATASTORE_SERVICES: 'mariadb mysql mysqld mysql-server',
      TIB_DATASTORE_AUTOSTART: '0',
      TIB_DATASTORE_ROOT_ACCESS: 'mariadb-multi',
      TIB_DATASTORE_SOURCE: 'distro',
    });
  });

  it('selects the MySQL-family element for the four MySQL-like datastores only', () => {
    expect(elementNames(planOf(bullseyeNative, files))).toContain('tib-ds-mysql-family');
    expect(elementNames(planOf(focalGit))).not.toContain('tib-ds-mysql-family');
  });

  it("renders Redis's sysctl settings and turns THP off on the kernel command line", () => {
    const plan = planOf(focalGit);
    expect(imageFilesOf(plan)['/etc/sysctl.d/60-tib-redis.conf']).toContain('vm.overcommit_memory = 1');
    expect(plan.dib.environment).toContainEqual({
      kind: 'value',
      name: 'DIB_BOOTLOADER_DEFAULT_CMDLINE',
      value: 'nofb nomodeset gfxpayload=text net.ifnames=0 transparent_hugepage=never',
    });
  });

  it("pins the Couchbase download's sha256 for the architecture", () => {
    const v = variablesOf(planOf(with_(focalGit, { datastore: { type: 'couchbase' } })));
    expect(v['TIB_DATASTORE_SOURCE']).toBe('download');
    expect(v['TIB_DATASTORE_URL']).toBe('https://packages.couchbase.com/releases/7.6.2/couchbase-server-community_7.6.2-linux_amd64.deb');
    expect(v['TIB_DATASTORE_URL_SHA256']).toBe('60c76f5ddc412b202a79ee927010cb0ede334cb7e6849429dd00bc0d7f1ffbcc');
  });

  it('takes an offline Couchbase from datastore.package instead of the download', () => {
    const plan = planOf(with_(focalGit, { datastore: { type: 'couchbase', package: { file: 'cb.deb', sha256: SHA } } }), { 'cb.deb': 'x' });
    expect(variablesOf(plan)).toMatchObject({ TIB_DATASTORE_SOURCE: 'user', TIB_DATASTORE_URL: '' });
    expect(plan.dib.environment).toContainEqual({ kind: 'input-path', name: 'TIB_INPUT_DATASTORE_PACKAGE', input: 'datastore-package' });
  });

  it("MySQL 5.7 on CentOS 7: MySQL's 2022 key, which signs every 5.7 RPM (docs/facts/vendors.md §1)", () => {
    const v = variablesOf(planOf(with_(centos7, { datastore: { type: 'mysql', version: '5.7' } })));
    expect([v['TIB_REPO_0_NAME'], v['TIB_REPO_0_KEY_URL'], v['TIB_REPO_0_FINGERPRINTS']]).toEqual([
      'tib-mysql',
      'https://repo.mysql.com/RPM-GPG-KEY-mysql-2022',
      '859BE8D7C586F538430B19C2467B942D3A79BD29',
    ]);
  });

  it("adds Percona's XtraBackup 2.4 repository (the era's agent backs up with innobackupex)", () => {
    const v = variablesOf(planOf(with_(focalGit, { base: { release: 'bionic' }, datastore: { type: 'percona', version: '5.7' } })));
    expect([v['TIB_REPO_0_NAME'], v['TIB_REPO_1_NAME']]).toEqual(['tib-percona', 'tib-percona-pxb24']);
  });

  it("labels moved paths for SELinux enforcing, and the agent's PostgreSQL path on EL", () => {
    const plan = planOf(with_(centos7, { datastore: { paths: { dataDir: '/srv/pg' } }, system: { security: { selinux: 'enforcing' } } }));
    expect(elementNames(plan)).toContain('tib-selinux');
    expect(elementNames(plan)).not.toContain('selinux-permissive');
    expect(variablesOf(plan)['TIB_SELINUX_FCONTEXTS']).toBe('/srv/pg=/var/lib/pgsql /var/lib/postgresql=/var/lib/pgsql');
  });

  it('AppArmor mode and profiles on deb releases', () => {
    const plan = planOf(with_(bullseyeNative, { system: { security: { apparmor: 'complain' } } }), files);
    expect(variablesOf(plan)).toMatchObject({ TIB_APPARMOR: 'complain', TIB_APPARMOR_PROFILES: 'usr.sbin.mariadbd usr.sbin.mysqld' });
    expect(elementNames(plan)).toContain('tib-apparmor');
  });
});

describe('guest base', () => {
  it('sysvinit on Debian: sysvinit-core, and chrony instead of systemd-timesyncd', () => {
    const plan = planOf(with_(bullseyeNative, { system: { init: 'sysvinit' } }), files);
    const base = variablesOf(plan)['TIB_BASE_PACKAGES']?.split(' ') ?? [];
    expect(base).toEqual(expect.arrayContaining(['sysvinit-core', 'chrony', 'ifupdown', 'isc-dhcp-client']));
    expect(base).not.toContain('systemd-timesyncd');
    const init = imageFilesOf(plan)['/etc/init.d/trove-guestagent'];
    expect(init).toContain('DAEMON=/opt/guest-agent-venv/bin/trove-guestagent');
    expect(init).toContain('RUN_USER=trove');
  });

  it('sudo without a terminal for the agent user', () => {
    expect(imageFilesOf(planOf(centos7))['/etc/sudoers.d/60-tib-trove-guest']).toContain('Defaults:trove !requiretty');
  });

  it('container model: the image loader only with archives, before the agent', () => {
    const plan = planOf(with_(bookwormContainer, { datastore: { images: [{ file: 'mariadb.tar', sha256: SHA }] } }), {
      'mariadb.tar': 'x',
    });
    expect(elementNames(plan)).toContain('tib-image-loader');
    expect(variablesOf(plan)['TIB_IMAGE_ARCHIVES']).toBe('0');
    expect(imageFilesOf(plan)['/etc/systemd/system/tib-image-loader.service']).toContain('Before=trove-guestagent.service');
    expect(elementNames(planOf(bookwormContainer))).not.toContain('tib-image-loader');
  });
});

describe('repositories from the recipe', () => {
  it('apt: list with signed-by, key file as a plan input, fingerprint pinned', () => {
    const fpr = 'A'.repeat(40);
    const plan = planOf(
      with_(bookwormContainer, {
        system: {
          repositories: [{ name: 'extras', uri: 'https://repo.example.org/debian', key: { file: 'extras.asc', fingerprint: fpr } }],
        },
      }),
      { 'extras.asc': 'key' },
    );
    const v = variablesOf(plan);
    expect(v).toMatchObject({
      TIB_REPOSITORIES: '0',
      TIB_REPO_0_NAME: 'extras',
      TIB_REPO_0_KIND: 'apt',
      TIB_REPO_0_KEY_URL: '',
      TIB_REPO_0_KEY_INPUT: 'TIB_INPUT_REPO_KEY_EXTRAS',
      TIB_REPO_0_FINGERPRINTS: fpr,
    });
    expect(imageFilesOf(plan)['/etc/apt/sources.list.d/extras.list']).toContain(
      'deb [signed-by=/etc/apt/keyrings/extras.gpg] https://repo.example.org/debian bookworm main',
    );
    expect(plan.preflight).toContainEqual(expect.objectContaining({ kind: 'command', name: 'gpg' }));
  });
});

describe('access (development images)', () => {
  it('inline keys of any type, key files and a password reference', () => {
    const dev = with_(bookwormContainer, {
      purpose: 'development',
      access: { user: 'dev', sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA dev@host', { file: 'k.pub' }], password: { env: 'DEV_PW' } },
    });
    const plan = planOf(dev, { 'k.pub': 'ssh-rsa AAAAB3 x\n' });
    expect(variablesOf(plan)).toMatchObject({ TIB_ACCESS_USER: 'dev', TIB_ACCESS_KEY_FILES: '0', TIB_ACCESS_PASSWORD_SET: '1' });
    expect(plan.elementTree.find((f) => f.path === 'tib-recipe/tib-access/authorized_keys')?.content).toBe(
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA dev@host\n',
    );
    expect(plan.dib.environment).toContainEqual(
      expect.objectContaining({ kind: 'secret', name: 'TIB_ACCESS_PASSWORD', from: { env: 'DEV_PW' } }),
    );
    expect(elementNames(plan)).toContain('tib-access');
  });

  it('production images get no access element', () => {
    expect(elementNames(planOf(bookwormContainer))).not.toContain('tib-access');
  });
});

describe('system.slim', () => {
  it.each([
    ['Debian amd64: the cloud kernel', bookwormContainer, {}, 'linux-image-cloud-amd64'],
    ['Debian arm64: the cloud kernel', with_(bookwormContainer, { base: { arch: 'arm64' } }), {}, 'linux-image-cloud-arm64'],
    ['Ubuntu: docs pruned, kernel kept (no cloud kernel tib has booted)', focalGit, {}, ''],
    ['CentOS 7: docs pruned, kernel kept', centos7, {}, ''],
  ])('%s', (_title, recipe, recipeFiles, kernel) => {
    const plan = planOf(recipe, recipeFiles);
    expect(elementNames(plan)).toContain('tib-slim');
    expect(variablesOf(plan)['TIB_SLIM_KERNEL']).toBe(kernel);
  });

  it('slim: false leaves the element and its variable out', () => {
    const plan = planOf(with_(bookwormContainer, { system: { slim: false } }));
    expect(elementNames(plan)).not.toContain('tib-slim');
    expect(variablesOf(plan)).not.toHaveProperty('TIB_SLIM_KERNEL');
  });
});

describe('base.securityUpdates', () => {
  const sources = (plan: ReturnType<typeof planOf>) => {
    const entry = plan.dib.environment.find((e) => e.name === 'DIB_APT_SOURCES_CONF');
    return entry && entry.kind === 'value' ? entry.value.split('\n').map((l) => l.split(':')[0]) : [];
  };

  it("by default the image's sources carry the security suite", () => {
    expect(sources(planOf(bookwormContainer))).toEqual(['default', 'updates', 'security']);
  });

  it('false leaves it out of the image and of the datastore images built from packages', () => {
    const plan = planOf(with_(bookwormContainer, { base: { securityUpdates: false }, datastore: { image: 'packages' } }));
    expect(sources(plan)).toEqual(['default', 'updates']);
    expect(variablesOf(plan)['TIB_DS_IMAGE_SECURITY_MIRROR']).toBe('');
    const on = planOf(with_(bookwormContainer, { datastore: { image: 'packages' } }));
    expect(variablesOf(on)['TIB_DS_IMAGE_SECURITY_MIRROR']).toBe('http://deb.debian.org/debian-security');
  });
});
