import * as path from 'node:path';
import type { Diagnostic, Plan } from '@tib/core';
import type { BuildHost } from './host';

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
      const text = host.readFile(file);
      if (text === undefined) {
        diagnostics.push({
          code: 'TIB5015',
          severity: 'error',
          file: plan.recipe.path,
          message: `${e.what}: cannot read ${file} (the recipe reads it from {file: ${e.from.file}})`,
        });
      } else {
        // First line, without its newline: the same as the script's `read -r`.
        values.set(e.name, text.split('\n')[0] ?? '');
      }
    }
  }
  return { values, diagnostics };
}
