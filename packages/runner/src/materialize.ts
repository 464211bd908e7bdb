import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '@tib/core';
import type { BaseImage } from './base-image';
import { sha256sumLine } from './checksum-list';

/**
 * Writes the plan's element tree under `workDir/elements` with the plan's modes — the
 * same files the compiled script writes with its heredocs — and, for DIB elements that
 * take a directory of cloud images, a directory holding the verified base image and its
 * SHA256SUMS.
 */
export function materialize(plan: Plan, workDir: string, base: BaseImage | undefined): { elementsDir: string; baseImageDir?: string } {
  const elementsDir = path.join(workDir, 'elements');
  for (const f of plan.elementTree) {
    const target = path.join(elementsDir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.content, { mode: f.mode });
    fs.chmodSync(target, f.mode); // the umask must not change what DIB runs
  }
  if (!base || plan.baseImage.source === 'bootstrap' || plan.baseImage.handoff !== 'cloud-images-dir') return { elementsDir };
  const baseImageDir = path.join(workDir, 'base-image');
  fs.mkdirSync(baseImageDir, { recursive: true });
  fs.symlinkSync(base.file, path.join(baseImageDir, base.fileName));
  fs.writeFileSync(path.join(baseImageDir, 'SHA256SUMS'), sha256sumLine(base.sha256, base.fileName));
  return { elementsDir, baseImageDir };
}
