/**
 * Whether golden tests rewrite their golden files (UPDATE_GOLDEN=1). Under CI that would
 * turn every golden test into a comparison of a file with itself, so it is refused there:
 * goldens are regenerated on purpose, on a developer's machine, and the diff is read.
 */
export function updatingGolden(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['UPDATE_GOLDEN'] !== '1') return false;
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false')
    throw new Error('UPDATE_GOLDEN=1 is refused under CI: golden files are regenerated on purpose, not by the pipeline');
  return true;
}
