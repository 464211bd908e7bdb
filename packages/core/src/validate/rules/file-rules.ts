import type { Diagnostic, KeyPath } from '../../diagnostics/diagnostic';
import { MAX_SECRET_BYTES } from '../../limits';
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

interface FileRef {
  readonly at: KeyPath;
  readonly value: string;
  readonly kind: 'file' | 'directory';
  /** Secrets and keys are small; tib and the script read at most this much of them. */
  readonly maxBytes?: number;
  /** A secret file is looked for when the build runs (its absence is a pre-flight error). */
  readonly secret?: true;
}

/** Every host file a recipe names, with the key path that names it. */
export function referencedFiles(recipe: Recipe): FileRef[] {
  const refs: FileRef[] = [];
  const image = recipe.base.image;
  if (image?.source === 'local' && image.path) refs.push({ at: ['base', 'image', 'path'], value: image.path, kind: 'file' });
  if (recipe.datastore.package) refs.push({ at: ['datastore', 'package', 'file'], value: recipe.datastore.package.file, kind: 'file' });
  (recipe.datastore.images ?? []).forEach((img, i) => refs.push({ at: ['datastore', 'images', i, 'file'], value: img.file, kind: 'file' }));
  if (recipe.guestagent.source === 'local' && recipe.guestagent.path)
    refs.push({ at: ['guestagent', 'path'], value: recipe.guestagent.path, kind: 'directory' });
  (recipe.access?.sshKeys ?? []).forEach((k, i) => {
    if (typeof k !== 'string') refs.push({ at: ['access', 'sshKeys', i, 'file'], value: k.file, kind: 'file', maxBytes: MAX_SECRET_BYTES });
  });
  (recipe.system?.repositories ?? []).forEach((r, i) => {
    if (r.key?.file)
      refs.push({ at: ['system', 'repositories', i, 'key', 'file'], value: r.key.file, kind: 'file', maxBytes: MAX_SECRET_BYTES });
  });
  (recipe.elements?.paths ?? []).forEach((p, i) => refs.push({ at: ['elements', 'paths', i], value: p, kind: 'directory' }));
  const secret = (at: KeyPath, ref: unknown) => {
    if (typeof ref === 'object' && ref !== null && 'file' in ref && typeof ref.file === 'string')
      refs.push({ at: [...at, 'file'], value: ref.file, kind: 'file', maxBytes: MAX_SECRET_BYTES, secret: true });
  };
  secret(['access', 'password'], recipe.access?.password);
  secret(['rhel', 'subscription', 'password'], recipe.rhel?.subscription?.password);
  secret(['rhel', 'subscription', 'activationKey'], recipe.rhel?.subscription?.activationKey);
  return refs;
}

export const filesExist = rule('filesExist', (ctx: RuleContext) => {
  const { recipe, locator, host, missingFileSeverity } = ctx;
  const out: Diagnostic[] = [];
  for (const ref of referencedFiles(recipe)) {
    const resolved = resolveRecipePath(locator, ref.at, ref.value);
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
    if (ref.secret) continue;
    const where = missingFileSeverity === 'warning' ? ' here; the build checks again on its host' : '';
    out.push(locator.diagnostic('TIB3016', ref.at, `${ref.kind} '${resolved}' does not exist${where}`, { severity: missingFileSeverity }));
  }
  return out;
});
