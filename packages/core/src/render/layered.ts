import { createHash } from 'node:crypto';
import type { LayerDepth, LayerSplitDesign } from '../plan/layer-split';
import type { Plan, PlanDesign } from '../plan/plan-types';
import { renderElementTree } from './element-tree';
import type { Renderer } from './renderer';

/** A native image as two builds: the shared layer, and the leaf that starts from it. */
export type LayerSplit =
  | { readonly layered: true; readonly depth: LayerDepth; readonly layer: Plan; readonly leaf: Plan }
  | { readonly layered: false; readonly reason: string };

/**
 * The layer's key: a hash of everything in its plan — elements and their files, DIB's
 * arguments and environment, base image, inputs (by path and declared checksum), tib's
 * version. Nothing of a recipe's own goes into a layer plan, so recipes whose guest part
 * is the same get the same key; where the build runs, the inputs' contents and DIB's
 * version are added to it (the layer's fingerprint).
 */
export function layerKey(layer: Plan): string {
  const { recipe: _recipe, image: _image, ...rest } = layer;
  return createHash('sha256').update(stableJson(rest)).digest('hex');
}

export function layerName(key: string): string {
  return `tib-layer-${key.slice(0, 16)}`;
}

export function renderLayerSplit(split: LayerSplitDesign, renderer: Renderer): LayerSplit {
  if (!split.layered) return split;
  const layerPlan = renderDesign(split.layer, renderer);
  const key = layerKey(layerPlan);
  const name = layerName(key);
  const layer: Plan = {
    ...layerPlan,
    recipe: { ...layerPlan.recipe, name, sha256: key },
    image: { ...layerPlan.image, name, files: [`${name}.raw`] },
  };
  const leafPlan = renderDesign(split.leaf, renderer);
  const leaf: Plan = {
    ...leafPlan,
    dib: { ...leafPlan.dib, environment: [...leafPlan.dib.environment, { kind: 'value', name: 'TIB_LAYER_NAME', value: name }] },
    layer: { name, key, covers: split.covers, dibElements: split.dibElements },
  };
  return { layered: true, depth: split.depth, layer, leaf };
}

function renderDesign(design: PlanDesign, renderer: Renderer): Plan {
  const { elementSources, ...rest } = design;
  return { ...rest, elementTree: renderElementTree(elementSources, renderer) };
}

/** JSON with object keys sorted at every level, so equal values hash equally. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
