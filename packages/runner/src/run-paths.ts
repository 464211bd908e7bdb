import * as path from 'node:path';
import * as os from 'node:os';
import type { Plan, PlanInput } from '@tib/core';

/** Absolute locations a run works with, resolved once from the plan and the command line. */
export interface RunPaths {
  readonly cwd: string;
  readonly recipeDir: string;
  readonly outputDir: string;
  readonly cacheDir: string;
}

export function runPaths(plan: Plan, cwd: string, env: NodeJS.ProcessEnv, outOverride?: string): RunPaths {
  const recipeDir = path.resolve(cwd, path.dirname(plan.recipe.path));
  const out = plan.image.outputDir;
  const outputDir = outOverride ? path.resolve(cwd, outOverride) : path.resolve(out.relativeTo === 'recipe' ? recipeDir : cwd, out.path);
  return { cwd, recipeDir, outputDir, cacheDir: cacheDir(env) };
}

/** Same rule as the compiled script: TIB_CACHE_DIR, else $XDG_CACHE_HOME/tib, else ~/.cache/tib. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env['TIB_CACHE_DIR']) return env['TIB_CACHE_DIR'];
  const base = env['XDG_CACHE_HOME'] || path.join(env['HOME'] || os.homedir(), '.cache');
  return path.join(base, 'tib');
}

/** A plan path (relative to the recipe's directory, or absolute) on this host. */
export function inputPath(paths: RunPaths, input: Pick<PlanInput, 'path'>): string {
  return path.resolve(paths.recipeDir, input.path);
}
