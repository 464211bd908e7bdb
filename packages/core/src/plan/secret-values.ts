/**
 * The one reading of a plan's secrets, shared by `tib run` (which passes them to DIB) and
 * `tib verify` (which searches the image for them as canaries). Both must see the value
 * the compiled script sees: {env: NAME} verbatim, {file: PATH} relative to the top
 * recipe's directory, first line without its newline (the script's `read -r`).
 * Pure: the environment and the bounded file reader come from the caller.
 */
import * as path from 'node:path';
import type { Plan, SecretSource } from './plan-types';

export type SecretFileRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'missing' | 'unreadable' | 'refused'; readonly message: string };

export interface SecretReader {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads an absolute path: regular files only, bounded by MAX_SECRET_BYTES. */
  readonly readFile: (absolutePath: string) => SecretFileRead;
  /** The top recipe's directory, which {file} references are relative to. */
  readonly recipeDir: string;
}

export interface SecretProblem {
  /** Target variable (REG_PASSWORD …). */
  readonly name: string;
  /** What the secret is for, in words. */
  readonly what: string;
  readonly from: SecretSource;
  /** unset: {env} variable not set; missing/unreadable/refused: the {file} reference. */
  readonly reason: 'unset' | 'missing' | 'unreadable' | 'refused';
  readonly message: string;
}

export interface SecretValues {
  /** Target variable → value. Never printed, never stored. */
  readonly values: ReadonlyMap<string, string>;
  readonly problems: readonly SecretProblem[];
}

export function readSecretValues(plan: Plan, reader: SecretReader): SecretValues {
  const values = new Map<string, string>();
  const problems: SecretProblem[] = [];
  for (const e of plan.dib.environment) {
    if (e.kind !== 'secret') continue;
    if ('env' in e.from) {
      const v = reader.env[e.from.env];
      if (v === undefined) {
        problems.push({
          name: e.name,
          what: e.what,
          from: e.from,
          reason: 'unset',
          message: `environment variable ${e.from.env} is not set`,
        });
      } else {
        values.set(e.name, v);
      }
      continue;
    }
    const read = reader.readFile(path.resolve(reader.recipeDir, e.from.file));
    if (read.ok) values.set(e.name, read.text.split('\n')[0] ?? '');
    else problems.push({ name: e.name, what: e.what, from: e.from, reason: read.reason, message: read.message });
  }
  return { values, problems };
}

/** How a secret's reference reads in the recipe: {env: NAME} or {file: PATH}. */
export function secretReference(from: SecretSource): string {
  return 'env' in from ? `{env: ${from.env}}` : `{file: ${from.file}}`;
}
