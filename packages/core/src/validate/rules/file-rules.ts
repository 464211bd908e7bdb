import type { Diagnostic, KeyPath } from '../../diagnostics/diagnostic';
import type { Recipe } from '../../types/recipe.generated';
import type { RuleContext } from './rule';
import { resolveRecipePath, rule } from './rule';

/** tib verifies these files before DIB sees them, so it needs their checksums. */
export const sha256Required = rule('sha256Required', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  const image = recipe.base.image;
  if (image?.source === 'local' && image.path !== undefined && image.sha256 === undefined) {
    out.push(
      locator.diagnostic(
        'TIB3015',
        ['base', 'image'],
        'base.image.source: local needs base.image.sha256 (tib verifies the file before DIB sees it; DIB itself never does)',
        { part: 'key', hint: 'sha256sum <file> prints it' },
      ),
    );
  }
  if (recipe.datastore.package && recipe.datastore.package.sha256 === undefined) {
    out.push(
      locator.diagnostic('TIB3015', ['datastore', 'package'], 'datastore.package needs sha256', {
        part: 'key',
        hint: 'sha256sum <file> prints it',
      }),
    );
  }
  (recipe.datastore.images ?? []).forEach((img, i) => {
    if (img.sha256 === undefined)
      out.push(
        locator.diagnostic('TIB3015', ['datastore', 'images', i], `datastore.images[${i}] (${img.file}) needs sha256`, {
          hint: 'sha256sum <file> prints it',
        }),
      );
  });
  return out;
});

/** Every host file a recipe names, with the key path that names it. */
export function referencedFiles(recipe: Recipe): { at: KeyPath; value: string; kind: 'file' | 'directory' }[] {
  const refs: { at: KeyPath; value: string; kind: 'file' | 'directory' }[] = [];
  const image = recipe.base.image;
  if (image?.source === 'local' && image.path) refs.push({ at: ['base', 'image', 'path'], value: image.path, kind: 'file' });
  if (recipe.datastore.package) refs.push({ at: ['datastore', 'package', 'file'], value: recipe.datastore.package.file, kind: 'file' });
  (recipe.datastore.images ?? []).forEach((img, i) => refs.push({ at: ['datastore', 'images', i, 'file'], value: img.file, kind: 'file' }));
  if (recipe.guestagent.source === 'local' && recipe.guestagent.path)
    refs.push({ at: ['guestagent', 'path'], value: recipe.guestagent.path, kind: 'directory' });
  (recipe.access?.sshKeys ?? []).forEach((k, i) => {
    if (typeof k !== 'string') refs.push({ at: ['access', 'sshKeys', i, 'file'], value: k.file, kind: 'file' });
  });
  (recipe.system?.repositories ?? []).forEach((r, i) => {
    if (r.key?.file) refs.push({ at: ['system', 'repositories', i, 'key', 'file'], value: r.key.file, kind: 'file' });
  });
  (recipe.elements?.paths ?? []).forEach((p, i) => refs.push({ at: ['elements', 'paths', i], value: p, kind: 'directory' }));
  return refs;
}

export const filesExist = rule('filesExist', (ctx: RuleContext) => {
  const { recipe, locator, host, missingFileSeverity } = ctx;
  const out: Diagnostic[] = [];
  for (const ref of referencedFiles(recipe)) {
    const resolved = resolveRecipePath(locator, ref.at, ref.value);
    if (host.fileExists(resolved)) continue;
    const where = missingFileSeverity === 'warning' ? ' here; the build checks again on its host' : '';
    out.push(locator.diagnostic('TIB3016', ref.at, `${ref.kind} '${resolved}' does not exist${where}`, { severity: missingFileSeverity }));
  }
  return out;
});
