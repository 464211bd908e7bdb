import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '@tib/core';
import type { BuildHost } from '../host';
import type { Manifest } from '../manifest';
import { fingerprint, manifestPath, writeManifest } from '../manifest';
import type { OutputFile } from '../output';
import type { RunPaths } from '../run-paths';
import { checkInputs } from '../inputs';

export interface SameImageInput {
  readonly plan: Plan;
  readonly recipeValue: unknown;
  readonly paths: RunPaths;
  /** The manifest of the image built from the same plan, its name aside. */
  readonly original: Manifest;
  readonly originalFile: string;
  readonly force: boolean;
  readonly tibVersion: string;
  readonly host: BuildHost;
}

export type SameImageResult =
  | { readonly kind: 'copied'; readonly manifest: Manifest; readonly manifestFile: string; readonly linked: boolean }
  | { readonly kind: 'skipped'; readonly reason: string; readonly diagnostics: [] };

/**
 * An image whose plan is another's of the same run, its name aside: its outputs are that
 * image's, hard-linked (a copy across file systems) under its own names, with their own
 * .sha256 and a manifest of its own that says where it came from. Each file is placed by
 * a rename, so a reader sees the old image or the new one.
 */
export async function copySameImage(o: SameImageInput): Promise<SameImageResult> {
  const { plan, paths, original } = o;
  const targets = plan.image.files.map((f) => path.join(paths.outputDir, f));
  if (!o.force && targets.some((t) => fs.existsSync(t)))
    return {
      kind: 'skipped',
      reason: `${targets.filter((t) => fs.existsSync(t)).join(', ')} exists; pass --force to replace it`,
      diagnostics: [],
    };
  fs.mkdirSync(paths.outputDir, { recursive: true });
  let linked = true;
  const outputs: OutputFile[] = [];
  for (const [i, file] of plan.image.files.entries()) {
    const from = original.outputs[i];
    if (!from) return { kind: 'skipped', reason: `${original.recipe.path} wrote no ${file}`, diagnostics: [] };
    const to = path.join(paths.outputDir, file);
    const tmp = path.join(paths.outputDir, `.${file}.tib-${process.pid}.tmp`);
    fs.rmSync(tmp, { force: true });
    try {
      fs.linkSync(from.path, tmp);
    } catch {
      linked = false;
      fs.copyFileSync(from.path, tmp, fs.constants.COPYFILE_FICLONE);
    }
    if (plan.image.checksums) fs.writeFileSync(`${to}.sha256`, `${from.sha256}  ${file}\n`);
    fs.renameSync(tmp, to);
    const st = fs.statSync(to);
    outputs.push({ file, path: to, size: st.size, sha256: from.sha256, mtimeMs: Math.floor(st.mtimeMs) });
  }
  const inputs = await checkInputs(plan, paths, undefined);
  const manifestFile = manifestPath(paths.outputDir, plan.image.name);
  const manifest: Manifest = {
    ...original,
    recipe: { path: plan.recipe.path, sha256: plan.recipe.sha256, files: plan.recipe.files, resolved: o.recipeValue },
    fingerprint: fingerprint({
      tibVersion: o.tibVersion,
      plan,
      dibVersion: original.dib.version,
      ...(original.baseImage ? { base: { sha256: original.baseImage.sha256, file: '', fileName: '', source: 'local' } } : {}),
      inputs: inputs.records,
    }),
    inputs: inputs.records,
    outputs,
    controller: plan.controller,
    sameAs: { image: original.outputs[0]?.path ?? '', recipe: original.recipe.path, manifest: o.originalFile },
  };
  writeManifest(manifestFile, manifest);
  return { kind: 'copied', manifest, manifestFile, linked };
}
