import { hasErrors, validateRecipe } from '@tib/core';
import { EXIT } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { diagnosticsJson, printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { setOverrides, toJson } from './shared';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const host = nodeHost(io.cwd);
  const results = args.positionals.map((recipe) => {
    const result = validateRecipe(recipe, host, { set: setOverrides(args), mode: 'validate' });
    return { recipe, result, valid: !hasErrors(result.diagnostics) };
  });
  if (args.values['json']) {
    write(io.stdout, toJson(results.map(({ recipe, result, valid }) => ({ recipe, valid, diagnostics: diagnosticsJson(result.loaded.files, result.diagnostics) }))));
  } else {
    for (const { recipe, result, valid } of results) {
      printDiagnostics(io, result.loaded.files, result.diagnostics);
      write(io.stderr, `${recipe}: ${valid ? 'valid' : 'invalid'}`);
    }
  }
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalidRecipe;
}
