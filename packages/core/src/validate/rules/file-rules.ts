import type { Diagnostic } from '../../diagnostics/diagnostic';
import { recipeHostFiles, resolveRecipePath } from '../../facts/host-files';
import type { RuleContext } from './rule';
import { rule } from './rule';

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

export const filesExist = rule('filesExist', (ctx: RuleContext) => {
  const { recipe, locator, host, missingFileSeverity } = ctx;
  const out: Diagnostic[] = [];
  for (const ref of recipeHostFiles(recipe)) {
    const resolved = resolveRecipePath(locator, ref.at, ref.written);
    if (host.fileExists(resolved)) continue;
    const where = missingFileSeverity === 'warning' ? ' here; the build checks again on its host' : '';
    out.push(locator.diagnostic('TIB3016', ref.at, `${ref.kind} '${resolved}' does not exist${where}`, { severity: missingFileSeverity }));
  }
  return out;
});
