import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { ControllerContract, Plan } from '@tib/core';
import type { BaseImage } from './base-image';
import type { OutputFile } from './output';

export const MANIFEST_VERSION = 1;

/** `<name>.manifest.json`: what was built, from what, how, and how long it took. Schema: schemas/manifest.schema.json. */
export interface Manifest {
  readonly manifestVersion: typeof MANIFEST_VERSION;
  readonly tib: { readonly version: string };
  readonly recipe: {
    readonly path: string;
    readonly sha256: string;
    readonly files: readonly { readonly path: string; readonly sha256: string }[];
    /** The merged recipe; secret fields hold only their references. */
    readonly resolved: unknown;
  };
  readonly fingerprint: string;
  readonly dib: {
    readonly version: string;
    /** The disk-image-create that ran, so an unchanged install is recognised without running it. */
    readonly binary?: { readonly path: string; readonly size: number; readonly mtimeMs: number };
    readonly elementsDir?: string;
    readonly argv: readonly string[];
    /** Secrets appear as a note of where they came from, never as values. */
    readonly environment: readonly { readonly name: string; readonly value: string }[];
  };
  readonly host: { readonly os: string; readonly kernel: string; readonly arch: string; readonly cpus: number; readonly memoryGiB: number };
  readonly elements: readonly { readonly name: string; readonly origin: string; readonly path?: string }[];
  readonly baseImage?: { readonly source: string; readonly url?: string; readonly file: string; readonly sha256: string };
  /** Built from a shared layer (tib run of several recipes): which, and what it covered. */
  readonly layer?: {
    readonly name: string;
    readonly key: string;
    readonly fingerprint: string;
    readonly covers: readonly string[];
    readonly builtAt: string;
    readonly seconds: number;
  };
  /** Not built: a copy of an image of the same run that the same plan produced, its name aside. */
  readonly sameAs?: { readonly image: string; readonly recipe: string; readonly manifest: string };
  readonly inputs: readonly InputRecord[];
  readonly outputs: readonly OutputFile[];
  readonly timings: { readonly totalSeconds: number; readonly phases: Readonly<Record<string, number>> };
  readonly status: { readonly exitCode: 0; readonly result: 'success' };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly controller: ControllerContract;
}

export interface InputRecord {
  readonly id: string;
  readonly role: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export function manifestPath(outputDir: string, name: string): string {
  return path.join(outputDir, `${name}.manifest.json`);
}

export function readManifest(file: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return m.manifestVersion === MANIFEST_VERSION ? m : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, manifest: Manifest): void {
  const tmp = `${file}.tib-${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export function hostFacts(): Manifest['host'] {
  let pretty = `${os.type()} ${os.release()}`;
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m?.[1]) pretty = m[1];
  } catch {
    // keep the kernel's name
  }
  return {
    os: pretty,
    kernel: os.release(),
    arch: os.arch(),
    cpus: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  };
}

/**
 * Everything that decides what a build produces: tib's version, the whole plan (recipe
 * hash, element files, environment), DIB's version, the base image and every input
 * file. Equal fingerprints and untouched outputs mean there is nothing to rebuild.
 */
export function fingerprint(parts: {
  tibVersion: string;
  plan: Plan;
  dibVersion: string;
  base?: BaseImage;
  inputs: readonly InputRecord[];
}): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      tib: parts.tibVersion,
      plan: createHash('sha256').update(JSON.stringify(parts.plan)).digest('hex'),
      dib: parts.dibVersion,
      base: parts.base?.sha256 ?? null,
      inputs: parts.inputs.map((i) => [i.id, i.sha256]),
    }),
  );
  return h.digest('hex');
}
