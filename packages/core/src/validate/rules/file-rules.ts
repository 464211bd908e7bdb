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
    const st = host.stat ? host.stat(resolved) : host.fileExists(resolved) ? ({ kind: ref.kind, size: 0 } as const) : undefined;
    if (st) {
      // Anything but what is named would block (a FIFO), never end (/dev/zero) or be nonsense.
      const why =
        ref.kind === 'directory'
          ? st.kind === 'directory'
            ? undefined
            : 'is not a directory'
          : st.kind === 'directory'
            ? 'is a directory, not a file'
            : st.kind === 'other'
              ? 'is not a regular file (a device, FIFO or socket)'
              : ref.maxBytes !== undefined && st.size > ref.maxBytes
                ? `is ${st.size.toLocaleString('en')} bytes; a secret or key file is at most ${ref.maxBytes.toLocaleString('en')}`
                : undefined;
      if (why) out.push(locator.diagnostic('TIB1010', ref.at, `'${resolved}' ${why}`));
      continue;
    }
    if (ref.role === 'secret') continue;
    const where = missingFileSeverity === 'warning' ? ' here; the build checks again on its host' : '';
    out.push(locator.diagnostic('TIB3016', ref.at, `${ref.kind} '${resolved}' does not exist${where}`, { severity: missingFileSeverity }));
  }
  return out;
});
