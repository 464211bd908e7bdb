import { posix as path } from 'node:path';
import type { KeyPath } from '../diagnostics/diagnostic';
import type { Locator } from '../load/locate';
import { MAX_SECRET_BYTES } from '../limits';
import { secretFields } from './secret-fields';
import type { Recipe } from '../types/recipe.generated';

/** What a host file named by a recipe is for; also the plan input's role. */
export type HostFileRole =
  | 'base-image'
  | 'datastore-package'
  | 'image-archive'
  | 'ssh-key'
  | 'agent-tree'
  | 'repository-key'
  | 'element-path'
  /** A {file: PATH} secret: read when the build runs, never an input of the plan. */
  | 'secret';

/** A file or directory on the build host that a recipe names. */
export interface HostFileRef {
  /** Stable id: the plan input's id and the suffix of its TIB_INPUT_* variable. */
  readonly id: string;
  readonly role: HostFileRole;
  readonly kind: 'file' | 'directory';
  readonly at: KeyPath;
  /** As written in the recipe. */
  readonly written: string;
  /** The sha256 the recipe gives for it, if any. */
  readonly sha256?: string;
  /** Secrets and keys are small: tib and the build script read at most this much of them. */
  readonly maxBytes?: number;
}

/** A host path named by the recipe, resolved against the file that named it. */
export interface HostPath {
  /** As written in the recipe. */
  readonly written: string;
  /** Relative to the top recipe's directory (or absolute), for scripts and plans. */
  readonly path: string;
  readonly at: KeyPath;
}

/**
 * Every host file a recipe names, in the order the build verifies them. The one list
 * behind the existence rule, the resolved recipe's paths and the plan's inputs.
 */
export function recipeHostFiles(recipe: Recipe): HostFileRef[] {
  const refs: HostFileRef[] = [];
  const add = (ref: HostFileRef) => refs.push(ref);
  const image = recipe.base.image;
  if (image?.source === 'local' && image.path) {
    add({
      id: 'base-image',
      role: 'base-image',
      kind: 'file',
      at: ['base', 'image', 'path'],
      written: image.path,
      ...(image.sha256 ? { sha256: image.sha256 } : {}),
    });
  }
  const pkg = recipe.datastore.package;
  if (pkg) {
    const sha = pkg.sha256 ? { sha256: pkg.sha256 } : {};
    add({
      id: 'datastore-package',
      role: 'datastore-package',
      kind: 'file',
      at: ['datastore', 'package', 'file'],
      written: pkg.file,
      ...sha,
    });
  }
  (recipe.datastore.images ?? []).forEach((img, i) =>
    add({
      id: `image-archive-${i}`,
      role: 'image-archive',
      kind: 'file',
      at: ['datastore', 'images', i, 'file'],
      written: img.file,
      ...(img.sha256 ? { sha256: img.sha256 } : {}),
    }),
  );
  const ga = recipe.guestagent;
  if (ga.source === 'local' && ga.path)
    add({ id: 'agent-tree', role: 'agent-tree', kind: 'directory', at: ['guestagent', 'path'], written: ga.path });
  (recipe.access?.sshKeys ?? []).forEach((k, i) => {
    if (typeof k !== 'string')
      add({
        id: `ssh-key-${i}`,
        role: 'ssh-key',
        kind: 'file',
        at: ['access', 'sshKeys', i, 'file'],
        written: k.file,
        maxBytes: MAX_SECRET_BYTES,
      });
  });
  (recipe.system?.repositories ?? []).forEach((r, i) => {
    if (r.key?.file) {
      add({
        id: `repo-key-${r.name}`,
        role: 'repository-key',
        kind: 'file',
        at: ['system', 'repositories', i, 'key', 'file'],
        written: r.key.file,
        maxBytes: MAX_SECRET_BYTES,
      });
    }
  });
  (recipe.elements?.paths ?? []).forEach((p, i) =>
    add({ id: `element-path-${i}`, role: 'element-path', kind: 'directory', at: ['elements', 'paths', i], written: p }),
  );
  for (const { at, file } of secretFields(recipe)) {
    if (file === undefined) continue;
    add({ id: `secret-${at.join('-')}`, role: 'secret', kind: 'file', at: [...at, 'file'], written: file, maxBytes: MAX_SECRET_BYTES });
  }
  return refs;
}

/**
 * Resolves a path written in the recipe relative to the file that set it (a value from
 * an `extends` base is relative to that base), as tib does when it builds.
 */
export function resolveRecipePath(locator: Locator, at: KeyPath, value: string): string {
  if (path.isAbsolute(value)) return path.normalize(value);
  const { file } = locator.where(at);
  const dir = file === '--set' ? '.' : path.dirname(file);
  return path.normalize(path.join(dir, value));
}

/**
 * Relative path from directory `from` to `to`, both normalized and relative to the same
 * (unknown) working directory. Pure: unlike path.relative it never consults the cwd.
 */
export function relativeTo(from: string, to: string): string {
  if (path.isAbsolute(to)) return to;
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common] && a[common] !== '..') common++;
  const up = a.slice(common).map(() => '..');
  const rel = [...up, ...b.slice(common)].join('/');
  return rel === '' ? '.' : rel;
}

/** Resolves a recipe path against the file that set it, then expresses it from the top recipe's directory. */
export function hostPath(locator: Locator, recipeDir: string, at: KeyPath, written: string): HostPath {
  const resolved = resolveRecipePath(locator, at, written);
  return { written, path: path.isAbsolute(resolved) ? resolved : relativeTo(recipeDir, resolved), at };
}
