import * as fs from 'node:fs';
import * as path from 'node:path';
import { compilePlan, compileScript } from '@tib/core';
import type { ScriptLocation } from '@tib/core';
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
  const output = args.values['output'] as string | undefined;
  const toFile = output !== undefined && output !== '-';
  let text: string;
  if (format === 'sh') {
    const result = compileScript(input, host, scriptLocation(io.cwd, recipe, toFile ? output : undefined));
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
  if (toFile) {
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

/**
 * Where the script will be: the directory of -o FILE, or for standard output the working
 * directory (`tib compile r.yaml > build.sh` saves it there). Real paths, as the script
 * finds its own directory with symlinks resolved; a directory that does not exist yet
 * (its write then fails) keeps its plain path.
 */
function scriptLocation(cwd: string, recipe: string, output: string | undefined): ScriptLocation {
  const real = (dir: string) => {
    try {
      return fs.realpathSync(dir);
    } catch {
      return dir;
    }
  };
  return {
    scriptDir: real(output === undefined ? path.resolve(cwd) : path.dirname(path.resolve(cwd, output))),
    recipeDir: real(path.dirname(path.resolve(cwd, recipe))),
  };
}
