import type { BuildHost } from './host';

/** Root, or passwordless sudo: DIB calls sudo throughout a build. */
export function privileges(host: BuildHost): { ok: boolean; detail: string } {
  if (host.uid() === 0) return { ok: true, detail: 'running as root' };
  return host.exec('sudo', ['-n', 'true'], 5000).status === 0
    ? { ok: true, detail: 'passwordless sudo' }
    : { ok: false, detail: 'DIB needs root: run tib as root, or give this user passwordless sudo (DIB calls sudo throughout the build)' };
}

/** DIB writes the disk through a loop device. */
export function loopDevices(host: BuildHost): { ok: boolean; detail: string } {
  return host.exists('/dev/loop-control') && host.exec('losetup', ['--find'], 5000).status === 0
    ? { ok: true, detail: 'usable' }
    : {
        ok: false,
        detail:
          'loop devices are not usable (no /dev/loop-control, or `losetup --find` fails): DIB writes the disk through a loop device; containers need --privileged or loop devices passed in',
      };
}

/**
 * DIB maps the partitions of its loop device with kpartx, which needs device-mapper in
 * the kernel. Containers and some CI kernels lack it; a partx-based kpartx stand-in works
 * there (README, "Hosts without device-mapper"). Say which case this host is.
 */
export function partitionMapping(host: BuildHost): { ok: boolean; detail: string } {
  const kpartx = host.which('kpartx');
  if (!kpartx) return { ok: false, detail: "kpartx not found: install kpartx (DIB maps the image's partitions with it)" };
  const dm = host.exec('dmsetup', ['version'], 5000);
  const kernelDm = dm.status === 0 && /Driver version/.test(dm.stdout);
  if (kernelDm) return { ok: true, detail: 'device-mapper available' };
  const script = host.readFile(kpartx) ?? '';
  if (script.startsWith('#!') && /\bpartx\b/.test(script))
    return { ok: true, detail: `no device-mapper, but ${kpartx} is a partx-based stand-in` };
  return {
    ok: false,
    detail:
      'kpartx cannot work here: the kernel has no device-mapper (`dmsetup version` finds no driver). Use a host or VM with the dm-mod module, or install a partx-based kpartx stand-in (see README, "Hosts without device-mapper")',
  };
}

/** Can tib create files in `dir` (or create `dir` in its nearest existing parent)? */
export function writableDirectory(host: BuildHost, dir: string): { ok: boolean; detail: string } {
  let d = dir;
  while (!host.exists(d) && d !== '/' && d !== '.') d = d.replace(/\/[^/]*$/, '') || '/';
  if (!host.isDirectory(d)) return { ok: false, detail: `${d} is not a directory` };
  return host.writable(d)
    ? { ok: true, detail: 'writable' }
    : { ok: false, detail: `${d} is not writable (read-only file system or permissions)` };
}
