/**
 * Which way to open the image, in order of preference. A loop mount needs root and costs
 * a raw copy (~7 s for a 0.5 GiB qcow2); libguestfs needs no root but boots an appliance,
 * which without KVM takes ~25 s before it reads a byte. So: root without a usable KVM
 * mounts first; otherwise libguestfs first (it also keeps the image's file system out of
 * the host kernel). Each falls back to the other when it is available.
 */
import type { Inspector } from '../types';

export interface InspectorHost {
  readonly isRoot: boolean;
  readonly kvmUsable: boolean;
  readonly haveGuestfish: boolean;
  readonly haveLoopTools: boolean;
}

export function chooseInspectors(requested: Inspector | undefined, host: InspectorHost): { order: Inspector[]; why: string } {
  const loopOk = host.isRoot && host.haveLoopTools;
  if (requested) return { order: [requested], why: `requested ${requested}` };
  const candidates: Inspector[] = [];
  const preferLoop = loopOk && !host.kvmUsable;
  if (preferLoop) candidates.push('loop');
  if (host.haveGuestfish) candidates.push('libguestfs');
  if (loopOk && !preferLoop) candidates.push('loop');
  const why = preferLoop
    ? 'root without a usable KVM: a read-only loop mount is faster than a TCG appliance'
    : host.haveGuestfish
      ? host.kvmUsable
        ? "KVM is usable: libguestfs' appliance starts fast"
        : 'not root: libguestfs needs no loop devices'
      : 'libguestfs is not installed';
  return { order: candidates, why };
}
