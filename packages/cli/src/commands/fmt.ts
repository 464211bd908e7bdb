import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '@tib/core';
import { EXIT } from '../exit-codes';
import { formatRecipe } from '../fmt/format-recipe';
import { unifiedDiff } from '../fmt/unified-diff';
import type { Io } from '../io';
import { write } from '../io';
import { diagnosticsJson, printDiagnostics } from '../print-diagnostics';
import { writeFileAtomic } from '../write-atomic';
import type { ParsedArgs } from './command';
import { toJson } from './shared';

interface FileResult {
  readonly file: string;
  /** Already in canonical form. */
  readonly formatted: boolean;
  /** Rewritten by this run (never with --check). */
  readonly changed: boolean;
  readonly diff?: string;
}

/**
 * `tib fmt [--check] RECIPE|DIR...`: puts recipes in canonical form (format-recipe.ts),
 * in place, listing the files it changed; with --check it changes nothing, prints a
 * unified diff per file that is not canonical and exits 1, as `terraform fmt -check`
 * and `prettier --check` do. Directories are searched for *.yaml and *.yml.
 */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const check = args.values['check'] === true;
  const json = args.values['json'] === true;
  const files = expand(args.positionals, io.cwd);
  const results: FileResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources: { path: string; text: string }[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (err) {
      const reason = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : String(err);
      diagnostics.push({ code: 'TIB1002', severity: 'error', file, message: `cannot read '${file}' (${reason})` });
      continue;
    }
    sources.push({ path: file, text });
    const result = formatRecipe(file, text);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    if (result.text === text) {
      results.push({ file, formatted: true, changed: false });
      continue;
    }
    const diff = unifiedDiff(text, result.text, file, `${file} (tib fmt)`);
    if (!check) writeFileAtomic(abs, result.text, fs.statSync(abs).mode & 0o7777);
    results.push({ file, formatted: false, changed: !check, ...(check ? { diff } : {}) });
  }

  const failed = diagnostics.length > 0 || (check && results.some((r) => !r.formatted));
  const code = failed ? EXIT.invalidRecipe : EXIT.ok;
  const unformatted = results.filter((r) => !r.formatted).length;
  const summary = `${unformatted} of ${files.length} file(s) not in tib's canonical form; run: tib fmt ${args.positionals.join(' ')}`;
  if (json) {
    write(io.stdout, toJson({ ok: !failed, exitCode: code, check, files: results, diagnostics: diagnosticsJson(sources, diagnostics) }));
    if (check && unformatted > 0) write(io.stderr, summary);
    return code;
  }
  printDiagnostics(io, sources, diagnostics);
  for (const r of results) {
    if (r.diff) io.stdout.write(r.diff);
    else if (r.changed) write(io.stdout, r.file);
  }
  if (check && unformatted > 0) write(io.stderr, summary);
  return code;
}

/** Files as given; directories expanded to their *.yaml and *.yml files, sorted. */
function expand(operands: readonly string[], cwd: string): string[] {
  return operands.flatMap((operand) => {
    const abs = path.resolve(cwd, operand);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) return [operand];
    return fg
      .sync('**/*.{yaml,yml}', { cwd: abs, onlyFiles: true, ignore: ['**/node_modules/**'] })
      .sort()
      .map((f) => path.join(operand, f));
  });
}
