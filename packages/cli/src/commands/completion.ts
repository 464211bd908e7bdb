import { bashCompletion } from '../completion/bash';
import { completionModel } from '../completion/model';
import { zshCompletion } from '../completion/zsh';
import { EXIT, UsageError } from '../exit-codes';
import { tibVersion } from '../installation';
import type { Io } from '../io';
import type { ParsedArgs } from './command';
import { COMMANDS } from './registry';

/** `tib completion bash|zsh`: the completion script for that shell, on stdout. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const shell = args.positionals[0];
  const model = completionModel(COMMANDS);
  if (shell === 'bash') io.stdout.write(bashCompletion(model, tibVersion()));
  else if (shell === 'zsh') io.stdout.write(zshCompletion(model, tibVersion()));
  else throw new UsageError(`no completion for '${shell}': bash or zsh`);
  return EXIT.ok;
}
