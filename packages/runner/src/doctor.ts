import { findDib } from './dib-info';
import type { BuildHost } from './host';
import { loopDevices, partitionMapping, privileges } from './host-checks';

export interface DoctorRow {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Optional tools (inspection, boot tests) do not fail the report. */
  readonly optional?: boolean;
  readonly packages?: { readonly deb: string; readonly rpm: string };
}

const TOOLS: readonly { command: string; deb: string; rpm: string; why: string; optional?: boolean }[] = [
  { command: 'disk-image-create', deb: 'python3-diskimage-builder', rpm: 'diskimage-builder', why: 'builds the image' },
  { command: 'sudo', deb: 'sudo', rpm: 'sudo', why: 'DIB calls sudo throughout a build' },
  { command: 'debootstrap', deb: 'debootstrap', rpm: 'debootstrap', why: 'Debian/Ubuntu images from packages' },
  { command: 'qemu-img', deb: 'qemu-utils', rpm: 'qemu-img', why: 'qcow2/vhd conversion' },
  { command: 'kpartx', deb: 'kpartx', rpm: 'kpartx', why: "maps the image's partitions" },
  { command: 'sfdisk', deb: 'fdisk', rpm: 'util-linux', why: 'partitions the image' },
  { command: 'sgdisk', deb: 'gdisk', rpm: 'gdisk', why: 'GPT layouts' },
  { command: 'mkfs.ext4', deb: 'e2fsprogs', rpm: 'e2fsprogs', why: 'the root file system' },
  { command: 'mksquashfs', deb: 'squashfs-tools', rpm: 'squashfs-tools', why: "DIB's image tooling" },
  { command: 'flock', deb: 'util-linux', rpm: 'util-linux', why: 'one build per output path' },
  { command: 'curl', deb: 'curl', rpm: 'curl', why: 'base image downloads' },
  { command: 'guestfish', deb: 'libguestfs-tools', rpm: 'guestfs-tools', why: 'tib verify (offline inspection)', optional: true },
  { command: 'qemu-system-x86_64', deb: 'qemu-system-x86', rpm: 'qemu-kvm', why: 'tib verify --boot', optional: true },
  { command: 'genisoimage', deb: 'genisoimage', rpm: 'genisoimage', why: 'tib verify --boot (config drive)', optional: true },
  {
    command: 'rabbitmq-server',
    deb: 'rabbitmq-server',
    rpm: 'rabbitmq-server',
    why: "tib verify --boot: the controller conversation's private message bus",
    optional: true,
  },
  { command: 'socat', deb: 'socat', rpm: 'socat', why: 'tib verify --boot: QEMU forwards the guest to the bus through it', optional: true },
];

/** The build host alone: what a real build needs, and what is missing. */
export function doctorReport(host: BuildHost): DoctorRow[] {
  const rows: DoctorRow[] = [];
  rows.push({ check: 'privileges', ...privileges(host) });
  for (const t of TOOLS) {
    const found = host.which(t.command);
    rows.push({
      check: t.command,
      ok: found !== undefined,
      detail: found ? found : `missing: ${t.why}`,
      packages: { deb: t.deb, rpm: t.rpm },
      ...(t.optional ? { optional: true } : {}),
    });
  }
  // The controller side of verify's conversation: Trove's own code, Debian's python3-trove.
  const trove = host.exec('/usr/bin/python3', ['-c', 'import importlib.metadata as m; print(m.version("trove"))'], 10_000);
  rows.push({
    check: 'python3-trove',
    ok: trove.status === 0,
    optional: true,
    detail:
      trove.status === 0
        ? `Trove ${trove.stdout.trim()}: tib verify --boot talks to images of that release with it (others: tib controller prepare)`
        : "missing: tib verify --boot's controller conversation needs Trove's controller code (or tib controller prepare)",
    packages: { deb: 'python3-trove', rpm: 'python3-trove' },
  });
  const dib = findDib(host);
  if (dib)
    rows.push({
      check: 'diskimage-builder',
      ok: dib.elementsDir !== undefined,
      detail: `version ${dib.version}, elements in ${dib.elementsDir ?? '(not found)'}`,
    });
  rows.push({ check: 'loop devices', ...loopDevices(host) });
  const mapping = partitionMapping(host);
  rows.push({ check: 'partition mapping', ok: mapping.ok, detail: mapping.detail });
  const free = host.freeBytes(host.env['TMPDIR'] || '/tmp');
  rows.push({
    check: 'disk space',
    ok: free === undefined || free > 10 * 1024 ** 3,
    detail: free === undefined ? 'unknown' : `${(free / 1024 ** 3).toFixed(1)} GiB free in ${host.env['TMPDIR'] || '/tmp'}`,
  });
  const mem = host.memAvailableBytes();
  rows.push({
    check: 'memory',
    ok: true,
    detail:
      mem === undefined
        ? 'unknown'
        : `${(mem / 1024 ** 3).toFixed(1)} GiB available${mem < 4 * 1024 ** 3 ? ' (DIB will build on disk, not in tmpfs)' : ''}`,
  });
  const kvm = host.exists('/dev/kvm') && !host.exists('/sys/module/kvm_pvm');
  rows.push({
    check: 'kvm',
    ok: true,
    optional: true,
    detail: kvm
      ? 'usable: tib verify --boot uses KVM'
      : host.exists('/dev/kvm')
        ? '/dev/kvm cannot run stock guests (nested PVM): boots use TCG'
        : 'absent: boots use TCG (slower)',
  });
  return rows;
}

/**
 * Every package a build host needs (and, with `includeOptional`, what tib verify needs),
 * whatever this host has: what a fresh CI machine installs before its first build.
 */
export function hostPackages(family: 'deb' | 'rpm', includeOptional: boolean): string[] {
  return [...new Set(TOOLS.filter((t) => includeOptional || !t.optional).map((t) => t[family]))].sort();
}

/** The one command that installs what is missing, for this host's package manager. */
export function installCommand(rows: readonly DoctorRow[], host: BuildHost, includeOptional: boolean): string | undefined {
  const osRelease = host.readFile('/etc/os-release') ?? '';
  const rpm = /^(ID|ID_LIKE)=.*(rhel|fedora|centos|rocky|alma)/m.test(osRelease);
  const packages = [
    ...new Set(
      rows
        .filter((r) => !r.ok && r.packages && (includeOptional || !r.optional))
        .map((r) => (rpm ? r.packages?.rpm : r.packages?.deb) ?? ''),
    ),
  ]
    .filter(Boolean)
    .sort();
  if (packages.length === 0) return undefined;
  return rpm ? `sudo dnf install -y ${packages.join(' ')}` : `sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}
