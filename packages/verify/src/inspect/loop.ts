/**
 * Opens an image without an appliance: a raw copy (qcow2 -> raw), a read-only loop
 * device, its partitions added with partx (which works where the kernel parses no
 * partition tables and has no device-mapper), and the root file system mounted
 * read-only without journal replay. The original image is never opened for writing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolvePath } from '../image/image-fs';
import { MountedFs } from '../image/mounted-fs';
import { runTool, ToolError } from '../exec';
import type { Scope } from '../scope';

export interface LoopImage {
  readonly fs: MountedFs;
  readonly mountPoint: string;
  /** The raw disk the loop device reads (the copy, or the image itself when it is raw). */
  readonly raw: string;
  readonly rawBytes: number;
  readonly device: string;
  readonly partition: string;
}

const MIN = 60_000;

export async function imageInfo(image: string, env: NodeJS.ProcessEnv): Promise<{ format: string; virtualSize: number }> {
  const r = await runTool('qemu-img', ['info', '--output=json', image], { timeoutMs: MIN, env });
  const info = JSON.parse(r.stdout) as { format?: string; 'virtual-size'?: number };
  return { format: info.format ?? 'raw', virtualSize: info['virtual-size'] ?? 0 };
}

export async function openWithLoop(
  image: string,
  work: string,
  scope: Scope,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void,
): Promise<LoopImage> {
  const info = await imageInfo(image, env);
  let raw = image;
  if (info.format !== 'raw') {
    raw = path.join(work, 'disk.raw');
    log(`converting ${info.format} to a raw copy (${(info.virtualSize / 2 ** 30).toFixed(1)} GiB, sparse)`);
    scope.defer('remove the raw copy', () => fs.rmSync(raw, { force: true }));
    await runTool('qemu-img', ['convert', '-f', info.format, '-O', 'raw', image, raw], { timeoutMs: 20 * MIN, env });
  }
  const device = (await runTool('losetup', ['--read-only', '--find', '--show', raw], { timeoutMs: MIN, env })).stdout.trim();
  if (!/^\/dev\/loop\d+$/.test(device)) throw new ToolError(`losetup returned no loop device (${device || 'empty output'})`);
  scope.defer(`detach ${device}`, async () => {
    await runTool('losetup', ['--detach', device], { timeoutMs: MIN, env });
  });
  // Adds /dev/loopNpM nodes even where the kernel does not scan partition tables.
  const partx = await runTool('partx', ['--add', device], { timeoutMs: MIN, env, allowFailure: true });
  scope.defer(`remove the partitions of ${device}`, async () => {
    await runTool('partx', ['--delete', device], { timeoutMs: MIN, env, allowFailure: true });
  });
  const partitions = await listPartitions(device, env);
  if (partitions.length === 0 && partx.exitCode !== 0) log(`partx found no partition table on ${device}; trying the whole disk`);
  const mountPoint = path.join(work, 'root');
  fs.mkdirSync(mountPoint, { recursive: true });
  for (const part of partitions.length > 0 ? partitions : [device]) {
    const fstype = (await runTool('blkid', ['-o', 'value', '-s', 'TYPE', part], { timeoutMs: MIN, env, allowFailure: true })).stdout.trim();
    if (!MOUNT_OPTIONS[fstype]) continue;
    const m = await runTool('mount', ['-t', fstype, '-o', MOUNT_OPTIONS[fstype] ?? 'ro', part, mountPoint], {
      timeoutMs: MIN,
      env,
      allowFailure: true,
    });
    if (m.exitCode !== 0) {
      log(`cannot mount ${part} (${fstype}): ${m.stderr.trim()}`);
      continue;
    }
    const mounted = new MountedFs(mountPoint);
    if (resolvePath(mounted, '/etc/os-release') !== undefined || resolvePath(mounted, '/usr/lib/os-release') !== undefined) {
      scope.defer(`unmount ${mountPoint}`, async () => {
        await runTool('umount', [mountPoint], { timeoutMs: MIN, env });
      });
      const rawBytes = fs.statSync(raw).size;
      return { fs: mounted, mountPoint, raw, rawBytes, device, partition: part };
    }
    await runTool('umount', [mountPoint], { timeoutMs: MIN, env });
  }
  throw new ToolError(`no partition of ${image} holds a Linux root file system (looked at ${partitions.join(', ') || device})`);
}

/** ext* without journal replay, xfs without log recovery: a read-only mount must not write. */
const MOUNT_OPTIONS: Readonly<Record<string, string>> = {
  ext2: 'ro',
  ext3: 'ro,noload',
  ext4: 'ro,noload',
  xfs: 'ro,norecovery,nouuid',
  btrfs: 'ro,nologreplay',
};

async function listPartitions(device: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await runTool('partx', ['--show', '--noheadings', '--output', 'NR', device], { timeoutMs: MIN, env, allowFailure: true });
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d+$/.test(l))
    .map((nr) => `${device}p${nr}`)
    .filter((p) => fs.existsSync(p));
}
