import { createHash } from 'node:crypto';
import type { Plan } from '../plan/plan-types';
import type { LayerSplit } from '../render/layered';
import type { LayerDepth } from '../plan/layer-split';
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
  /** The image as a layer of its guest part (base OS, guest base, agent) and a leaf. */
  readonly split: LayerSplit;
  /** The same with a layer of the base OS and guest base only (the agent in the leaf). */
  readonly baseSplit?: LayerSplit;
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
  /** Key of the layer it is built from, and the plan DIB runs on top of it. */
  readonly layer?: string;
  readonly leaf?: Plan;
  /** Why it is built alone, when it is built at all. */
  readonly alone?: string;
}

export interface MatrixLayer {
  readonly key: string;
  readonly name: string;
  /** guest (base OS, guest base, agent) or base (without the agent). */
  readonly depth: LayerDepth;
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
export function planMatrix(entries: readonly MatrixEntry[], mode: LayerMode, depth?: LayerDepth): MatrixDesign {
  const firstOf = new Map<string, number>();
  const images: MatrixImage[] = entries.map((e, index) => {
    const identity = imageIdentity(e.plan);
    const sameAs = firstOf.get(identity);
    if (sameAs === undefined) firstOf.set(identity, index);
    return { index, name: e.plan.image.name, recipe: e.plan.recipe.path, identity, ...(sameAs !== undefined ? { sameAs } : {}) };
  });

  // Images that share their base OS and guest base; within such a group, those that share
  // their agent too. A group whose images all have one agent gets a layer of the whole
  // guest part; one with several agents gets one layer of the base, and each leaf installs
  // its agent (seconds) rather than each agent getting a layer of its own (minutes).
  const keyOf = (split: LayerSplit | undefined) => (split?.layered ? (split.leaf.layer?.key ?? '') : undefined);
  const bases = new Map<string, number[]>();
  for (const img of images) {
    const e = entries[img.index];
    const key = keyOf(e?.baseSplit) ?? keyOf(e?.split);
    if (img.sameAs !== undefined || key === undefined) continue;
    bases.set(key, [...(bases.get(key) ?? []), img.index]);
  }

  const layers: MatrixLayer[] = [];
  const chosen = new Map<number, { key: string; leaf: Plan }>();
  const use = (members: readonly number[]) => mode === 'always' || mode === 'only' || (mode === 'auto' && members.length >= 2);
  const adopt = (members: readonly number[], pick: (e: MatrixEntry) => LayerSplit | undefined) => {
    const first = pick(entries[members[0] ?? -1] as MatrixEntry);
    if (!use(members) || !first?.layered) return;
    const key = keyOf(first) ?? '';
    layers.push({ key, name: first.layer.image.name, depth: first.depth, plan: first.layer, images: members });
    for (const m of members) {
      const split = pick(entries[m] as MatrixEntry);
      if (split?.layered) chosen.set(m, { key, leaf: split.leaf });
    }
  };
  for (const members of bases.values()) {
    // A depth given (--layer-depth, what CI jobs pass) holds for every group.
    if (depth === 'base' && members.every((m) => entries[m]?.baseSplit?.layered)) {
      adopt(members, (e) => e.baseSplit);
      continue;
    }
    const guests = new Map<string, number[]>();
    for (const m of members) {
      const key = keyOf(entries[m]?.split) ?? '';
      guests.set(key, [...(guests.get(key) ?? []), m]);
    }
    if (depth !== 'guest' && guests.size > 1 && members.every((m) => entries[m]?.baseSplit?.layered)) adopt(members, (e) => e.baseSplit);
    else for (const group of guests.values()) adopt(group, (e) => e.split);
  }

  return {
    images: images.map((img) => {
      if (img.sameAs !== undefined) return img;
      const c = chosen.get(img.index);
      if (c) return { ...img, layer: c.key, leaf: c.leaf };
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
