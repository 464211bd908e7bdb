import * as fs from 'node:fs';
import * as path from 'node:path';
import { CI_ENGINES, compileLayered, emitCi, planMatrix } from '@tib/core';
import type { CiEngine, Diagnostic, MatrixEntry, SourceFile } from '@tib/core';
import { EXIT, UsageError } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { diagnosticsJson, printDiagnostics } from '../print-diagnostics';
import { writeFileAtomic } from '../write-atomic';
import type { ParsedArgs } from './command';
import { compileInputFor, toJson } from './shared';

/**
 * `tib matrix --emit github|gitlab|zuul RECIPE...`: the job definitions with which a CI
 * engine builds the matrix on its machines: one job per shared layer and per distinct
 * image, in order, with the host preparation, the layer caches and the image artifacts.
 * To stdout (the engine's main file), or under -o DIR where the engine reads them.
 */
export async function emit(args: ParsedArgs, io: Io): Promise<number> {
  const engine = args.values['emit'];
  if (typeof engine !== 'string' || !(CI_ENGINES as readonly string[]).includes(engine))
    throw new UsageError(`--emit takes one of ${CI_ENGINES.join(', ')}`);
  if (args.positionals.length === 0) throw new UsageError('--emit needs the recipes to build');
  const json = args.values['json'] === true;

  const host = nodeHost(io.cwd);
  const entries: MatrixEntry[] = [];
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const recipe of args.positionals) {
    const compiled = compileLayered(compileInputFor(recipe, args, io, 'validate'), host);
    files.push(...compiled.files);
    diagnostics.push(...compiled.diagnostics);
    if (compiled.ok) entries.push({ plan: compiled.plan, split: compiled.split, baseSplit: compiled.baseSplit });
  }
  if (entries.length !== args.positionals.length) {
    if (json) write(io.stdout, toJson({ ok: false, engine, diagnostics: diagnosticsJson(files, diagnostics) }));
    else printDiagnostics(io, files, diagnostics);
    return EXIT.invalidRecipe;
  }
  if (!json) printDiagnostics(io, files, diagnostics);

  const { hostPackages } = await import('@tib/runner');
  const planned = entries.flatMap((e) => e.plan.preflight.flatMap((r) => (r.kind === 'command' ? [r.package] : [])));
  const design = planMatrix(entries, 'auto');
  const runner = typeof args.values['runner'] === 'string' ? args.values['runner'] : undefined;
  const result = emitCi({
    engine: engine as CiEngine,
    design,
    entries,
    hostPackages: [...new Set([...hostPackages('deb', false), ...planned])].sort(),
    ...(runner ? { runner } : {}),
    command: `tib matrix --emit ${engine}${runner ? ` --runner ${runner}` : ''} ${args.positionals.join(' ')}`,
  });

  const out = typeof args.values['output'] === 'string' ? path.resolve(io.cwd, args.values['output']) : undefined;
  if (out) {
    for (const f of result.files) {
      const target = path.join(out, f.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(target, f.content, 0o644);
      if (!json) write(io.stderr, `wrote ${path.relative(io.cwd, target) || target}`);
    }
  }
  if (json) {
    write(
      io.stdout,
      toJson({
        ok: true,
        engine,
        diagnostics: diagnosticsJson(files, diagnostics),
        jobs: result.jobs.map((j) => ({
          id: j.id,
          kind: j.kind,
          needs: j.needs,
          recipes: j.recipes,
          cacheKey: j.layer?.cacheKey ?? null,
          artifacts: j.artifacts,
        })),
        files: result.files.map((f) => ({ path: f.path, content: f.content, ...(out ? { written: path.join(out, f.path) } : {}) })),
      }),
    );
  } else if (!out) {
    for (const [i, f] of result.files.entries()) {
      if (result.files.length > 1) write(io.stdout, `${i > 0 ? '\n' : ''}# ---- ${f.path}`);
      write(io.stdout, f.content);
    }
  }
  return EXIT.ok;
}
