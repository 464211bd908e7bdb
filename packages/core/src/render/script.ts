import { posix as path } from 'node:path';
import { relativeTo } from '../facts/host-files';
import type { Plan } from '../plan/plan-types';
import type { Renderer } from './renderer';

export interface HeredocFile {
  readonly path: string;
  readonly mode: string;
  /** Body of a quoted heredoc (the content minus its final newline), or undefined. */
  readonly heredoc?: string;
  readonly delimiter: string;
  /** Content for printf when it does not end in a newline (heredocs always add one). */
  readonly printf?: string;
}

/** A heredoc delimiter that no line of the content equals. */
export function heredocDelimiter(content: string): string {
  const lines = new Set(content.split('\n'));
  let delimiter = 'TIB_EOF';
  for (let i = 1; lines.has(delimiter); i++) delimiter = `TIB_EOF_${i}`;
  return delimiter;
}

export function heredocFiles(plan: Plan): HeredocFile[] {
  return plan.elementTree.map((f) => {
    const mode = `0${f.mode.toString(8)}`;
    const delimiter = heredocDelimiter(f.content);
    if (f.content === '') return { path: f.path, mode, delimiter, printf: '' };
    if (f.content.endsWith('\n')) return { path: f.path, mode, delimiter, heredoc: f.content.slice(0, -1) };
    return { path: f.path, mode, delimiter, printf: f.content };
  });
}

/**
 * Where the compiled script will be, so that at run time it finds the recipe from its own
 * location rather than from the directory it happens to be run in. Both paths absolute,
 * as the host resolves them: the CLI passes real paths, because the script resolves
 * symlinks when it finds its own directory.
 */
export interface ScriptLocation {
  /** The directory the script is written to, or for standard output the one it is assumed saved in. */
  readonly scriptDir: string;
  /** The recipe's directory. */
  readonly recipeDir: string;
}

/**
 * The recipe's directory as the script names it: absolute if the recipe path given was
 * (nothing else of the host goes into the script), else relative to the script's
 * directory, so the same recipe and script location give the same bytes on any host.
 */
export function recipeDirFromScript(recipePath: string, location: ScriptLocation): string {
  if (path.isAbsolute(recipePath)) return path.dirname(path.normalize(recipePath));
  const fromRoot = (dir: string) => {
    if (!path.isAbsolute(dir)) throw new Error(`script location: ${dir} is not an absolute path`);
    return path.normalize(dir).replace(/^\/+|\/+$/g, '') || '.';
  };
  return relativeTo(fromRoot(location.scriptDir), fromRoot(location.recipeDir));
}

/**
 * Renders the self-contained build script. The template does the layout; this function
 * only arranges plan data into the shapes the template iterates over.
 */
export function renderScript(plan: Plan, renderer: Renderer, location: ScriptLocation): string {
  const env = plan.dib.environment;
  const recipeDir = recipeDirFromScript(plan.recipe.path, location);
  const outDir = plan.image.outputDir;
  const model = {
    plan,
    recipeDir,
    recipeDirFrom: path.isAbsolute(recipeDir) ? 'root' : recipeDir === '.' ? 'script itself' : 'script',
    outDirExpr:
      outDir.relativeTo === 'recipe' && !outDir.path.startsWith('/')
        ? { recipeRelative: true, path: outDir.path }
        : { recipeRelative: false, path: outDir.path },
    elementDirs: [...new Set(plan.elementTree.map((f) => path.dirname(f.path)))].sort(),
    outputDirIsRecipeRelative: plan.image.outputDir.relativeTo === 'recipe',
    dibMax: plan.preflight.flatMap((r) => (r.kind === 'dib' && r.maxExclusive ? [{ version: r.maxExclusive, why: r.why ?? '' }] : [])),
    dibMin: plan.preflight.flatMap((r) => (r.kind === 'dib' && r.min ? [r.min] : []))[0] ?? '0',
    commands: plan.preflight.flatMap((r) =>
      r.kind === 'command' ? [{ name: r.name, message: `${r.name} not found (${r.why}): install ${r.package}` }] : [],
    ),
    debootstrapSuites: plan.preflight.flatMap((r) => (r.kind === 'debootstrap-suite' ? [r] : [])),
    dibElements: plan.dib.elements.filter((e) => e.origin === 'dib' || e.origin === 'recipe').map((e) => e.name),
    elementNames: plan.dib.elements.map((e) => e.name),
    values: env.flatMap((e) => (e.kind === 'value' ? [e] : [])),
    secrets: env.flatMap((e) =>
      e.kind === 'secret'
        ? [
            'env' in e.from
              ? {
                  name: e.name,
                  kind: 'env',
                  from: e.from.env,
                  missing: `${e.what}: environment variable ${e.from.env} is not set (the recipe reads it from {env: ${e.from.env}})`,
                }
              : {
                  name: e.name,
                  kind: 'file',
                  from: e.from.file,
                  missing: `${e.what}: cannot read ${e.from.file} (the recipe reads it from {file: ${e.from.file}})`,
                },
          ]
        : [],
    ),
    inputPaths: env.flatMap((e) =>
      e.kind === 'input-path' ? [{ name: e.name, input: plan.inputs.findIndex((i) => i.id === e.input) }] : [],
    ),
    baseImageEnv: env.flatMap((e) => (e.kind === 'base-image' ? [e] : [])),
    extraElementPaths: env.flatMap((e) => (e.kind === 'elements-path' ? e.extra : [])),
    inputs: plan.inputs.map((i, index) => ({ ...i, index, what: `${i.role} ${i.path}` })),
    files: heredocFiles(plan),
    download: plan.baseImage.source === 'download' || plan.baseImage.source === 'cache' ? plan.baseImage : undefined,
    localImage: plan.baseImage.source === 'local' ? plan.baseImage : undefined,
    localImageInput: plan.baseImage.source === 'local' ? plan.inputs.findIndex((i) => i.role === 'base-image') : undefined,
  };
  return renderer.render('build.sh.hbs', model);
}
