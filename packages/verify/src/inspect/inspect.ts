/**
 * The offline half of verify: open the image read-only (loop mount or libguestfs, the
 * other as fallback), gather what the checks read, run the checks, close everything.
 */
import * as fs from 'node:fs';
import type { Plan } from '@tib/core';
import type { InspectData, SecretScan, Unavailable } from '../checks/context';
import { accountsOf } from '../checks/context';
import { offlineChecks } from '../checks';
import { haveTool, MissingToolError } from '../exec';
import type { ImageFs } from '../image/image-fs';
import { CanaryScanner } from '../image/scanner';
import { Scope } from '../scope';
import type { CheckResult, Inspector } from '../types';
import { chooseInspectors } from './choose';
import { keyFingerprints, packageDb, scanMountedFiles, scanRawDisk } from './facts';
import { guestfsEnv, openWithGuestfish } from './guestfish';
import { contentWanted } from './keep';
import { imageInfo, openWithLoop } from './loop';

export interface InspectOptions {
  readonly image: string;
  readonly plan: Plan;
  readonly secretValues: readonly string[];
  readonly work: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  readonly inspector?: Inspector;
  readonly kvmUsable: boolean;
}

export interface InspectOutcome {
  readonly checks: CheckResult[];
  readonly inspector: Inspector;
}

export async function inspectImage(o: InspectOptions): Promise<InspectOutcome> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const host = {
    isRoot,
    kvmUsable: o.kvmUsable,
    haveGuestfish: await haveTool('guestfish', o.env),
    haveLoopTools: (await haveTool('losetup', o.env)) && (await haveTool('partx', o.env)) && (await haveTool('qemu-img', o.env)),
  };
  const { order, why } = chooseInspectors(o.inspector, host);
  if (order.length === 0)
    throw new MissingToolError(
      'cannot open the image: install libguestfs-tools, or run as root for a read-only loop mount (losetup, partx, qemu-img)',
    );
  o.log(`inspecting with ${order.join(', then ')} (${why})`);
  const failures: string[] = [];
  for (const inspector of order) {
    const scope = new Scope();
    try {
      const data = inspector === 'loop' ? await viaLoop(o, scope) : await viaGuestfish(o);
      return { checks: offlineChecks(o.plan.expectations, data), inspector };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures.push(`${inspector}: ${message}`);
      o.log(`inspection with ${inspector} failed: ${message}`);
    } finally {
      const problems = await scope.close();
      for (const p of problems) o.log(`cleanup: ${p}`);
    }
  }
  throw new InspectError(`could not open the image read-only (${failures.join('; ')})`);
}

export class InspectError extends Error {}

async function viaLoop(o: InspectOptions, scope: Scope): Promise<InspectData> {
  const img = await openWithLoop(o.image, o.work, scope, o.env, o.log);
  o.log(`mounted ${img.partition} read-only`);
  const scanner = new CanaryScanner(o.secretValues);
  let secrets: SecretScan = { canaries: 0, files: [], disk: { bytes: 0, hits: [] } };
  if (scanner.active) {
    o.log(`scanning every file and the raw disk for ${scanner.patterns.length} secret value(s)`);
    const files = await scanMountedFiles(img.mountPoint, scanner, o.env);
    const disk = await scanRawDisk(img.raw, scanner);
    secrets = { canaries: scanner.patterns.length, files, disk };
  }
  return gather(img.fs, o, secrets);
}

async function viaGuestfish(o: InspectOptions): Promise<InspectData> {
  const { format } = await imageInfo(o.image, o.env).catch(() => ({ format: 'qcow2' }));
  const scanner = new CanaryScanner(o.secretValues);
  const index = await openWithGuestfish(
    o.image,
    format,
    o.work,
    guestfsEnv(o.env, o.kvmUsable),
    contentWanted(o.plan.expectations),
    scanner,
    o.log,
  );
  o.log(`read ${index.size} entries through libguestfs`);
  const noDisk: Unavailable = { unavailable: 'libguestfs reads files, not raw blocks (the loop inspector scans the raw disk)' };
  const secrets: SecretScan = { canaries: scanner.patterns.length, files: index.fileHits, disk: noDisk };
  return gather(index, o, secrets);
}

async function gather(image: ImageFs, o: InspectOptions, secrets: SecretScan): Promise<InspectData> {
  const work = `${o.work}/facts`;
  fs.mkdirSync(work, { recursive: true });
  return {
    fs: image,
    accounts: accountsOf(image),
    packages: await packageDb(image, o.plan.target.family, work, o.env),
    keyFingerprints: await keyFingerprints(image, o.plan.expectations, work, o.env),
    secrets,
    secretValues: o.secretValues,
  };
}
