import type { SourceHost } from '../host';
import type { ElementSource, PlanElement } from './plan-types';

/**
 * DIB runs only executable hook scripts named `NN-name`; environment.d files are sourced
 * and must not be executable. Modes follow from the path, so the plan (and the emitted
 * script) do not depend on the file modes of the checkout tib runs from.
 */
export function modeFor(path: string): number {
  const parts = path.split('/');
  const dir = parts[parts.length - 2] ?? '';
  if (dir.endsWith('.d') && dir !== 'environment.d') return 0o755;
  if (parts.includes('bin') && parts[parts.length - 2] === 'bin') return 0o755;
  return 0o644;
}

/** Reads tib's static elements used by the plan; names the ones this tib does not ship. */
export function staticElementFiles(
  elements: readonly PlanElement[],
  host: SourceHost,
  elementsDir: string,
): { files: ElementSource[]; missing: string[] } {
  const files: ElementSource[] = [];
  const missing: string[] = [];
  for (const element of elements) {
    if (element.origin !== 'tib') continue;
    const list = host.listFiles(`${elementsDir}/${element.name}`);
    if (!list) {
      missing.push(element.name);
      continue;
    }
    for (const rel of list) {
      const content = host.readFile(`${elementsDir}/${element.name}/${rel}`);
      if (content === undefined) continue;
      const path = `${element.name}/${rel}`;
      files.push({ kind: 'text', path, mode: modeFor(path), content });
    }
  }
  return { files, missing };
}

/** DIB merges every element's phase directories; two scripts of one name stop the build. */
export function duplicateHooks(files: readonly { readonly path: string }[]): string[] {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const f of files) {
    const parts = f.path.split('/');
    if (parts.length !== 3 || !parts[1]?.endsWith('.d')) continue;
    const key = `${parts[1]}/${parts[2]}`;
    const owner = seen.get(key);
    if (owner && owner !== parts[0]) dups.push(`${key} (${owner} and ${parts[0]})`);
    seen.set(key, parts[0] ?? '');
  }
  return dups;
}
