import { MAX_SECRET_BYTES, readSecretValues, secretReference } from '@tib/core';
import type { Diagnostic, Plan, SecretFileRead } from '@tib/core';
import type { BuildHost } from './host';
import { readRegularFile } from './read-regular-file';

export interface ResolvedSecrets {
  /** Target variable name (REG_PASSWORD …) → value. Never printed, never stored. */
  readonly values: ReadonlyMap<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** Reads every secret the plan references, exactly as the script does at run time. */
export function resolveSecrets(plan: Plan, host: BuildHost, recipeDir: string): ResolvedSecrets {
  const read = readSecretValues(plan, { env: host.env, recipeDir, readFile: readSecretFile });
  return {
    values: read.values,
    diagnostics: read.problems.map((p) => ({
      // Absent is TIB5015 (set it and run again); a file of the wrong kind or size is the
      // same refusal as any other recipe-named file's, TIB1010.
      code: p.reason === 'refused' ? 'TIB1010' : 'TIB5015',
      severity: 'error',
      file: plan.recipe.path,
      message: `${p.what}: ${p.message} (the recipe reads it from ${secretReference(p.from)})`,
    })),
  };
}

/** The bounded, regular-files-only reading every recipe-named file gets (a FIFO would hang). */
export function readSecretFile(file: string): SecretFileRead {
  const r = readRegularFile(file, MAX_SECRET_BYTES);
  if (r.ok) return { ok: true, text: r.data.toString('utf8') };
  return { ok: false, reason: r.reason === 'missing' || r.reason === 'unreadable' ? r.reason : 'refused', message: r.message };
}
