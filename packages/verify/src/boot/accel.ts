/**
 * Whether QEMU can use KVM here. /dev/kvm existing is not enough: a nested "PVM" KVM
 * (module kvm_pvm) accepts the device but cannot run a stock guest — QEMU aborts with
 * "failed to set MSR" or the guest hangs — so it counts as unusable.
 */
export interface KvmProbe {
  exists(path: string): boolean;
  /** Whether this process may open the path for reading and writing. */
  readWrite(path: string): boolean;
  /** process.arch of the host. */
  readonly hostArch: string;
}

export interface KvmVerdict {
  readonly usable: boolean;
  readonly reason: string;
}

const QEMU_ARCH: Readonly<Record<string, string>> = { amd64: 'x64', arm64: 'arm64' };

export function kvmUsability(probe: KvmProbe, imageArch: string): KvmVerdict {
  if (QEMU_ARCH[imageArch] !== probe.hostArch)
    return { usable: false, reason: `a ${imageArch} image on a ${probe.hostArch} host runs under emulation` };
  if (!probe.exists('/dev/kvm')) return { usable: false, reason: 'no /dev/kvm' };
  if (!probe.readWrite('/dev/kvm')) return { usable: false, reason: 'no permission to open /dev/kvm' };
  if (probe.exists('/sys/module/kvm_pvm'))
    return { usable: false, reason: '/dev/kvm is a nested PVM KVM (kvm_pvm), which cannot run a stock guest' };
  return { usable: true, reason: '/dev/kvm is usable' };
}

export function chooseAccel(requested: 'kvm' | 'tcg' | undefined, verdict: KvmVerdict): { accel: 'kvm' | 'tcg'; why: string } {
  if (requested)
    return {
      accel: requested,
      why: `--accel ${requested}${requested === 'kvm' && !verdict.usable ? ` (warning: ${verdict.reason})` : ''}`,
    };
  return verdict.usable ? { accel: 'kvm', why: verdict.reason } : { accel: 'tcg', why: `TCG: ${verdict.reason}` };
}
