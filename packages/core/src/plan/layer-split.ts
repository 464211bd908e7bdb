import type { SourceHost } from '../host';
import { DIB_LAYERABLE_OS_ELEMENTS, DIB_LEAF_VARIABLES } from '../dib/vocabulary';
import type { ResolvedRecipe } from '../resolve/resolved';
import { staticElementFiles } from './element-tree';
import type { Fragment } from './fragments';
import { renderedElementSources } from './fragments';
import type { ControllerContract, ElementSource, EnvEntry, PlanDesign, PlanElement, PlanInput, Requirement } from './plan-types';
import { recipeVariables } from './recipe-variables';
import { dibUnset } from './dib-environment';
import { RECIPE_ELEMENT } from './select-elements';
import { fromWorkingDirectory } from '../util/posix-path';
import { AGENT_SOURCES } from '../catalog/agent-sources';

/** The element that starts a leaf from its layer instead of the OS element (elements/tib-layer-root). */
export const LAYER_ROOT_ELEMENT = 'tib-layer-root';

/**
 * How much of a native image a layer holds: `guest` the base OS, the guest base and the
 * agent (everything but the datastore); `base` the base OS and guest base only, for images
 * that share those but not their agent (a tree and a git checkout), which then install
 * the agent in each leaf.
 */
export type LayerDepth = 'guest' | 'base';

/**
 * Where each element's work goes. DIB's elements other than `vm` build the base OS and
 * belong to the layer. Elements in both run again in the leaf: their scripts act on what
 * the leaf adds (tib-files installs each part's own files; tib-slim keeps new packages
 * slim) and change nothing the layer already did.
 */
const BASE_TIB_ELEMENTS = new Set(['tib-guest-base', 'tib-repositories']);
const AGENT_ELEMENTS = new Set(['tib-agent-package', 'tib-agent-rdo', 'tib-agent-venv', 'tib-agent-service', 'source-repositories']);
const BOTH_ELEMENTS = new Set(['tib-files', 'tib-slim', RECIPE_ELEMENT]);
const LEAF_DIB_ELEMENTS = new Set(['vm']);

/** Input roles a layer reads; the others (datastore packages, image archives, ssh keys) are the leaf's. */
const LAYER_INPUT_ROLES: Readonly<Record<LayerDepth, ReadonlySet<PlanInput['role']>>> = {
  guest: new Set(['agent-tree', 'repository-key', 'base-image']),
  base: new Set(['repository-key', 'base-image']),
};

/** DIB variables of the agent's source (source-repositories): with the agent's elements. */
const AGENT_DIB_VARIABLE = /^DIB_REPO(LOCATION|REF)_/;

export type Part = 'layer' | 'leaf' | 'both';

export function partOf(e: PlanElement, depth: LayerDepth = 'guest'): Part {
  if (BOTH_ELEMENTS.has(e.name)) return 'both';
  if (AGENT_ELEMENTS.has(e.name)) return depth === 'guest' ? 'layer' : 'leaf';
  if (e.origin === 'dib') return LEAF_DIB_ELEMENTS.has(e.name) ? 'leaf' : 'layer';
  return e.origin === 'tib' && BASE_TIB_ELEMENTS.has(e.name) ? 'layer' : 'leaf';
}

/** The two builds of a layered image, still to be rendered (the layer's name and key come from its rendered plan). */
export type LayerSplitDesign =
  | {
      readonly layered: true;
      readonly depth: LayerDepth;
      readonly layer: PlanDesign;
      readonly leaf: PlanDesign;
      /** Elements of the image the layer builds (tib-files, tib-slim and tib-recipe run in both). */
      readonly covers: readonly string[];
      readonly dibElements: readonly string[];
    }
  | { readonly layered: false; readonly reason: string };

export interface SplitContext {
  readonly host: SourceHost;
  readonly elementsDir: string;
  readonly recipePath: string;
}

/** Why an image cannot be built from a layer, or undefined when it can. */
export function notLayerable(r: ResolvedRecipe, design: PlanDesign): string | undefined {
  if (r.model !== 'native') return 'only native-model images have a datastore part to build apart from the guest';
  if (!DIB_LAYERABLE_OS_ELEMENTS.has(r.image.osElement))
    return `layers start from DIB's debootstrap-based OS elements (${[...DIB_LAYERABLE_OS_ELEMENTS].join(', ')}), not ${r.image.osElement}`;
  if (r.extraElements.length > 0 || r.elementPaths.length > 0)
    return 'the recipe adds its own elements (elements.add), and tib cannot tell which part of the image they belong to';
  if (design.dib.elements.some((e) => e.name === 'tib-dib-compat'))
    return 'tib-dib-compat adapts the whole build to an older DIB and stays out of layers';
  if (design.missingElements.length > 0) return `this tib does not ship ${design.missingElements.join(', ')}`;
  return undefined;
}

/**
 * Designs the layer and the leaf of a native image. The leaf's scripts see exactly the
 * variables of a single build; the layer's environment.d holds only the variables its own
 * elements read (found in their files), so recipes that differ only in their datastore
 * design the same layer.
 */
export function designLayerSplit(
  r: ResolvedRecipe,
  design: PlanDesign,
  fragments: readonly Fragment[],
  ctx: SplitContext,
  depth: LayerDepth,
): LayerSplitDesign {
  const reason = notLayerable(r, design);
  if (reason) return { layered: false, reason };

  const layerElements = design.dib.elements.filter((e) => partOf(e, depth) !== 'leaf');
  const leafOwn = design.dib.elements.filter((e) => partOf(e, depth) !== 'layer');
  const covers = design.dib.elements.filter((e) => partOf(e, depth) === 'layer').map((e) => e.name);
  const layerParts = new Set<Fragment['part']>(depth === 'guest' ? ['guest', 'agent'] : ['guest']);
  const dibElements = layerElements.filter((e) => e.origin === 'dib').map((e) => e.name);
  const topOf = (s: { path: string }) => s.path.split('/')[0] ?? '';
  const staticOf = (names: readonly PlanElement[]) => {
    const wanted = new Set(names.filter((e) => e.name !== RECIPE_ELEMENT).map((e) => e.name));
    return design.elementSources.filter((s) => wanted.has(topOf(s)));
  };

  const layerStatic = staticOf(layerElements);
  const read = referencedVariables(layerStatic);
  const variables = recipeVariables(r).filter((v) => read.names.has(v.name) || read.prefixes.some((p) => v.name.startsWith(p)));
  const layerSources = sortSources([
    ...layerStatic,
    ...renderedElementSources(r, {
      name: 'a shared layer',
      source: 'the recipes it serves',
      variables,
      fragments: fragments.filter((f) => layerParts.has(f.part)),
      git: depth === 'guest',
      access: false,
    }),
  ]);

  const layerInputs = design.inputs.filter((i) => LAYER_INPUT_ROLES[depth].has(i.role));
  const layerInputIds = new Set(layerInputs.map((i) => i.id));
  const layerEnv = design.dib.environment.filter((e) => layerEnvironment(e, layerInputIds, depth));
  const elementNames = new Set(layerElements.map((e) => e.name));
  const layer: PlanDesign = {
    ...design,
    // Named once its rendered plan is hashed (render/layered.ts); nothing of the recipe's own.
    recipe: { path: 'tib-layer', name: '', sha256: '', files: [] },
    image: { name: '', purpose: 'production', outputDir: { path: '.', relativeTo: 'cwd' }, formats: ['raw'], checksums: true, files: [] },
    datastore: { type: '', version: '', model: design.datastore.model },
    dib: {
      args: ['-a', r.arch, '-t', 'raw'],
      // The recipes' own words (paths as each wrote them) stay out of a shared plan.
      elements: layerElements.map((e) => ({ ...e, reason: `the ${depth} part every image built from this layer shares` })),
      // Marks the build as a layer for the elements that leave work to each leaf (tib-slim's prune).
      environment: [...layerEnv, { kind: 'value', name: 'TIB_LAYER_BUILD', value: '1' }],
      unset: dibUnset(r, layerEnv),
    },
    inputs: layerInputs.map((i) => ({ ...i, path: fromWorkingDirectory(ctx.recipePath, i.path) })),
    elementSources: layerSources,
    // A base layer is the same whatever the agent: nothing of its source in the plan.
    agent: depth === 'guest' ? design.agent : { ...design.agent, source: '', series: '', troveVersion: '', service: '' },
    preflight: design.preflight.flatMap((q) =>
      layerRequirement(
        q,
        layerInputIds,
        elementNames,
        r.repositories.some((x) => !x.keyFile),
        depth === 'guest' ? [] : AGENT_SOURCES[r.agent.source].hostCommands.map((c) => c.name),
      ),
    ),
    expectations: [],
    controller: neutralController(design.controller),
    missingElements: [],
  };

  const rootFiles = staticElementFiles([{ name: LAYER_ROOT_ELEMENT, origin: 'tib', reason: '' }], ctx.host, ctx.elementsDir);
  const root: PlanElement = {
    name: LAYER_ROOT_ELEMENT,
    origin: 'tib',
    reason: `starts from the shared layer that built ${covers.join(', ')}`,
  };
  const leaf: PlanDesign = {
    ...design,
    dib: {
      ...design.dib,
      elements: [root, ...leafOwn],
      environment: [...design.dib.environment, { kind: 'layer-image', name: 'TIB_LAYER_IMAGE' }],
    },
    elementSources: sortSources([
      ...rootFiles.files,
      ...staticOf(leafOwn),
      ...renderedElementSources(r, {
        name: r.name,
        source: ctx.recipePath,
        variables: recipeVariables(r),
        fragments: fragments.filter((f) => !layerParts.has(f.part)),
        git: depth === 'base',
        access: true,
      }),
    ]),
    preflight: [...design.preflight, { kind: 'element', name: LAYER_ROOT_ELEMENT, origin: 'tib' }],
    missingElements: rootFiles.missing,
  };
  return { layered: true, depth, layer, leaf, covers, dibElements };
}

/** TIB_* names a set of element files reads; `TIB_REPO_${i}_NAME` gives the prefix TIB_REPO_. */
export function referencedVariables(files: readonly ElementSource[]): { names: Set<string>; prefixes: string[] } {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const f of files) {
    if (f.kind !== 'text') continue;
    for (const m of f.content.matchAll(/\bTIB_[A-Z0-9_]*[A-Z0-9_]/g)) {
      const name = m[0];
      if (name.endsWith('_')) prefixes.add(name);
      else names.add(name);
    }
  }
  return { names, prefixes: [...prefixes].sort() };
}

function layerEnvironment(e: EnvEntry, layerInputs: ReadonlySet<string>, depth: LayerDepth): boolean {
  switch (e.kind) {
    case 'value':
      return !(e.name in DIB_LEAF_VARIABLES) && (depth === 'guest' || !AGENT_DIB_VARIABLE.test(e.name));
    case 'input-path':
      return layerInputs.has(e.input);
    case 'secret':
    case 'layer-image':
      return false;
    case 'base-image':
    case 'elements-path':
      return true;
  }
}

/** Host tools only the leaf uses: the image conversion and the development password's hash. */
const LEAF_COMMANDS = new Set(['qemu-img', 'vhd-util', 'openssl']);

/**
 * The layer's pre-flight: what its own build needs, the same for every recipe that shares
 * it (so its fingerprint is too). Its raw file system needs the smallest disk tib asks for.
 */
function layerRequirement(
  q: Requirement,
  layerInputs: ReadonlySet<string>,
  elements: ReadonlySet<string>,
  fetchesKeys: boolean,
  agentCommands: readonly string[],
): Requirement[] {
  switch (q.kind) {
    case 'input':
      return layerInputs.has(q.id) ? [q] : [];
    case 'secret':
      return [];
    case 'element':
      return elements.has(q.name) ? [q] : [];
    case 'command':
      if (q.name === 'curl') return fetchesKeys ? [{ ...q, why: 'fetches repository signing keys' }] : [];
      return LEAF_COMMANDS.has(q.name) || agentCommands.includes(q.name) ? [] : [q];
    case 'disk':
      return [{ kind: 'disk', gib: 6 }];
    default:
      return [q];
  }
}

/** A layer registers nothing: the contract of its release only, without a datastore. */
function neutralController(c: ControllerContract): ControllerContract {
  return {
    trove: c.trove,
    settings: [],
    datastore: { name: '', version: '', manager: '' },
    datasources: c.datasources,
    registration: { imageName: '', imageFile: '', diskFormat: 'raw', byTag: false, versions: [] },
    templates: [],
    notes: [],
  };
}

function sortSources(files: ElementSource[]): ElementSource[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
