import type { Plan, PlanElement } from '@tib/core';
import type { RunPaths } from './run-paths';
import { inputPath } from './run-paths';
import type { BuildHost } from './host';

export interface DibInfo {
  readonly command: string;
  readonly version: string;
  /** DIB's own element directory. */
  readonly elementsDir?: string;
}

/**
 * Finds disk-image-create, its version, and its element directory (asked of the Python
 * that runs it, as the compiled script does).
 */
export function findDib(host: BuildHost): DibInfo | undefined {
  const command = host.which('disk-image-create');
  if (!command) return undefined;
  const probe = host.exec(command, ['--version']);
  const version = /^\d+(\.\d+)+/.exec(probe.stdout.trim())?.[0] ?? 'unknown';
  const firstLine = (host.readFile(command) ?? '').split('\n')[0] ?? '';
  const words = firstLine.replace(/^#!/, '').trim().split(/\s+/);
  let python = words[0] || 'python3';
  if (python.endsWith('/env') && words[1]) python = words[1];
  const dirProbe = host.exec(python, [
    '-c',
    'import diskimage_builder, os; print(os.path.join(os.path.dirname(diskimage_builder.__file__), "elements"))',
  ]);
  const elementsDir = dirProbe.status === 0 ? dirProbe.stdout.trim() : undefined;
  return { command, version, ...(elementsDir ? { elementsDir } : {}) };
}

/** Compares dotted versions numerically (3.13.0 < 3.36.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Where an element is found: the first element directory that has it. */
export function locateElement(name: string, dirs: readonly string[], host: BuildHost): string | undefined {
  for (const dir of dirs) {
    if (host.isDirectory(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

/** Where DIB looks for the plan's non-tib elements on this host: the recipe's element paths, then DIB's own. */
export function elementSearchDirs(plan: Plan, paths: RunPaths, dib: DibInfo | undefined): string[] {
  const recipeDirs = plan.inputs.filter((i) => i.role === 'element-path').map((i) => inputPath(paths, i));
  return [...recipeDirs, ...(dib?.elementsDir ? [dib.elementsDir] : [])];
}

/**
 * The plan's DIB and recipe elements, each found (with its directory) or missing. tib's
 * own and the rendered element come with the plan and are not looked for.
 */
export function locatePlanElements(
  plan: Plan,
  dirs: readonly string[],
  host: BuildHost,
): { found: Map<string, string>; missing: PlanElement[] } {
  const found = new Map<string, string>();
  const missing: PlanElement[] = [];
  for (const e of plan.dib.elements) {
    if (e.origin === 'tib' || e.origin === 'rendered') continue;
    const where = locateElement(e.name, dirs, host);
    if (where) found.set(e.name, where);
    else missing.push(e);
  }
  return { found, missing };
}

/**
 * DIB's version for the up-to-date check, without starting Python when the
 * disk-image-create found on PATH is the very file the last build recorded.
 */
export function dibVersionFor(
  host: BuildHost,
  recorded: { version: string; binary?: { path: string; size: number; mtimeMs: number } } | undefined,
): string {
  const command = host.which('disk-image-create');
  if (!command) return 'none';
  const st = host.stat(command);
  const b = recorded?.binary;
  if (b && st && b.path === command && b.size === st.size && b.mtimeMs === st.mtimeMs) return recorded.version;
  return findDib(host)?.version ?? 'none';
}
