import type { ResolvedRecipe, ServedDatastore } from '../resolve/resolved';

/** Served datastores whose container image tib builds from the distribution's packages. */
export function builtImages(r: ResolvedRecipe): ServedDatastore[] {
  return r.served.filter((d) => d.source === 'packages');
}

/** True when the image carries container images for Docker to load at first boot. */
export function preloadsImages(r: ResolvedRecipe): boolean {
  return r.datastore.images.length > 0 || builtImages(r).length > 0;
}
