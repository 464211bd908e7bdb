import type { MatrixDesign, MatrixEntry } from './plan-matrix';

/**
 * The jobs of a matrix as a CI engine runs them, before any engine's syntax: one job per
 * shared layer, one per distinct image (with the recipes whose images are copies of it),
 * each with what it needs, the cache it restores and saves, the tib command it runs and
 * the files it keeps. emit-github.ts, emit-gitlab.ts and emit-zuul.ts spell them out.
 */
export interface CiJob {
  /** A job id every engine accepts: lowercase letters, digits and dashes. */
  readonly id: string;
  readonly kind: 'layer' | 'image';
  readonly title: string;
  /** Ids of the jobs it waits for (an image waits for its layer). */
  readonly needs: readonly string[];
  readonly recipes: readonly string[];
  /** `tib run`'s arguments after the recipes. */
  readonly args: readonly string[];
  /** The layer this job builds (layer jobs) or restores (images built from one). */
  readonly layer?: { readonly key: string; readonly name: string; readonly cacheKey: string; readonly dir: string };
  /** Files to keep: each image, its .sha256 and its manifest (relative to the workspace). */
  readonly artifacts: readonly string[];
}

export interface CiOptions {
  /** Where images are written in the job's workspace. */
  readonly out: string;
  /** tib's cache in the job's workspace (layers under <cache>/layers/<key>). */
  readonly cache: string;
}

export const CI_DEFAULTS: CiOptions = { out: 'images', cache: '.tib-cache' };

export function ciJobs(design: MatrixDesign, entries: readonly MatrixEntry[], o: CiOptions = CI_DEFAULTS): CiJob[] {
  const jobs: CiJob[] = [];
  const layerJob = new Map<string, string>();
  for (const l of design.layers) {
    const id = `layer-${l.key.slice(0, 16)}`;
    layerJob.set(l.key, id);
    const recipes = l.images.map((i) => design.images[i]?.recipe ?? '');
    jobs.push({
      id,
      kind: 'layer',
      title: `tib layer ${l.name} (${recipes.length} images)`,
      needs: [],
      // Every recipe of the layer designs the same layer plan; one is enough with its depth.
      recipes: recipes.slice(0, 1),
      args: ['--layers', 'only', '--layer-depth', l.depth],
      layer: layerOf(l.key, l.name, o),
      artifacts: [],
    });
  }
  for (const img of design.images) {
    if (img.sameAs !== undefined) continue;
    const copies = design.images.filter((c) => c.sameAs === img.index);
    const all = [img, ...copies];
    const layer = img.layer ? design.layers.find((l) => l.key === img.layer) : undefined;
    jobs.push({
      id: `image-${slug(img.name)}`,
      kind: 'image',
      title: `tib image ${img.name}${copies.length > 0 ? ` (+ ${copies.map((c) => c.name).join(', ')})` : ''}`,
      needs: layer ? [layerJob.get(layer.key) ?? ''] : [],
      recipes: all.map((i) => i.recipe),
      args: layer ? ['--layers', 'always', '--layer-depth', layer.depth, '--out', o.out] : ['--layers', 'never', '--out', o.out],
      ...(layer ? { layer: layerOf(layer.key, layer.name, o) } : {}),
      artifacts: all.flatMap((i) => {
        const plan = entries[i.index]?.plan;
        if (!plan) return [];
        return [
          ...plan.image.files.flatMap((f) => [`${o.out}/${f}`, ...(plan.image.checksums ? [`${o.out}/${f}.sha256`] : [])]),
          `${o.out}/${plan.image.name}.manifest.json`,
        ];
      }),
    });
  }
  return jobs;
}

function layerOf(key: string, name: string, o: CiOptions): NonNullable<CiJob['layer']> {
  return { key, name, cacheKey: `tib-layer-${key}`, dir: `${o.cache}/layers/${key}` };
}

/** Lowercase letters, digits and single dashes. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
