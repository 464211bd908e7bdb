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
  /**
   * The controller's message bus: the guest connects to address:port and QEMU runs socat
   * per connection to the host's loopback port (restrict=on stays: nothing else is reachable).
   */
  readonly bus?: { readonly address: string; readonly port: number; readonly hostPort: number };
  /** More loopback forwards into the guest (its datastore port, for the real query). */
  readonly forwards?: readonly { readonly host: number; readonly guest: number }[];
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
    netdev(s),
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

/**
 * User-mode networking with restrict=on: the guest reaches only the forwards. The bus
 * forward is the per-connection command form (a chardev target would open one connection
 * when QEMU starts, and the agent never gets one).
 */
function netdev(s: QemuSettings): string {
  const parts = ['user', 'id=net0', 'restrict=on', `hostfwd=tcp:127.0.0.1:${s.sshPort}-:22`];
  for (const f of s.forwards ?? []) parts.push(`hostfwd=tcp:127.0.0.1:${f.host}-:${f.guest}`);
  if (s.bus) parts.push(`guestfwd=tcp:${s.bus.address}:${s.bus.port}-cmd:socat - TCP:127.0.0.1:${s.bus.hostPort}`);
  return parts.join(',');
}
