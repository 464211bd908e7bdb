import { memoryHost, validateRecipe } from '../src';
import type { Diagnostic } from '../src';
import { dump } from 'js-yaml';

/** A minimal valid recipe; tests override parts of it. */
export const BASE_RECIPE = {
  tib: 1,
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};

type Json = Record<string, unknown>;

/** Deep-merges plain objects (arrays and scalars replace), like recipe overlays. */
export function with_(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? with_(b as Json, v as Json) : v;
  }
  return out;
}

/** Removes keys given as dotted paths. */
export function without(base: Json, ...paths: string[]): Json {
  const out = JSON.parse(JSON.stringify(base)) as Json;
  for (const p of paths) {
    const keys = p.split('.');
    let node: Json = out;
    for (const k of keys.slice(0, -1)) node = node[k] as Json;
    delete node[keys[keys.length - 1] as string];
  }
  return out;
}

export function validateObject(recipe: Json, files: Record<string, string> = {}): Diagnostic[] {
  return validateText(dump(recipe), files);
}

export function validateText(text: string, files: Record<string, string> = {}): Diagnostic[] {
  return validateRecipe('r.yaml', memoryHost({ 'r.yaml': text, ...files })).diagnostics;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}${d.severity === 'warning' ? '(w)' : ''}`);
}
