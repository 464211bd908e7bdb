import * as path from 'node:path';
import { compileLayered, LAYER_MODES, planMatrix } from '@tib/core';
import type { Diagnostic, LayerDepth, LayerMode, MatrixDesign, SourceFile } from '@tib/core';
import type { ImageResult, MatrixOutcome, MatrixRecipe } from '@tib/runner';
import { EXIT, UsageError } from '../exit-codes';
import { tibVersion } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor } from './shared';

/**
 * `tib run RECIPE...` of several recipes (or one with --layers): every recipe is planned
 * first and all diagnostics are printed at once; then each distinct image is built once,
 * native images from layers they share, and images with the same bytes are copied.
 */
export async function runMany(args: ParsedArgs, io: Io): Promise<number> {
  const mode = layerMode(args.values['layers']);
  const depth = layerDepth(args.values['layer-depth']);
  const jobs = jobCount(args.values['jobs']);
  if (typeof args.values['log'] === 'string')
    throw new UsageError('--log names one file: with several recipes each build logs beside its image');
  if (args.values['verify'] === true) throw new UsageError('--verify takes one recipe; run tib verify on each image afterwards');

  const host = nodeHost(io.cwd);
  const recipes: MatrixRecipe[] = [];
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const recipe of args.positionals) {
    const compiled = compileLayered(compileInputFor(recipe, args, io, 'run'), host);
    files.push(...compiled.files);
    diagnostics.push(...compiled.diagnostics);
    if (compiled.ok)
      recipes.push({ plan: compiled.plan, recipeValue: compiled.recipe, split: compiled.split, baseSplit: compiled.baseSplit });
  }
  printDiagnostics(io, files, diagnostics);
  if (recipes.length !== args.positionals.length) return EXIT.invalidRecipe;
  const names = new Map<string, string>();
  for (const r of recipes) {
    const other = names.get(r.plan.image.name);
    if (other) throw new UsageError(`${other} and ${r.plan.recipe.path} both build an image named ${r.plan.image.name}`);
    names.set(r.plan.image.name, r.plan.recipe.path);
  }

  const design = planMatrix(
    recipes.map((r) => ({ plan: r.plan, split: r.split, ...(r.baseSplit ? { baseSplit: r.baseSplit } : {}) })),
    mode,
    depth,
  );
  describe(design, io);

  const { runMatrix, nodeBuildHost } = await import('@tib/runner');
  const outcome = await runMatrix({
    recipes,
    design,
    host: nodeBuildHost(io.env),
    cwd: io.cwd,
    tibVersion: tibVersion(),
    ...(typeof args.values['out'] === 'string' ? { out: args.values['out'] } : {}),
    force: args.values['force'] === true,
    offline: args.values['offline'] === true,
    dryRun: args.values['dry-run'] === true,
    keepWorkdir: args.values['keep-workdir'] === true,
    jobs,
    layersOnly: mode === 'only',
    stderr: io.stderr,
    stdout: io.stdout,
    tty: Boolean(io.stderr.isTTY),
  });
  return report(outcome, design, io);
}

export function layerMode(value: unknown): LayerMode {
  if (value === undefined) return 'auto';
  if (typeof value === 'string' && (LAYER_MODES as readonly string[]).includes(value)) return value as LayerMode;
  throw new UsageError(`--layers takes ${LAYER_MODES.join(', ')}`);
}

function layerDepth(value: unknown): LayerDepth | undefined {
  if (value === undefined) return undefined;
  if (value === 'guest' || value === 'base') return value;
  throw new UsageError('--layer-depth takes guest or base');
}

function jobCount(value: unknown): number {
  if (value === undefined) return 1;
  const n = typeof value === 'string' && /^[1-9][0-9]?$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) throw new UsageError('--jobs takes a number of builds at once, 1 to 99');
  return n;
}

/** The plan of the run, before anything is built. */
function describe(design: MatrixDesign, io: Io): void {
  const built = design.images.filter((i) => i.sameAs === undefined).length;
  write(
    io.stderr,
    `${design.images.length} recipe${design.images.length === 1 ? '' : 's'}: ${built} distinct image${built === 1 ? '' : 's'}, ${design.layers.length} shared layer${design.layers.length === 1 ? '' : 's'}`,
  );
  for (const l of design.layers) {
    const on = l.images.map((i) => design.images[i]?.name).join(', ');
    write(io.stderr, `  layer ${l.name} (${l.plan.dib.elements.map((e) => e.name).join(' ')}) for ${on}`);
  }
  for (const i of design.images) {
    if (i.sameAs !== undefined) write(io.stderr, `  ${i.name}: a copy of ${design.images[i.sameAs]?.name} (same plan, its name aside)`);
    else if (i.alone) write(io.stderr, `  ${i.name}: built alone (${i.alone})`);
  }
}

const REFUSAL_EXIT: Readonly<Record<string, number>> = {
  preflight: EXIT.preflight,
  'output-exists': EXIT.usage,
  'dib-failed': EXIT.dibFailed,
  interrupted: EXIT.interrupted,
};

/** One line per layer and image, the time table, and the exit status of the worst outcome. */
function report(outcome: MatrixOutcome, design: MatrixDesign, io: Io): number {
  const codes: number[] = [];
  const problems: Diagnostic[] = [];
  for (const l of outcome.layers) {
    if (l.result.kind === 'refused') {
      codes.push(REFUSAL_EXIT[l.result.reason] ?? EXIT.internal);
      problems.push(...l.result.diagnostics);
      const on = design.layers.find((x) => x.key === l.key)?.images.map((i) => design.images[i]?.name) ?? [];
      problems.push({
        code: 'TIB5030',
        severity: 'error',
        file: l.name,
        message: `layer ${l.name} was not built (${l.result.reason}${l.result.logFile ? `; log ${l.result.logFile}` : ''}): ${on.join(', ')} not built`,
      });
    }
  }
  for (const i of outcome.images) {
    const r = i.result;
    if (r.kind === 'refused') {
      codes.push(REFUSAL_EXIT[r.reason] ?? EXIT.internal);
      problems.push(...r.diagnostics);
      if (r.logFile) write(io.stderr, `${i.name}: failed (${r.reason}); full log: ${r.logFile}`);
    }
    if (r.kind === 'skipped' && !outcome.layers.some((l) => l.result.kind === 'refused')) {
      codes.push(EXIT.usage);
      problems.push({ code: 'TIB5031', severity: 'error', file: i.recipe, message: `${i.name} was not copied: ${r.reason}` });
    }
  }
  printDiagnostics(io, [], problems);
  const nothingBuilt = outcome.images.every((i) => i.result.kind === 'dry-run' || i.result.kind === 'skipped');
  if (outcome.images.length > 0 && nothingBuilt && codes.length === 0) return EXIT.ok;

  write(io.stderr, '');
  write(io.stderr, 'image / layer                                   result        time');
  for (const l of outcome.layers)
    write(io.stderr, row(l.name, l.result.kind === 'unused' ? 'not needed' : resultWord(l.result), l.seconds));
  for (const i of outcome.images) write(io.stderr, row(i.name, resultWord(i.result), i.seconds));
  write(io.stderr, row('total', '', outcome.seconds));
  for (const i of outcome.images) {
    if (i.result.kind === 'built' || i.result.kind === 'copied') {
      const image = i.result.manifest.outputs[0]?.path ?? '';
      const shown = path.relative(io.cwd, image);
      write(io.stderr, `  ${shown.startsWith('..') ? image : shown}  manifest ${path.relative(io.cwd, i.result.manifestFile)}`);
    }
  }
  if (codes.includes(EXIT.interrupted)) return EXIT.interrupted;
  return codes.length === 0 ? EXIT.ok : Math.max(...codes);
}

function resultWord(r: ImageResult): string {
  switch (r.kind) {
    case 'built':
      return 'built';
    case 'up-to-date':
      return 'up to date';
    case 'copied':
      return r.linked ? 'hard link' : 'copied';
    case 'dry-run':
      return 'dry run';
    case 'skipped':
      return 'skipped';
    case 'refused':
      return r.reason;
  }
}

function row(name: string, what: string, seconds: number): string {
  const s = Math.round(seconds);
  return `  ${name.padEnd(46)} ${what.padEnd(12)} ${`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`.padStart(6)}`;
}
