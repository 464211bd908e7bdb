import { dump } from 'js-yaml';
import { compilePlan, memoryHost } from '@tib/core';
import type { Plan } from '@tib/core';

export const CONTAINER_RECIPE = {
  tib: 1,
  name: 'deb-container',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};

export const NATIVE_RECIPE = {
  tib: 1,
  name: 'deb-native',
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
  guestagent: { source: 'local', path: 'agent', release: 'ussuri' },
};

/** Compiles a recipe object in memory (tib's element files are absent: warnings only). */
export function planFor(recipe: Record<string, unknown>, extraFiles: Record<string, string> = {}): Plan {
  const result = compilePlan(
    { recipePath: 'recipe.yaml', elementsDir: '/no-elements', tibVersion: '0.0.0-test', set: [], mode: 'validate' },
    memoryHost({ 'recipe.yaml': dump(recipe), 'agent/setup.py': '', ...extraFiles }),
  );
  if (!result.ok) throw new Error(`recipe does not compile: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return result.plan;
}
