import { agentDefects } from '../../catalog/agent-defects';
import { CONTAINER_DATASTORES, versionMatches } from '../../catalog/datastores';
import { releaseKey } from '../../catalog/distros';
import { PACKAGED_IMAGES, packagedImage } from '../../catalog/packaged-images';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { servedDatastores } from '../../facts/recipe-facts';
import { rule } from './rule';

/** image and also describe container images; a native image installs one datastore. */
export const servedOnlyContainer = rule('servedOnlyContainer', ({ recipe, facts, locator }) => {
  if (facts.model !== 'native') return [];
  const out: Diagnostic[] = [];
  for (const field of ['image', 'also'] as const) {
    if (recipe.datastore[field] === undefined) continue;
    out.push(
      locator.diagnostic(
        'TIB3031',
        ['datastore', field],
        `datastore.${field} describes container images, but this image uses the native model: the database is installed from packages, one per image`,
        { part: 'key' },
      ),
    );
  }
  return out;
});

/** `image: packages` needs a release whose packages tib can build that datastore from, at that version. */
export const packagedImageAvailable = rule('packagedImageAvailable', ({ recipe, facts, locator }) => {
  if (facts.model !== 'container' || !facts.release) return [];
  const release = facts.release;
  const out: Diagnostic[] = [];
  for (const d of servedDatastores(recipe)) {
    if (d.image !== 'packages' || !CONTAINER_DATASTORES[d.type]) continue;
    const built = packagedImage(releaseKey(release), d.type);
    if (!built) {
      const where = Object.entries(PACKAGED_IMAGES)
        .filter(([, images]) => images[d.type])
        .map(([key, images]) => `${key} (${images[d.type]?.version})`);
      out.push(
        locator.diagnostic('TIB3032', [...d.at, 'image'], `tib cannot build a ${d.type} container image from ${release.title}'s packages`, {
          hint: where.length > 0 ? `it can from: ${where.join(', ')}; or use image: registry` : 'use image: registry (the agent pulls it)',
        }),
      );
    } else if (d.version !== undefined && !versionMatches(built.version, d.version) && !versionMatches(d.version, built.version)) {
      out.push(
        locator.diagnostic(
          'TIB3032',
          [...d.at, 'version'],
          `${release.title} packages ${d.type} ${built.version}, so an image built from its packages is ${d.type} ${built.version}, not ${d.version}`,
          { hint: `write version: "${built.version}", or use image: registry for ${d.version}` },
        ),
      );
    }
  }
  return out;
});

/** The same datastore version twice would register one image twice for it. */
export const servedOnce = rule('servedOnce', ({ recipe, facts, locator }) => {
  if (facts.model !== 'container') return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of servedDatastores(recipe)) {
    const key = `${d.type} ${d.version ?? ''}`;
    if (seen.has(key))
      out.push(locator.diagnostic('TIB3033', d.at, `${d.type} ${d.version ?? '(default version)'} is already served by this image`));
    seen.add(key);
  }
  return out;
});

/** Known defects of the agent with a served datastore: warn, with what will fail. */
export const agentDefectsWarned = rule('agentDefectsWarned', ({ recipe, facts, locator }) => {
  if (!facts.agent || !facts.release || recipe.guestagent.source !== 'package') return [];
  const modules = facts.release.pythonModules ?? {};
  const served = facts.model === 'container' ? servedDatastores(recipe) : servedDatastores(recipe).slice(0, 1);
  const out: Diagnostic[] = [];
  for (const d of served) {
    for (const defect of agentDefects(facts.agent.major, [d.type], modules)) {
      out.push(
        locator.diagnostic(
          'TIB3034',
          [...d.at, 'type'],
          `${facts.release.title}'s Trove ${facts.agent.major} agent with ${d.type}: ${defect.what}`,
          {
            hint: 'an agent of Trove 20 or newer (guestagent.source: git, or a newer distribution release) does not have it',
          },
        ),
      );
    }
  }
  return out;
});
