import type { KeyPath } from '../diagnostics/diagnostic';
import type { Recipe } from '../types/recipe.generated';
import { valueAt } from '../util/key-path';

/** The recipe fields that hold a secret by reference ({env: NAME} or {file: PATH}). */
export const SECRET_FIELDS: readonly KeyPath[] = [
  ['access', 'password'],
  ['rhel', 'subscription', 'password'],
  ['rhel', 'subscription', 'activationKey'],
];

export interface SecretField {
  readonly at: KeyPath;
  readonly env?: string;
  readonly file?: string;
}

/** The secret references a recipe makes, each with where it is written. */
export function secretFields(recipe: Recipe): SecretField[] {
  const out: SecretField[] = [];
  for (const at of SECRET_FIELDS) {
    const ref = valueAt(recipe, at);
    if (typeof ref !== 'object' || ref === null) continue;
    const { env, file } = ref as { env?: unknown; file?: unknown };
    out.push({ at, ...(typeof env === 'string' ? { env } : {}), ...(typeof file === 'string' ? { file } : {}) });
  }
  return out;
}
