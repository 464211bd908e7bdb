import { EXIT } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import type { ParsedArgs } from './command';

/** Placeholder until the run command lands. */
export async function run(_args: ParsedArgs, io: Io): Promise<number> {
  write(io.stderr, 'tib run: not implemented yet');
  return EXIT.internal;
}
