/**
 * QEMU's command line for the boot test. The guest's only way out is user-mode
 * networking with `restrict=on`: it reaches nothing but one forward from a loopback
 * port on the host to its ssh port. Its disks: a throw-away overlay of the image, a blank
 * volume as the second virtio disk (Trove always attaches one; the agent formats and
 * mounts it at start), and the config drive as a CD-ROM, where Nova puts it.
 */
export interface QemuSettings {
  readonly accel: 'kvm' | 'tcg';
  readonly overlay: string;
  readonly volume: string;
  readonly configDrive: string;
  readonly consoleLog: string;
  readonly sshPort: number;
  readonly memoryMiB: number;
  readonly cpus: number;
  readonly mac: string;
}

/** QEMU option values separate sub-options with commas; a literal comma is doubled. */
export function qemuEscape(value: string): string {
  return value.replace(/,/g, ',,');
}

export function qemuArgs(s: QemuSettings): string[] {
  return [
    '-name',
    'tib-verify',
    '-machine',
    'pc',
    '-accel',
    s.accel === 'kvm' ? 'kvm' : 'tcg,thread=multi',
    '-cpu',
    s.accel === 'kvm' ? 'host' : 'max',
    '-smp',
    String(s.cpus),
    '-m',
    String(s.memoryMiB),
    '-nodefaults',
    '-display',
    'none',
    '-monitor',
    'none',
    '-no-reboot',
    '-serial',
    `file:${s.consoleLog}`,
    // cache=unsafe: the overlay and the volume are deleted afterwards, so skip fsyncs.
    '-drive',
    `file=${qemuEscape(s.overlay)},if=virtio,format=qcow2,cache=unsafe`,
    '-drive',
    `file=${qemuEscape(s.volume)},if=virtio,format=qcow2,cache=unsafe`,
    '-drive',
    `file=${qemuEscape(s.configDrive)},if=ide,media=cdrom,readonly=on,format=raw`,
    '-netdev',
    `user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:${s.sshPort}-:22`,
    '-device',
    `virtio-net-pci,netdev=net0,mac=${s.mac}`,
    '-device',
    'virtio-rng-pci',
  ];
}

/** A MAC in OpenStack's fa:16:3e range, as Neutron would assign. */
export function openstackMac(random: Buffer): string {
  return ['fa', '16', '3e', ...[...random.subarray(0, 3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
