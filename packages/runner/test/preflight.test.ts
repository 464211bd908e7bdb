import { compilePlan } from '@tib/core';
import { doctorReport, partitionMapping, preflight } from '../src';
import { installCommand } from '../src/doctor';
import type { BuildHost } from '../src';
import { nodeHost } from '../../cli/src/node-host';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** A build host described by a table: which commands exist, what probes answer. */
function fakeHost(
  over: Partial<{
    uid: number;
    commands: string[];
    files: Record<string, string>;
    dirs: string[];
    exec: Record<string, number>;
    free: number;
    mem: number;
    dmsetup: string;
    readOnly: boolean;
  }> = {},
): BuildHost {
  const commands = new Set(
    over.commands ?? ['disk-image-create', 'debootstrap', 'qemu-img', 'sfdisk', 'mkfs.ext4', 'sha256sum', 'kpartx', 'losetup', 'dmsetup'],
  );
  const files: Record<string, string> = {
    '/usr/bin/disk-image-create': '#! /usr/bin/python3\n',
    '/dev/loop-control': '',
    '/usr/sbin/kpartx': '\x7fELF',
    '/usr/share/debootstrap/scripts/bookworm': 'mirror_style release\n',
    ...over.files,
  };
  const dirs = new Set(
    over.dirs ?? [
      '/dib/elements/debian-minimal',
      '/dib/elements/vm',
      '/dib/elements/cloud-init',
      '/dib/elements/openssh-server',
      '/dib/elements/cloud-init-datasources',
    ],
  );
  return {
    env: { TMPDIR: '/tmp' },
    uid: () => over.uid ?? 0,
    which: (c) => (commands.has(c) ? (c === 'kpartx' ? '/usr/sbin/kpartx' : `/usr/bin/${c}`) : undefined),
    exec: (c, args) => {
      if (c.endsWith('disk-image-create')) return { status: 0, stdout: '3.13.0\n', stderr: '' };
      if (c.endsWith('python3')) return { status: 0, stdout: '/dib/elements\n', stderr: '' };
      if (c === 'dmsetup')
        return {
          status: over.dmsetup === undefined ? 0 : 1,
          stdout: over.dmsetup ?? 'Library version: 1.02\nDriver version: 4.48.0\n',
          stderr: '',
        };
      const key = `${c} ${args.join(' ')}`;
      return { status: over.exec?.[key] ?? 0, stdout: '', stderr: '' };
    },
    readFile: (f) => files[f],
    exists: (f) => files[f] !== undefined || dirs.has(f),
    isDirectory: (f) => dirs.has(f) || f === '/w' || f === '/',
    writable: (d) => !(over.readOnly ?? false) || d === '/tmp',
    stat: (f) => (f in files ? { size: (files[f] ?? '').length, mtimeMs: 0 } : undefined),
    freeBytes: () => over.free ?? 100 * 1024 ** 3,
    memAvailableBytes: () => over.mem ?? 16 * 1024 ** 3,
  };
}

function plan() {
  const r = compilePlan(
    { recipePath: 'recipes/debian-bookworm-mariadb.yaml', elementsDir: path.join(ROOT, 'elements'), tibVersion: '0.0.0' },
    nodeHost(ROOT),
  );
  if (!r.ok) throw new Error('example recipe must compile');
  return r.plan;
}
const paths = { cwd: '/w', recipeDir: '/w/recipes', outputDir: '/w/images', cacheDir: '/c' };
const codes = (host: BuildHost) =>
  preflight(plan(), host, paths).diagnostics.map((d) => `${d.code}${d.severity === 'warning' ? '(w)' : ''}`);

describe('preflight', () => {
  it.each<[string, Parameters<typeof fakeHost>[0], string[]]>([
    ['a prepared host', {}, []],
    ['not root, no sudo', { uid: 1000, exec: { 'sudo -n true': 1 } }, ['TIB5001']],
    ['not root, passwordless sudo', { uid: 1000 }, []],
    ['no DIB', { commands: ['debootstrap', 'qemu-img', 'sfdisk', 'mkfs.ext4', 'sha256sum', 'kpartx'] }, ['TIB5002']],
    [
      'DIB without the OS element',
      { dirs: ['/dib/elements/vm', '/dib/elements/cloud-init', '/dib/elements/openssh-server', '/dib/elements/cloud-init-datasources'] },
      ['TIB5005'],
    ],
    [
      'DIB without an element',
      { dirs: ['/dib/elements/debian-minimal', '/dib/elements/vm', '/dib/elements/cloud-init', '/dib/elements/cloud-init-datasources'] },
      ['TIB5004'],
    ],
    [
      'no debootstrap, no qemu-img',
      { commands: ['disk-image-create', 'sfdisk', 'mkfs.ext4', 'sha256sum', 'kpartx'] },
      ['TIB5010', 'TIB5010'],
    ],
    ['no loop devices', { exec: { 'losetup --find': 1 } }, ['TIB5008']],
    ['no device-mapper, real kpartx', { dmsetup: '' }, ['TIB5009']],
    ['no device-mapper, partx stand-in', { dmsetup: '', files: { '/usr/sbin/kpartx': '#!/bin/bash\npartx -a "$dev"\n' } }, []],
    ['disk full', { free: 1024 ** 3 }, ['TIB5006', 'TIB5006']],
    ['little memory', { mem: 2 * 1024 ** 3 }, ['TIB5007(w)']],
    ['read-only output', { readOnly: true }, ['TIB5017']],
    [
      'debootstrap that does not know the release',
      { files: { '/usr/share/debootstrap/scripts/bookworm': undefined as unknown as string } },
      ['TIB5010'],
    ],
  ])('%s', (_label, over, expected) => {
    expect(codes(fakeHost(over)).sort()).toEqual(expected.sort());
  });

  it('explains a kernel without device-mapper', () => {
    expect(partitionMapping(fakeHost({ dmsetup: '' })).detail).toMatch(/no device-mapper/);
  });
});

describe('doctor', () => {
  it('names the packages that install what is missing, for apt and dnf hosts', () => {
    const deb = fakeHost({ commands: ['disk-image-create', 'qemu-img'], files: { '/etc/os-release': 'ID=debian\n' } });
    expect(installCommand(doctorReport(deb), deb, false)).toMatch(/^sudo apt-get install -y --no-install-recommends .*debootstrap.*kpartx/);
    const rpm = fakeHost({ commands: ['disk-image-create'], files: { '/etc/os-release': 'ID="rocky"\nID_LIKE="rhel centos fedora"\n' } });
    expect(installCommand(doctorReport(rpm), rpm, false)).toMatch(/^sudo dnf install -y .*qemu-img/);
  });

  it('has nothing to install on a complete host', () => {
    const all = fakeHost({
      commands: [
        'disk-image-create',
        'sudo',
        'debootstrap',
        'qemu-img',
        'kpartx',
        'sfdisk',
        'sgdisk',
        'mkfs.ext4',
        'mksquashfs',
        'flock',
        'curl',
        'losetup',
        'dmsetup',
      ],
    });
    expect(installCommand(doctorReport(all), all, false)).toBeUndefined();
  });
});
