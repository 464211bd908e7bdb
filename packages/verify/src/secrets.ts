/**
 * The recipe's secret values, read from the same references the build reads them from
 * ({env: NAME} or {file: PATH}, first line), so verify can look for them in the image.
 * They are canaries: searched for, never printed, never put on a command line.
 */
import * as path from 'node:path';
import type { Plan } from '@tib/core';

export interface SecretSources {
  readonly env: NodeJS.ProcessEnv;
  readonly readFile: (absolutePath: string) => string | undefined;
  /** The top recipe's directory, which {file} references are relative to. */
  readonly recipeDir: string;
}

export function secretValuesFor(plan: Plan, src: SecretSources): { values: string[]; missing: string[] } {
  const values: string[] = [];
  const missing: string[] = [];
  for (const e of plan.dib.environment) {
    if (e.kind !== 'secret') continue;
    const value = 'env' in e.from ? src.env[e.from.env] : src.readFile(path.resolve(src.recipeDir, e.from.file))?.split('\n')[0];
    if (value === undefined || value === '') missing.push(`${e.what} (${'env' in e.from ? `$${e.from.env}` : e.from.file})`);
    else values.push(value);
  }
  return { values, missing };
}
