import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '@tib/core';
import { sha256sumLine } from './checksum-list';
import { sha256File } from './sha256-file';

export interface OutputFile {
  readonly file: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mtimeMs: number;
}

export function partialDir(outputDir: string, name: string): string {
  return path.join(outputDir, `.${name}.tib-partial`);
}

export function lockFile(outputDir: string, name: string): string {
  return path.join(outputDir, `.${name}.tib-lock`);
}

/** Existing outputs that a build without --force must keep. */
export function existingOutputs(plan: Plan, outputDir: string): string[] {
  return plan.image.files.map((f) => path.join(outputDir, f)).filter((f) => fs.existsSync(f));
}

/**
 * Moves DIB's finished files from the temporary directory into place (a rename in the
 * same file system: readers see the old image or the new one, never a half), writing
 * each one's .sha256 beside it first.
 */
export async function installOutputs(plan: Plan, partial: string, outputDir: string): Promise<OutputFile[]> {
  const installed: OutputFile[] = [];
  for (const file of plan.image.files) {
    const from = path.join(partial, file);
    if (!fs.existsSync(from)) throw new Error(`disk-image-create finished but did not write ${file}`);
    const sha256 = await sha256File(from);
    const to = path.join(outputDir, file);
    if (plan.image.checksums) {
      fs.writeFileSync(path.join(partial, `${file}.sha256`), sha256sumLine(sha256, file));
      fs.renameSync(path.join(partial, `${file}.sha256`), `${to}.sha256`);
    }
    fs.renameSync(from, to);
    const st = fs.statSync(to);
    installed.push({ file, path: to, size: st.size, sha256, mtimeMs: Math.floor(st.mtimeMs) });
  }
  return installed;
}
