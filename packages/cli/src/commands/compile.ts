import * as path from 'node:path';
import { compilePlan, compileScript } from '@tib/core';
import { EXIT, UsageError } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { invalidRecipeDoc } from '../json-output';
import { printDiagnostics } from '../print-diagnostics';
import { writeFileAtomic } from '../write-atomic';
import type { ParsedArgs } from './command';
import { compileInputFor, toJson } from './shared';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const format = (args.values['format'] as string | undefined) ?? 'sh';
  if (format !== 'sh' && format !== 'json') throw new UsageError(`--format must be sh or json, not '${format}'`);
  const recipe = args.positionals[0] ?? '';
  const host = nodeHost(io.cwd);
  const input = compileInputFor(recipe, args, io);
  let text: string;
  if (format === 'sh') {
    const result = compileScript(input, host);
    printDiagnostics(io, result.files, result.diagnostics);
    if (!result.ok) return EXIT.invalidRecipe;
    text = result.script;
  } else {
    const result = compilePlan(input, host);
    printDiagnostics(io, result.files, result.diagnostics);
    if (!result.ok) {
      write(io.stdout, toJson(invalidRecipeDoc(recipe, result.files, result.diagnostics)));
      return EXIT.invalidRecipe;
    }
    text = toJson(result.plan);
  }
  const output = args.values['output'] as string | undefined;
  if (output !== undefined && output !== '-') {
    try {
      writeFileAtomic(path.resolve(io.cwd, output), text, format === 'sh' ? 0o755 : 0o644);
    } catch (err) {
      write(io.stderr, `tib: cannot write ${output}: ${err instanceof Error ? err.message : String(err)}`);
      return EXIT.usage;
    }
    write(io.stderr, `wrote ${output}`);
  } else {
    io.stdout.write(text);
  }
  return EXIT.ok;
}
