import { hasErrors, validateRecipe } from '@tib/core';
import { EXIT, UsageError } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { diagnosticsJson, printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { setOverrides, toJson } from './shared';

/** Quoted globs (`tib validate 'recipes/**\/*.yaml'`) are expanded here, the same on every shell. */
function expandRecipes(patterns: readonly string[], cwd: string): string[] {
  if (!patterns.some((p) => /[*?[\]{}]/.test(p))) return [...patterns];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fg = require('fast-glob') as typeof import('fast-glob');
  return patterns.flatMap((p) => (/[*?[\]{}]/.test(p) ? fg.sync(p, { cwd, onlyFiles: true }).sort() : [p]));
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const host = nodeHost(io.cwd);
  const recipes = expandRecipes(args.positionals, io.cwd);
  if (recipes.length === 0) throw new UsageError(`no recipe matches ${args.positionals.join(' ')}`);
  const results = recipes.map((recipe) => {
    const result = validateRecipe(recipe, host, { set: setOverrides(args), mode: 'validate' });
    return { recipe, result, valid: !hasErrors(result.diagnostics) };
  });
  if (args.values['json']) {
    write(
      io.stdout,
      toJson(
        results.map(({ recipe, result, valid }) => ({
          recipe,
          valid,
          diagnostics: diagnosticsJson(result.loaded.files, result.diagnostics),
        })),
      ),
    );
  } else {
    for (const { recipe, result, valid } of results) {
      printDiagnostics(io, result.loaded.files, result.diagnostics);
      write(io.stderr, `${recipe}: ${valid ? 'valid' : 'invalid'}`);
    }
  }
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalidRecipe;
}
