import { createHash } from 'node:crypto';
import type { Plan } from '../plan/plan-types';
import type { LayerSplit } from '../render/layered';
import { stableJson } from '../render/layered';
import { fromWorkingDirectory } from '../util/posix-path';

/**
 * How a run of several recipes uses layers: `auto` builds a layer when two or more of its
 * distinct images share it, `always` builds every native image it can from a layer (a CI
 * job that builds one leaf), `only` builds those layers and no image (a CI job that builds
 * a layer for the jobs after it), `never` builds every image alone.
 */
export type LayerMode = 'auto' | 'always' | 'only' | 'never';
export const LAYER_MODES: readonly LayerMode[] = ['auto', 'always', 'only', 'never'];

export interface MatrixEntry {
  readonly plan: Plan;
  readonly split: LayerSplit;
}

export interface MatrixImage {
  /** Position among the recipes of the run. */
  readonly index: number;
  readonly name: string;
  readonly recipe: string;
  /** Hash of what decides the image's bytes, its name and recipe aside. */
  readonly identity: string;
  /** Index of an earlier image with the same identity: this one is a copy of it, not a build. */
  readonly sameAs?: number;
  /** Key of the layer it is built from. */
  readonly layer?: string;
  /** Why it is built alone, when it is built at all. */
  readonly alone?: string;
}

export interface MatrixLayer {
  readonly key: string;
  readonly name: string;
  readonly plan: Plan;
  /** Indexes of the images built from it. */
  readonly images: readonly number[];
}

export interface MatrixDesign {
  readonly images: readonly MatrixImage[];
  readonly layers: readonly MatrixLayer[];
}

/**
 * Plans a run of several recipes: which images are the same (built once, then copied),
 * which share a layer, which are built alone. Pure; the runner executes it.
 */
export function planMatrix(entries: readonly MatrixEntry[], mode: LayerMode): MatrixDesign {
  const firstOf = new Map<string, number>();
  const images: MatrixImage[] = entries.map((e, index) => {
    const identity = imageIdentity(e.plan);
    const sameAs = firstOf.get(identity);
    if (sameAs === undefined) firstOf.set(identity, index);
    return { index, name: e.plan.image.name, recipe: e.plan.recipe.path, identity, ...(sameAs !== undefined ? { sameAs } : {}) };
  });

  const groups = new Map<string, number[]>();
  for (const img of images) {
    const split = entries[img.index]?.split;
    if (img.sameAs !== undefined || !split?.layered) continue;
    const key = split.leaf.layer?.key ?? '';
    groups.set(key, [...(groups.get(key) ?? []), img.index]);
  }

  const layers: MatrixLayer[] = [];
  const layerOf = new Map<number, string>();
  for (const [key, members] of groups) {
    const use = mode === 'always' || mode === 'only' || (mode === 'auto' && members.length >= 2);
    const first = entries[members[0] ?? -1]?.split;
    if (!use || !first?.layered) continue;
    layers.push({ key, name: first.layer.image.name, plan: first.layer, images: members });
    for (const m of members) layerOf.set(m, key);
  }

  return {
    images: images.map((img) => {
      if (img.sameAs !== undefined) return img;
      const key = layerOf.get(img.index);
      if (key) return { ...img, layer: key };
      return { ...img, alone: aloneReason(entries[img.index]?.split, mode) };
    }),
    layers,
  };
}

function aloneReason(split: LayerSplit | undefined, mode: LayerMode): string {
  if (!split) return '';
  if (!split.layered) return split.reason;
  if (mode === 'never') return 'layers are off (--layers never)';
  return 'no other image of this run shares its layer';
}

/**
 * What decides an image's bytes: DIB's arguments, elements and environment, the element
 * tree, base image and inputs. The image's name shows only in the rendered README and in
 * TIB_IMAGE_NAME, which no element writes into the image, and in comments.
 */
export function imageIdentity(plan: Plan): string {
  const tree = plan.elementTree
    .filter((f) => f.path !== 'tib-recipe/README.rst')
    .map((f) =>
      f.path === 'tib-recipe/environment.d/10-tib-recipe.bash'
        ? {
            ...f,
            content: f.content
              .split('\n')
              .filter((l) => !l.startsWith('#') && !l.startsWith('export TIB_IMAGE_NAME='))
              .join('\n'),
          }
        : f,
    );
  const identity = {
    tib: plan.tibVersion,
    args: plan.dib.args,
    elements: plan.dib.elements.map((e) => [e.name, e.origin]),
    environment: plan.dib.environment,
    tree,
    baseImage: plan.baseImage,
    inputs: plan.inputs.map((i) => ({ ...i, path: fromWorkingDirectory(plan.recipe.path, i.path) })),
    output: { formats: plan.image.formats, sizeGb: plan.image.sizeGb ?? null, checksums: plan.image.checksums },
    target: plan.target,
  };
  return createHash('sha256').update(stableJson(identity)).digest('hex');
}
