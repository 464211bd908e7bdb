import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where tib's own elements and templates are: the repository or installed package root. */
export function tibRoot(env: NodeJS.ProcessEnv): string {
  const fromEnv = env['TIB_HOME'];
  if (fromEnv) return fromEnv;
  // dist/ or src/ of packages/cli -> the repository root.
  return path.resolve(__dirname, '..', '..', '..');
}

let cachedVersion: string | undefined;

export function tibVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}

/** tib's own directories (its templates are precompiled into the code). */
export function resourceDirs(env: NodeJS.ProcessEnv): { elementsDir: string; root: string; controllerHelper: string } {
  const root = tibRoot(env);
  return { root, elementsDir: path.join(root, 'elements'), controllerHelper: path.join(root, 'packages', 'verify', 'controller') };
}
