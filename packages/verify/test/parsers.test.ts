import { Accounts, parseGroup, parsePasswd } from '../src/parse/accounts';
import { cloudConfigOrder, effectiveDatasources } from '../src/parse/cloud-init';
import { parseDpkgStatus, parseRpmQuery } from '../src/parse/dpkg';
import { gitManifest, pythonDistMetadata } from '../src/parse/agent-install';
import { kernelCommandLines } from '../src/parse/boot-loader';
import { authorizedKeys, gpgFingerprints, keyIdentity } from '../src/parse/keys';
import { parseOsRelease } from '../src/parse/os-release';
import { versionSatisfies } from '../src/parse/version';

describe('parseOsRelease', () => {
  test.each([
    ['ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n', { ID: 'debian', VERSION_ID: '12', VERSION_CODENAME: 'bookworm' }],
    [
      '# comment\nNAME="Red Hat Enterprise Linux"\nID="rhel"\nVERSION_ID="9.4"\n',
      { NAME: 'Red Hat Enterprise Linux', ID: 'rhel', VERSION_ID: '9.4' },
    ],
    ['ID=\'centos\'\nPRETTY_NAME="A \\"quoted\\" \\$name"\n', { ID: 'centos', PRETTY_NAME: 'A "quoted" $name' }],
    ['garbage line\n=novalue\nID=ubuntu', { ID: 'ubuntu' }],
  ])('%j', (text, expected) => {
    expect(parseOsRelease(text)).toEqual(expected);
  });
});

describe('accounts', () => {
  const accounts = new Accounts(
    parsePasswd('root:x:0:0:root:/root:/bin/bash\ntrove:x:103:111::/var/lib/trove:/bin/false\n# comment\nbroken:line\n'),
    parseGroup('root:x:0:\ndocker:x:109:trove,devuser\ntrove:x:111:\nadm:x:4:syslog\n'),
  );
  test.each([
    ['trove', ['trove', 'docker']],
    ['root', ['root']],
    ['nobody', []],
  ])('groups of %s', (user, groups) => {
    expect(accounts.groupsOf(user)).toEqual(groups);
  });
  test.each([
    [103, 'trove'],
    [0, 'root'],
    [4242, '4242'],
  ])('uid %i is named %s', (uid, name) => {
    expect(accounts.userName(uid)).toBe(name);
  });
  test('group names by gid', () => {
    expect(accounts.groupName(109)).toBe('docker');
    expect(accounts.groupName(7)).toBe('7');
  });
});

describe('parseDpkgStatus', () => {
  const status = [
    'Package: trove-guestagent',
    'Status: install ok installed',
    'Architecture: all',
    'Version: 1:18.0.0-2',
    'Description: agent',
    ' continued line',
    '',
    'Package: mariadb-server',
    'Status: deinstall ok config-files',
    'Version: 1:10.11.6-0+deb12u1',
    '',
    'Package: libc6',
    'Status: install ok installed',
    'Architecture: amd64',
    'Version: 2.36-9',
    '',
    'Package: libc6',
    'Status: unknown ok not-installed',
    'Architecture: i386',
    'Version: 2.36-9',
    '',
  ].join('\n');
  const db = parseDpkgStatus(status);
  test.each([
    ['trove-guestagent', true, '1:18.0.0-2'],
    ['mariadb-server', false, '1:10.11.6-0+deb12u1'],
    ['libc6', true, '2.36-9'],
  ])('%s installed=%s version %s', (name, installed, version) => {
    expect(db.get(name)).toMatchObject({ installed, version });
  });
  test('absent packages are absent', () => {
    expect(db.get('docker.io')).toBeUndefined();
  });
});

test('parseRpmQuery drops epoch 0 and keeps others', () => {
  const db = parseRpmQuery('openstack-trove-guestagent\t0:18.0.1-1.el9s\nmariadb-server\t3:10.5.22-1.el9\n\nbroken\n');
  expect(db.get('openstack-trove-guestagent')?.version).toBe('18.0.1-1.el9s');
  expect(db.get('mariadb-server')?.version).toBe('3:10.5.22-1.el9');
  expect(db.size).toBe(2);
});

describe('versionSatisfies', () => {
  test.each([
    ['1:18.0.0-2', '1:18.0.0', false, true],
    ['1:18.0.1-1', '1:18.0.0', false, false],
    ['2:18.0.0-2', '1:18.0.0', false, false],
    ['1:10.11.6-0+deb12u1', '10.11', true, true],
    ['1:10.110.1-1', '10.11', true, false],
    ['10.11', '10.11', true, true],
    ['15.5-0+deb12u1', '15', true, true],
    ['8.0.35-1debian12', '8.0', true, true],
    ['5.7.44', '8.0', true, false],
    ['18.0.1-1.el9s', '18.0.1', false, true],
    ['1:18.0.0-2', '18.0.0', false, true],
  ])('%s satisfies %s (upstream only: %s) = %s', (found, expected, upstream, ok) => {
    expect(versionSatisfies(found, expected, upstream)).toBe(ok);
  });
});

describe('effectiveDatasources', () => {
  test.each([
    [
      [
        { path: '/etc/cloud/cloud.cfg', text: 'datasource_list: [NoCloud, ConfigDrive]\n' },
        { path: '/etc/cloud/cloud.cfg.d/91-dib.cfg', text: 'datasource_list: [  ConfigDrive, OpenStack, None ]\n' },
      ],
      ['ConfigDrive', 'OpenStack'],
      '/etc/cloud/cloud.cfg.d/91-dib.cfg',
    ],
    [[{ path: '/etc/cloud/cloud.cfg', text: 'users: [default]\n' }], [], undefined],
    [[{ path: '/a.cfg', text: 'datasource_list: ConfigDrive, OpenStack\n' }], ['ConfigDrive', 'OpenStack'], '/a.cfg'],
    [[{ path: '/a.cfg', text: 'datasource_list: [None]\n' }], [], '/a.cfg'],
    [
      [
        { path: '/a.cfg', text: 'datasource_list: [ConfigDrive]\n' },
        { path: '/b.cfg', text: ': : not yaml [\n' },
      ],
      ['ConfigDrive'],
      '/a.cfg',
    ],
  ])('case %#', (files, list, from) => {
    const s = effectiveDatasources(files);
    expect(s.list).toEqual(list);
    expect(s.from).toBe(from);
  });

  test('unparsable files are named', () => {
    expect(effectiveDatasources([{ path: '/b.cfg', text: 'a: [unclosed\n' }]).unreadable).toEqual(['/b.cfg']);
  });

  test('cloud.cfg comes first, then the .cfg files of cloud.cfg.d in name order', () => {
    expect(cloudConfigOrder(['91-dib.cfg', 'README', '05_logging.cfg'])).toEqual([
      '/etc/cloud/cloud.cfg',
      '/etc/cloud/cloud.cfg.d/05_logging.cfg',
      '/etc/cloud/cloud.cfg.d/91-dib.cfg',
    ]);
  });
});

test('kernelCommandLines reads linux and options lines', () => {
  const cfg =
    "menuentry 'Debian' {\n\tlinux\t/boot/vmlinuz root=LABEL=x ro net.ifnames=0\n\tinitrd /boot/initrd\n}\n\tlinuxefi /vmlinuz quiet\noptions root=UUID=1 ro\n";
  expect(kernelCommandLines(cfg)).toEqual(['/boot/vmlinuz root=LABEL=x ro net.ifnames=0', '/vmlinuz quiet', 'root=UUID=1 ro']);
});

test('gpgFingerprints reads fpr records', () => {
  const out =
    'pub:-:4096:1:F1656F24C74CD1D8:1:::-:::scSC::::::23::0:\nfpr:::::::::177F4010FE56CA3336300305F1656F24C74CD1D8:\nuid:-::::1::x::MariaDB:::::::::0:\nsub:-:4096:1:AAAA:1::::::e::::::23:\nfpr:::::::::0123456789abcdef0123456789abcdef01234567:\n';
  expect(gpgFingerprints(out)).toEqual(['177F4010FE56CA3336300305F1656F24C74CD1D8', '0123456789ABCDEF0123456789ABCDEF01234567']);
});

test('pythonDistMetadata reads the header only', () => {
  expect(pythonDistMetadata('Metadata-Version: 2.1\nName: trove\nVersion: 13.0.1\n\nVersion: not this\n')).toEqual({
    name: 'trove',
    version: '13.0.1',
  });
});

test("gitManifest parses DIB's source-repositories lines", () => {
  expect(gitManifest('guest-agent git /opt/guest-agent https://opendev.org/openstack/trove 0123abc\n\nshort line\n')).toEqual([
    { name: 'guest-agent', type: 'git', dest: '/opt/guest-agent', location: 'https://opendev.org/openstack/trove', ref: '0123abc' },
  ]);
});

describe('ssh keys', () => {
  test('authorizedKeys skips blanks and comments', () => {
    expect(authorizedKeys('# tib\n\nssh-ed25519 AAAAC3Nz me@host\n  \n')).toEqual(['ssh-ed25519 AAAAC3Nz me@host']);
  });
  test.each([
    ['ssh-ed25519 AAAAC3NzaC1 me@host', 'ssh-ed25519 AAAAC3NzaC1'],
    ['from="10.0.0.1" ssh-rsa AAAAB3Nza== user', 'ssh-rsa AAAAB3Nza=='],
    ['ecdsa-sha2-nistp256 AAAAE2Vj', 'ecdsa-sha2-nistp256 AAAAE2Vj'],
    ['not a key', undefined],
  ])('keyIdentity(%j)', (line, id) => {
    expect(keyIdentity(line)).toBe(id);
  });
});
