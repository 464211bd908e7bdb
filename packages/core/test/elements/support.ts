/**
 * Compiling recipes against tib's real element directory, for the element tests: the
 * recipe (and any file it names) lives in memory, everything else is read from the
 * checkout, so the plans carry the element files as shipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { compilePlan, memoryHost } from '../../src';
import type { CompileResult, Plan, ScriptLocation, SourceHost } from '../../src';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const ELEMENTS_DIR = path.join(REPO_ROOT, 'elements');

/** A script saved beside the in-memory recipe (r.yaml): it finds the recipe in its own directory. */
export const SCRIPT_BESIDE_RECIPE: ScriptLocation = { scriptDir: '/build', recipeDir: '/build' };

/** The checkout for paths under REPO_ROOT, memory for the rest (the recipe and its files). */
export function testHost(files: Record<string, string>): SourceHost {
  const memory = memoryHost(files);
  const onDisk = (p: string) => path.isAbsolute(p) && p.startsWith(REPO_ROOT);
  return {
    readFile: (p) => (onDisk(p) ? readOrUndefined(p) : memory.readFile(p)),
    fileExists: (p) => (onDisk(p) ? fs.existsSync(p) : memory.fileExists(p)),
    listFiles: (dir) => {
      if (!onDisk(dir)) return memory.listFiles(dir);
      if (!fs.existsSync(dir)) return undefined;
      return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) =>
          path
            .relative(dir, path.join(e.parentPath ?? e.path, e.name))
            .split(path.sep)
            .join('/'),
        )
        .sort();
    },
  };
}

function readOrUndefined(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

export function compileObject(
  recipe: Record<string, unknown>,
  files: Record<string, string> = {},
  missingFileSeverity: 'warning' | 'error' = 'warning',
): CompileResult {
  return compilePlan(
    { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity },
    testHost({ 'r.yaml': dump(recipe), ...files }),
  );
}

export function planOf(recipe: Record<string, unknown>, files: Record<string, string> = {}): Plan {
  const result = compileObject(recipe, files);
  if (!result.ok) throw new Error(`recipe does not compile: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return result.plan;
}

/** The TIB_* variables of a plan, parsed back from its rendered environment.d file. */
export function variablesOf(plan: Plan): Record<string, string> {
  const env = plan.elementTree.find((f) => f.path === 'tib-recipe/environment.d/10-tib-recipe.bash');
  if (!env) throw new Error('no rendered environment.d');
  const out: Record<string, string> = {};
  for (const line of env.content.split('\n')) {
    const m = /^export ([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = unquote(m[2]);
  }
  return out;
}

function unquote(value: string): string {
  if (value.startsWith("'")) return value.slice(1, -1).replace(/'\\''/g, "'");
  return value;
}

/** Rendered files for the image: manifest lines joined with their payloads, by target path. */
export function imageFilesOf(plan: Plan): Record<string, string> {
  const manifest = plan.elementTree.find((f) => f.path === 'tib-recipe/tib-rootfs/manifest')?.content ?? '';
  const out: Record<string, string> = {};
  for (const line of manifest.split('\n').filter((l) => l !== '')) {
    const [, , , , payload, target] = line.split(' ');
    const body = plan.elementTree.find((f) => f.path === `tib-recipe/tib-rootfs/files/${payload}`)?.content;
    if (target && body !== undefined) out[target] = body;
  }
  return out;
}

export function elementNames(plan: Plan): string[] {
  return plan.dib.elements.map((e) => e.name);
}
