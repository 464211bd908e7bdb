import type { CompileInput } from '@tib/core';
import { resourceDirs, tibVersion } from '../installation';
import type { Io } from '../io';
import type { ParsedArgs } from './command';

export function setOverrides(args: ParsedArgs): string[] {
  const set = args.values['set'];
  return Array.isArray(set) ? set : [];
}

export function compileInputFor(recipePath: string, args: ParsedArgs, io: Io, mode: 'validate' | 'run' = 'validate'): CompileInput {
  const dirs = resourceDirs(io.env);
  return {
    recipePath,
    elementsDir: dirs.elementsDir,
    tibVersion: tibVersion(),
    set: setOverrides(args),
    mode,
  };
}

/** Stable JSON for machine output: 2-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
