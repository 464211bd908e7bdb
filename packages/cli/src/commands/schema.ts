import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT, UsageError } from '../exit-codes';
import { resourceDirs } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import type { ParsedArgs } from './command';
import { toJson } from './shared';

const FILES: Readonly<Record<string, string>> = {
  recipe: 'recipe.schema.json',
  overlay: 'recipe-overlay.schema.json',
  manifest: 'manifest.schema.json',
  'run-events': 'run-events.schema.json',
};

/** Prints one of the schemas tib ships (schemas/ of the repository or the package), or its path. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const kind = args.positionals[0] ?? 'recipe';
  const name = FILES[kind];
  if (!name) throw new UsageError(`unknown schema '${kind}': one of ${Object.keys(FILES).join(', ')}`);
  const file = path.join(resourceDirs(io.env).root, 'schemas', name);
  if (args.values['path']) {
    write(io.stdout, args.values['json'] ? toJson({ schema: kind, path: file }) : file);
    return EXIT.ok;
  }
  // Missing resources are a broken installation, which main reports as an internal error.
  io.stdout.write(fs.readFileSync(file, 'utf8'));
  return EXIT.ok;
}
