import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { Diagnostic, LayerSplit, MatrixDesign, Plan } from '@tib/core';
import type { BuildHost } from '../host';
import { readManifest, manifestPath } from '../manifest';
import type { Manifest } from '../manifest';
import { cacheDir, runPaths } from '../run-paths';
import { runBuild, upToDate } from '../run-build';
import type { LayerUse, RunOptions, RunOutcome } from '../run-build';
import { MatrixBoard } from './board';
import { copySameImage } from './same-image';

export interface MatrixRecipe {
  readonly plan: Plan;
  readonly recipeValue: unknown;
  readonly split: LayerSplit;
  readonly baseSplit?: LayerSplit;
}

/** What every build of the run shares with a single `tib run`, plus the matrix's own. */
export interface MatrixRunOptions extends Pick<
  RunOptions,
  'host' | 'cwd' | 'tibVersion' | 'out' | 'force' | 'offline' | 'dryRun' | 'keepWorkdir' | 'stderr' | 'stdout' | 'tty'
> {
  readonly recipes: readonly MatrixRecipe[];
  readonly design: MatrixDesign;
  /** Builds at once (default 1: DIB is CPU- and I/O-bound). */
  readonly jobs: number;
  /** Build the layers and no image (--layers only: a CI job whose layer later jobs use). */
  readonly layersOnly?: boolean;
}

export type ImageResult =
  | RunOutcome
  | { readonly kind: 'copied'; readonly manifest: Manifest; readonly manifestFile: string; readonly linked: boolean }
  | { readonly kind: 'skipped'; readonly reason: string; readonly diagnostics: Diagnostic[] };

export interface MatrixOutcome {
  readonly layers: readonly {
    readonly name: string;
    readonly key: string;
    readonly result: RunOutcome | { kind: 'unused' };
    readonly seconds: number;
  }[];
  readonly images: readonly { readonly name: string; readonly recipe: string; readonly result: ImageResult; readonly seconds: number }[];
  readonly seconds: number;
}

/** Where a layer is kept between runs: the cache, by the key of its plan. */
export function layerDir(env: NodeJS.ProcessEnv, key: string): string {
  return path.join(cacheDir(env), 'layers', key);
}

/**
 * `tib run` of several recipes, as core planned it (planMatrix): each layer that an image
 * still to build needs is built (or found up to date in the cache), each distinct image
 * built once — from its layer or alone — and images with the same bytes copied from it.
 * Every build goes through runBuild: pre-flight, lock, log, manifest, safe output.
 */
export async function runMatrix(o: MatrixRunOptions): Promise<MatrixOutcome> {
  const started = Date.now();
  // A dry run prints each build's plan on stdout; progress would only interleave with it.
  const board = new MatrixBoard(o.dryRun ? nowhere() : o.stderr, o.tty && !o.dryRun, Math.max(1, o.jobs));
  const { design, recipes } = o;
  const imageBuilds = o.layersOnly ? [] : design.images.filter((i) => i.sameAs === undefined);

  // What is left to do: images (and copies) that are not up to date, and the layers they need.
  const current = new Map<number, RunOutcome>();
  if (!o.force && !o.dryRun) {
    for (const img of design.images) {
      const r = recipes[img.index];
      const done = r ? await upToDate({ plan: r.plan, host: o.host, cwd: o.cwd, out: o.out, tibVersion: o.tibVersion }) : undefined;
      if (done) current.set(img.index, done);
    }
  }
  const neededLayers = o.layersOnly
    ? design.layers
    : design.layers.filter((l) => l.images.some((i) => !current.has(i) || hasStaleCopy(design, i, current)));

  for (const l of design.layers)
    board.add({
      name: l.name,
      kind: 'layer',
      estimate: readManifest(manifestPath(layerDir(o.host.env, l.key), l.name))?.timings.totalSeconds,
    });
  for (const img of o.layersOnly ? [] : design.images)
    board.add({
      name: img.name,
      kind: img.sameAs === undefined ? 'image' : 'copy',
      estimate: estimateFor(o, img.index, img.layer !== undefined),
    });
  for (const l of design.layers) if (!neededLayers.includes(l)) board.set(l.name, 'skipped', 'every image of it is up to date');

  const layerResults = new Map<string, { result: RunOutcome; seconds: number }>();
  const imageResults = new Map<number, { result: ImageResult; seconds: number }>();
  let stopped: string | undefined;
  const run = async (name: string, build: () => Promise<RunOutcome>): Promise<{ result: RunOutcome; seconds: number }> => {
    const t0 = Date.now();
    board.set(name, 'building');
    const result = await build();
    if (result.kind === 'refused' && result.reason === 'interrupted') stopped = 'the run was interrupted';
    board.set(name, stateOf(result), result.kind === 'refused' ? result.reason : undefined);
    return { result, seconds: (Date.now() - t0) / 1000 };
  };
  const common = (slot: number) => ({
    host: hostForSlot(o.host, slot),
    cwd: o.cwd,
    tibVersion: o.tibVersion,
    offline: o.offline,
    dryRun: o.dryRun,
    keepWorkdir: o.keepWorkdir,
    stderr: o.stderr,
    stdout: o.stdout,
    tty: o.tty,
  });
  const skip = (index: number | undefined, name: string, reason: string) => {
    board.set(name, 'skipped', reason);
    if (index !== undefined) imageResults.set(index, { result: { kind: 'skipped', reason, diagnostics: [] }, seconds: 0 });
  };

  const buildLayer = async (key: string, slot: number) => {
    const layer = design.layers.find((l) => l.key === key);
    if (!layer) throw new Error(`no layer ${key}`);
    if (stopped) return skip(undefined, layer.name, stopped);
    const out = layerDir(o.host.env, key);
    // A layer in the cache is used when it is up to date, and replaced when it is not (its
    // agent tree or DIB changed): a cache needs no --force.
    const current = o.dryRun ? undefined : await upToDate({ plan: layer.plan, host: o.host, cwd: o.cwd, out, tibVersion: o.tibVersion });
    const r = await run(
      layer.name,
      async () =>
        current ??
        runBuild({ ...common(slot), plan: layer.plan, recipeValue: null, out, force: true, reporter: board.reporterFor(layer.name) }),
    );
    layerResults.set(key, r);
  };

  const buildImage = async (index: number, slot: number) => {
    const img = design.images[index];
    const recipe = recipes[index];
    if (!img || !recipe) return;
    if (stopped) return skip(index, img.name, stopped);
    const done = current.get(index);
    if (done) {
      board.set(img.name, 'up to date');
      imageResults.set(index, { result: done, seconds: 0 });
      return;
    }
    let fromLayer: LayerUse | undefined;
    if (img.layer && img.leaf) {
      const layer = layerResults.get(img.layer)?.result;
      if (!layer || (layer.kind !== 'built' && layer.kind !== 'up-to-date')) {
        if (layer?.kind !== 'dry-run') return skip(index, img.name, 'its layer was not built');
      }
      const image = layer && 'manifest' in layer ? layer.manifest.outputs[0]?.path : `<${img.layer}>`;
      fromLayer = { leaf: img.leaf, image: image ?? '', ...(layer && 'manifest' in layer ? { manifest: layer.manifest } : {}) };
    }
    const r = await run(img.name, () =>
      runBuild({
        ...common(slot),
        plan: recipe.plan,
        recipeValue: recipe.recipeValue,
        ...(o.out ? { out: o.out } : {}),
        force: o.force,
        reporter: board.reporterFor(img.name),
        ...(fromLayer ? { fromLayer } : {}),
      }),
    );
    imageResults.set(index, r);
  };

  const copyImage = async (index: number) => {
    const img = design.images[index];
    const recipe = recipes[index];
    if (!img || !recipe || img.sameAs === undefined) return;
    const done = current.get(index);
    if (done) {
      board.set(img.name, 'up to date');
      imageResults.set(index, { result: done, seconds: 0 });
      return;
    }
    const original = imageResults.get(img.sameAs)?.result;
    if (!original || (original.kind !== 'built' && original.kind !== 'up-to-date')) {
      const reason = original?.kind === 'dry-run' ? 'a copy of its twin (dry run)' : 'the image it copies was not built';
      board.set(img.name, original?.kind === 'dry-run' ? 'waiting' : 'skipped', reason);
      imageResults.set(index, {
        result: original?.kind === 'dry-run' ? original : { kind: 'skipped', reason, diagnostics: [] },
        seconds: 0,
      });
      if (original?.kind === 'dry-run')
        o.stdout.write(`# ${img.name}: not built, a copy of ${design.images[img.sameAs]?.name} (same plan, its name aside)\n\n`);
      return;
    }
    const t0 = Date.now();
    const paths = runPaths(recipe.plan, o.cwd, o.host.env, o.out);
    const copied = await copySameImage({
      plan: recipe.plan,
      recipeValue: recipe.recipeValue,
      paths,
      original: original.manifest,
      originalFile: original.manifestFile,
      force: o.force,
      tibVersion: o.tibVersion,
      host: o.host,
    });
    board.set(
      img.name,
      copied.kind === 'copied' ? 'copied' : 'failed',
      copied.kind === 'copied' ? (copied.linked ? 'hard link' : 'copy') : copied.reason,
    );
    imageResults.set(index, { result: copied, seconds: (Date.now() - t0) / 1000 });
  };

  // The jobs in order, each waiting for what it needs: layers, then the images on them,
  // then the copies. At most `jobs` builds at once.
  type Job = { readonly run: (slot: number) => Promise<void>; readonly after: readonly Promise<void>[] };
  const layerDone = new Map<string, Promise<void>>();
  const imageDone = new Map<number, Promise<void>>();
  const slots = new Slots(Math.max(1, o.jobs));
  const start = (job: Job) => Promise.all(job.after).then(() => slots.with(job.run));
  for (const l of neededLayers) layerDone.set(l.key, start({ run: (slot) => buildLayer(l.key, slot), after: [] }));
  for (const img of imageBuilds)
    imageDone.set(
      img.index,
      start({
        run: (slot) => buildImage(img.index, slot),
        after: img.layer && layerDone.has(img.layer) ? [layerDone.get(img.layer) as Promise<void>] : [],
      }),
    );
  const copies = design.images
    .filter((i) => i.sameAs !== undefined && !o.layersOnly)
    .map((i) => Promise.all([imageDone.get(i.sameAs as number)]).then(() => copyImage(i.index)));
  await Promise.all([...layerDone.values(), ...imageDone.values(), ...copies]);
  board.finish();

  return {
    layers: design.layers.map((l) => ({
      name: l.name,
      key: l.key,
      ...(layerResults.get(l.key) ?? { result: { kind: 'unused' as const }, seconds: 0 }),
    })),
    images: (o.layersOnly ? [] : design.images).map((i) => ({
      name: i.name,
      recipe: i.recipe,
      ...(imageResults.get(i.index) ?? { result: { kind: 'skipped' as const, reason: 'not reached', diagnostics: [] }, seconds: 0 }),
    })),
    seconds: (Date.now() - started) / 1000,
  };
}

function nowhere(): NodeJS.WritableStream {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}

function stateOf(r: RunOutcome): 'done' | 'up to date' | 'failed' | 'waiting' {
  if (r.kind === 'built') return 'done';
  if (r.kind === 'up-to-date') return 'up to date';
  if (r.kind === 'dry-run') return 'waiting';
  return 'failed';
}

function hasStaleCopy(design: MatrixDesign, index: number, current: ReadonlyMap<number, RunOutcome>): boolean {
  return design.images.some((i) => i.sameAs === index && !current.has(i.index));
}

/** The last build of the same kind (from a layer or alone) of this image, from its manifest. */
function estimateFor(o: MatrixRunOptions, index: number, layered: boolean): number | undefined {
  const plan = o.recipes[index]?.plan;
  if (!plan) return undefined;
  const m = readManifest(manifestPath(runPaths(plan, o.cwd, o.host.env, o.out).outputDir, plan.image.name));
  if (!m || m.sameAs || (m.layer !== undefined) !== layered) return undefined;
  return m.timings.totalSeconds;
}

/** At most n jobs at once; each runs in a numbered slot. */
class Slots {
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];
  constructor(n: number) {
    this.free = Array.from({ length: n }, (_, i) => i);
  }
  async with<T>(f: (slot: number) => Promise<T>): Promise<T> {
    const slot = this.free.shift() ?? (await new Promise<number>((resolve) => this.waiting.push(resolve)));
    try {
      return await f(slot);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }
}

/**
 * DIB binds one apt archive cache ($DIB_IMAGE_CACHE/apt) into every build's chroot, and
 * two apt-gets cannot hold its lock at once: builds beside the first do without it.
 */
function hostForSlot(host: BuildHost, slot: number): BuildHost {
  return slot === 0 ? host : { ...host, env: { ...host.env, DIB_APT_LOCAL_CACHE: '0' } };
}
