import type { ResolvedRecipe } from '../resolve/resolved';
import type { PlanInput } from './plan-types';

/** The file name the base image has in tib's cache and in DIB's view. */
export function baseImageFileName(r: ResolvedRecipe): string {
  const from = r.image.path?.path ?? r.image.url ?? '';
  const name = from.split('/').pop() ?? '';
  return name === '' ? `${r.release.distro}-${r.release.release}-${r.arch}.img` : name;
}

/** Every host file the build reads, with its checksum when the recipe gives one. */
export function planInputs(r: ResolvedRecipe): PlanInput[] {
  return r.hostFiles.flatMap((f) =>
    f.role === 'secret' ? [] : [{ id: f.id, role: f.role, kind: f.kind, path: f.path, ...(f.sha256 ? { sha256: f.sha256 } : {}) }],
  );
}
