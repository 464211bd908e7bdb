import { globDirs, modeString, normalizePath, readText, resolvePath, statPath } from '../src/image/image-fs';
import { FakeFs } from './support/fake-fs';

describe('normalizePath', () => {
  test.each([
    ['/etc/passwd', '/etc/passwd'],
    ['etc//passwd', '/etc/passwd'],
    ['/etc/./ssh/../passwd', '/etc/passwd'],
    ['/../../etc', '/etc'],
    ['/', '/'],
    ['', '/'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('resolvePath follows links inside the image only', () => {
  const fs = new FakeFs({
    '/usr/lib/os-release': 'ID=debian\n',
    '/etc/os-release': { link: '../usr/lib/os-release' },
    '/sbin': { link: 'usr/sbin' },
    '/usr/sbin/dhclient': { content: 'ELF', mode: 0o755 },
    '/etc/resolv.conf': { link: '/run/systemd/resolve/stub-resolv.conf' },
    '/run/systemd/resolve/stub-resolv.conf': 'nameserver 127.0.0.53\n',
    '/etc/escape': { link: '../../../../etc/shadow-of-host' },
    '/etc/shadow-of-host': "image file, not the host's",
    '/loop/a': { link: 'b' },
    '/loop/b': { link: 'a' },
    '/etc/dangling': { link: '/nowhere' },
  });

  test.each([
    ['/etc/os-release', '/usr/lib/os-release'],
    ['/sbin/dhclient', '/usr/sbin/dhclient'],
    ['/etc/resolv.conf', '/run/systemd/resolve/stub-resolv.conf'],
    ['/etc/escape', '/etc/shadow-of-host'],
  ])('%s resolves to %s', (p, expected) => {
    expect(resolvePath(fs, p)).toBe(expected);
  });

  test('a loop of links does not resolve', () => {
    expect(resolvePath(fs, '/loop/a')).toBeUndefined();
  });

  test('a dangling link does not resolve, but the link itself does with followLast=false', () => {
    expect(resolvePath(fs, '/etc/dangling')).toBeUndefined();
    expect(resolvePath(fs, '/etc/dangling', false)).toBe('/etc/dangling');
  });

  test('readText and statPath read through links', () => {
    expect(readText(fs, '/etc/os-release')).toBe('ID=debian\n');
    expect(statPath(fs, '/sbin/dhclient')?.stat.mode).toBe(0o755);
    expect(readText(fs, '/missing')).toBeUndefined();
  });
});

test('globDirs finds directories with a suffix', () => {
  const fs = new FakeFs({
    '/etc/systemd/system/multi-user.target.wants': { dir: true },
    '/etc/systemd/system/sockets.target.wants': { dir: true },
    '/etc/systemd/system/foo.service': 'x',
    '/etc/systemd/system/bar.wants': 'a file, not a dir',
  });
  expect(globDirs(fs, '/etc/systemd/system', ['.wants'])).toEqual([
    '/etc/systemd/system/multi-user.target.wants',
    '/etc/systemd/system/sockets.target.wants',
  ]);
});

test.each([
  [0o755, '0755'],
  [0o4755, '4755'],
  [0o640, '0640'],
])('modeString(%o) = %s', (mode, text) => {
  expect(modeString(mode)).toBe(text);
});
