import * as path from 'node:path';
import { MAX_SECRET_BYTES } from '@tib/core';
import type { Diagnostic, Plan } from '@tib/core';
import type { BuildHost } from './host';
import { readRegularFile } from './read-regular-file';

export interface ResolvedSecrets {
  /** Target variable name (REG_PASSWORD …) → value. Never printed, never stored. */
  readonly values: ReadonlyMap<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** Reads every secret the plan references, exactly as the script does at run time. */
export function resolveSecrets(plan: Plan, host: BuildHost, recipeDir: string): ResolvedSecrets {
  const values = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const e of plan.dib.environment) {
    if (e.kind !== 'secret') continue;
    if ('env' in e.from) {
      const v = host.env[e.from.env];
      if (v === undefined) {
        diagnostics.push({
          code: 'TIB5015',
          severity: 'error',
          file: plan.recipe.path,
          message: `${e.what}: environment variable ${e.from.env} is not set (the recipe reads it from {env: ${e.from.env}})`,
        });
      } else {
        values.set(e.name, v);
      }
    } else {
      const file = path.resolve(recipeDir, e.from.file);
      const read = readRegularFile(file, MAX_SECRET_BYTES);
      if (!read.ok) {
        diagnostics.push({
          code: read.reason === 'missing' || read.reason === 'unreadable' ? 'TIB5015' : 'TIB1010',
          severity: 'error',
          file: plan.recipe.path,
          message: `${e.what}: ${read.message} (the recipe reads it from {file: ${e.from.file}})`,
        });
      } else {
        // First line, without its newline: the same as the script's `read -r`.
        values.set(e.name, read.data.toString('utf8').split('\n')[0] ?? '');
      }
    }
  }
  return { values, diagnostics };
}
