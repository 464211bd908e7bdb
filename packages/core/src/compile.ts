import type { Diagnostic } from './diagnostics/diagnostic';
import { hasErrors } from './diagnostics/diagnostic';
import type { SourceHost } from './host';
import type { SourceFile } from './load/source-file';
import { deepFreeze, designPlan } from './plan/build-plan';
import type { Plan } from './plan/plan-types';
import { renderElementTree } from './render/element-tree';
import { renderLayerSplit } from './render/layered';
import type { LayerSplit } from './render/layered';
import { designLayerSplit } from './plan/layer-split';
import type { LayerDepth } from './plan/layer-split';
import { Renderer, TemplateError } from './render/renderer';
import { renderScript } from './render/script';
import type { ScriptLocation } from './render/script';
import { resolveRecipe } from './resolve/resolve-recipe';
import type { ResolvedRecipe } from './resolve/resolved';
import type { Recipe } from './types/recipe.generated';
import { validateRecipe } from './validate/validate-recipe';
import type { ValidateOptions } from './validate/validate-recipe';

export interface CompileInput extends ValidateOptions {
  readonly recipePath: string;
  /** tib's own element directory (part of the tib installation). */
  readonly elementsDir: string;
  readonly tibVersion: string;
}

export type CompileResult =
  | {
      readonly ok: true;
      readonly plan: Plan;
      readonly resolved: ResolvedRecipe;
      readonly recipe: Recipe;
      readonly diagnostics: Diagnostic[];
      readonly files: readonly SourceFile[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[]; readonly files: readonly SourceFile[] };

/**
 * The whole pipeline: load → validate → resolve → plan. Never throws for anything a
 * recipe can contain; template failures (tib bugs) become TIB4001 diagnostics.
 */
export function compilePlan(input: CompileInput, host: SourceHost, renderer = new Renderer()): CompileResult {
  const result = compileWithSplit(input, host, renderer, false);
  if (!result.ok) return result;
  const { split: _split, baseSplit: _base, ...rest } = result;
  return rest;
}

export type LayeredCompileResult =
  | (Extract<CompileResult, { ok: true }> & { readonly split: LayerSplit; readonly baseSplit: LayerSplit })
  | Extract<CompileResult, { ok: false }>;

/**
 * compilePlan, and for an image that can be built from a shared layer the two plans of
 * that build (plan/layer-split.ts); `tib run` of several recipes and `tib matrix --emit`.
 */
export function compileLayered(input: CompileInput, host: SourceHost): LayeredCompileResult {
  return compileWithSplit(input, host, new Renderer(), true);
}

function compileWithSplit(input: CompileInput, host: SourceHost, renderer: Renderer, layered: boolean): LayeredCompileResult {
  const validation = validateRecipe(input.recipePath, host, input);
  const files = validation.loaded.files;
  if (!validation.recipe || !validation.facts || !validation.locator) return { ok: false, diagnostics: validation.diagnostics, files };
  try {
    const resolved = resolveRecipe(validation.recipe, validation.facts, validation.locator, input.recipePath);
    const ctx = { host, elementsDir: input.elementsDir, tibVersion: input.tibVersion, recipePath: input.recipePath, files };
    const { design, diagnostics, fragments } = designPlan(resolved, ctx);
    const all = [...validation.diagnostics, ...diagnostics];
    if (hasErrors(all)) return { ok: false, diagnostics: all, files };
    const { elementSources, ...rest } = design;
    const plan: Plan = deepFreeze({ ...rest, elementTree: renderElementTree(elementSources, renderer) });
    const splitAt = (depth: LayerDepth): LayerSplit =>
      layered
        ? deepFreeze(renderLayerSplit(designLayerSplit(resolved, design, fragments, ctx, depth), renderer))
        : { layered: false, reason: 'not asked for' };
    return {
      ok: true,
      plan,
      resolved,
      recipe: validation.recipe,
      diagnostics: all,
      files,
      split: splitAt('guest'),
      baseSplit: splitAt('base'),
    };
  } catch (err) {
    if (err instanceof TemplateError) {
      return {
        ok: false,
        files,
        diagnostics: [...validation.diagnostics, { code: 'TIB4001', severity: 'error', file: input.recipePath, message: err.message }],
      };
    }
    throw err;
  }
}

export type ScriptResult = (Extract<CompileResult, { ok: true }> & { readonly script: string }) | Extract<CompileResult, { ok: false }>;

/** compilePlan, then the build script rendered from the plan for a script kept at `location`. */
export function compileScript(input: CompileInput, host: SourceHost, location: ScriptLocation): ScriptResult {
  const renderer = new Renderer();
  const result = compilePlan(input, host, renderer);
  if (!result.ok) return result;
  try {
    return { ...result, script: renderScript(result.plan, renderer, location) };
  } catch (err) {
    if (err instanceof TemplateError) {
      return {
        ok: false,
        files: result.files,
        diagnostics: [...result.diagnostics, { code: 'TIB4001', severity: 'error', file: input.recipePath, message: err.message }],
      };
    }
    throw err;
  }
}
