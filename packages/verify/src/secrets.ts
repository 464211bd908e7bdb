/**
 * The recipe's secret values, read as the build reads them (core's readSecretValues), so
 * verify can look for them in the image. They are canaries: searched for, never printed,
 * never put on a command line. An empty value cannot be searched for: it counts as missing.
 */
import { readSecretValues } from '@tib/core';
import type { Plan, SecretReader } from '@tib/core';

export function secretValuesFor(plan: Plan, reader: SecretReader): { values: string[]; missing: string[] } {
  const read = readSecretValues(plan, reader);
  const values = [...read.values.values()].filter((v) => v !== '');
  const missing = plan.dib.environment.flatMap((e) =>
    e.kind === 'secret' && !(read.values.get(e.name) ?? '') ? [`${e.what} (${'env' in e.from ? `$${e.from.env}` : e.from.file})`] : [],
  );
  return { values, missing };
}
