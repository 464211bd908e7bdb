import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where tib's own elements, controller templates, schemas and controller helper are. Two
 * layouts carry them: the installed package (scripts/pack.js), where the code sits in
 * dist/ beside elements/ and controller/, and the repository, where it sits in
 * packages/cli/dist/ and the helper in packages/verify/controller/. TIB_HOME names
 * either kind of root explicitly.
 */
export function tibRoot(env: NodeJS.ProcessEnv): string {
  const fromEnv = env['TIB_HOME'];
  if (fromEnv) return fromEnv;
  const packageRoot = path.resolve(__dirname, '..');
  if (fs.existsSync(path.join(packageRoot, 'elements'))) return packageRoot;
  return path.resolve(__dirname, '..', '..', '..');
}

let cachedVersion: string | undefined;

/** The version in the package.json above dist/: packages/cli's, or the installed package's (the same number). */
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
  const packaged = path.join(root, 'controller');
  const controllerHelper = fs.existsSync(packaged) ? packaged : path.join(root, 'packages', 'verify', 'controller');
  return { root, elementsDir: path.join(root, 'elements'), controllerHelper };
}
