/**
 * Loads an ESM-only package (execa) from CommonJS code. The bundled CLI runs inside a
 * vm.Script (for its code cache), where a plain `import()` has no loader; bin/tib.js
 * installs a bridge on globalThis that imports from a normal module. Elsewhere (tests,
 * the unbundled build) the plain dynamic import is used.
 */
export function importEsm<T>(specifier: string): Promise<T> {
  const bridge = (globalThis as { __tibImportEsm?: (id: string) => Promise<unknown> }).__tibImportEsm;
  return (bridge ? bridge(specifier) : import(specifier)) as Promise<T>;
}
