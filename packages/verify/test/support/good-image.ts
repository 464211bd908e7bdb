import type { Plan } from '@tib/core';
import { accountsOf } from '../../src/checks/context';
import type { InspectData } from '../../src/checks/context';
import { parseDpkgStatus } from '../../src/parse/dpkg';
import { FakeFs } from './fake-fs';

const TROVE = { uid: 103, gid: 111 };

function dpkg(packages: Record<string, string>): string {
  return Object.entries(packages)
    .map(([name, version]) => `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\n`)
    .join('\n');
}

/**
 * A file tree shaped like a correct image of `plan`, built from the same expectations
 * verify checks (so each test can break one thing and see which check notices).
 */
/** Debian's VERSION_ID per codename, for the fake os-release of the plan's release. */
const DEBIAN_VERSION: Readonly<Record<string, string>> = { bullseye: '11', bookworm: '12', trixie: '13' };

export function goodImage(plan: Plan): FakeFs {
  const container = plan.target.model === 'container';
  const codename = plan.target.release;
  const packages: Record<string, string> = { 'cloud-init': '22.4.2-1+deb12u4', ifupdown: '0.8.41', 'isc-dhcp-client': '4.4.3-P1-2' };
  const fs = new FakeFs({
    '/lib': { link: 'usr/lib' },
    '/sbin': { link: 'usr/sbin' },
    '/usr/lib/os-release': `ID=debian\nVERSION_ID="${DEBIAN_VERSION[codename] ?? ''}"\nVERSION_CODENAME=${codename}\n`,
    '/etc/os-release': { link: '../usr/lib/os-release' },
    '/etc/passwd':
      'root:x:0:0:root:/root:/bin/bash\ntrove:x:103:111::/var/lib/trove:/bin/false\nmysql:x:104:112::/nonexistent:/bin/false\n',
    '/etc/group': `root:x:0:\ntrove:x:111:\nmysql:x:112:\n${container ? 'docker:x:109:trove\n' : ''}`,
    '/usr/sbin/dhclient': { content: 'ELF', mode: 0o755 },
    '/usr/sbin/ifup': { content: 'ELF', mode: 0o755 },
    '/etc/cloud/cloud.cfg': 'users: [default]\n',
    '/etc/cloud/cloud.cfg.d/91-dib-cloud-init-datasources.cfg': 'datasource_list: [ ConfigDrive, OpenStack, None ]\n',
    '/boot/grub/grub.cfg':
      "menuentry 'Debian' {\n\tlinux /boot/vmlinuz root=LABEL=cloudimg-rootfs ro console=ttyS0 nofb nomodeset gfxpayload=text net.ifnames=0\n}\n",
    '/etc/dib-manifests/dib_environment': `declare -x DIB_RELEASE="${codename}"\n`,
    '/var/lib/trove': { dir: true, ...TROVE, mode: 0o750 },
    '/var/log/trove': { dir: true, ...TROVE, mode: 0o750 },
    '/etc/trove/conf.d': { dir: true, ...TROVE },
    '/root/.ssh': { dir: true, mode: 0o700 },
  });
  // Paths first, so the files that must also contain a line keep their owner and mode.
  const ordered = [...plan.expectations].sort((a, b) => Number(b.kind === 'path') - Number(a.kind === 'path'));
  for (const e of ordered) {
    if (e.kind === 'path' && e.type !== 'dir' && !fs.lstat(e.path)) {
      const owner = e.owner === 'trove' ? TROVE : { uid: 0, gid: 0 };
      fs.set(e.path, { content: '', ...owner, mode: e.mode ?? (e.type === 'executable' ? 0o755 : 0o644) });
    }
    if (e.kind === 'path' && e.type === 'dir' && !fs.lstat(e.path))
      fs.set(e.path, { dir: true, ...(e.owner === 'mysql' ? { uid: 104, gid: 112 } : e.owner === 'trove' ? TROVE : {}) });
    if (e.kind === 'file-contains') {
      const prev = fs.readFile(e.path)?.toString() ?? '';
      const st = fs.lstat(e.path);
      fs.set(e.path, { content: `${prev}${e.text}\n`, uid: st?.uid ?? 0, gid: st?.gid ?? 0, mode: st?.mode ?? 0o644 });
    }
    if (e.kind === 'package' && e.installed)
      packages[e.name] = e.version ? `${e.version.includes(':') ? '' : '1:'}${e.version}.6-2` : '1.0-1';
    if (e.kind === 'service') {
      fs.set(`/usr/lib/systemd/system/${e.name}.service`, '[Service]\n');
      if (e.enabled)
        fs.set(`/etc/systemd/system/multi-user.target.wants/${e.name}.service`, { link: `/lib/systemd/system/${e.name}.service` });
    }
    if (e.kind === 'agent-source') {
      fs.set(e.entryPoint, { content: `#!${e.venv}/bin/python3\nfrom trove.cmd.guest import main\n`, mode: 0o755 });
      fs.set(`${e.venv}/lib/python3.11/site-packages/trove-${e.major}.0.1.dist-info`, { dir: true });
    }
  }
  fs.set('/var/lib/dpkg/status', dpkg(packages));
  return fs;
}

export function inspectData(fs: FakeFs, overrides: Partial<InspectData> = {}): InspectData {
  return {
    fs,
    accounts: accountsOf(fs),
    packages: parseDpkgStatus(fs.readFile('/var/lib/dpkg/status')?.toString() ?? ''),
    keyFingerprints: new Map(),
    secrets: { canaries: 0, files: [], disk: { bytes: 0, hits: [] } },
    secretValues: [],
    ...overrides,
  };
}
