import { CONTAINER_DATASTORES, DATASTORES, versionMatches } from '../../catalog/datastores';
import type { Datastore } from '../../catalog/datastores';
import { nativeRefusal, support } from '../../catalog/matrix';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { servedDatastores } from '../../facts/recipe-facts';
import type { ServedRef } from '../../facts/recipe-facts';
import { rule } from './rule';
import type { RuleContext } from './rule';

/**
 * The datastores a recipe's image serves, each with where it is written: the container
 * model checks every one, the native model only `datastore` (`also` is refused there).
 */
function checked(ctx: RuleContext): ServedRef[] {
  const all = servedDatastores(ctx.recipe);
  return ctx.facts.model === 'container' ? all : all.slice(0, 1);
}

/** Trove 14+ agents only manage mysql, mariadb and postgresql (in containers). */
export const datastoreInAgent = rule('datastoreInAgent', (ctx) => {
  const { facts, locator } = ctx;
  if (facts.model !== 'container') return [];
  const agent = facts.agent ? `Trove ${facts.agent.major} (${facts.agent.series})` : 'a container-model agent';
  return checked(ctx)
    .filter((d) => !CONTAINER_DATASTORES[d.type])
    .map((d) =>
      locator.diagnostic(
        'TIB3004',
        [...d.at, 'type'],
        `${agent} has no ${d.type} manager: container-model agents manage mysql, mariadb and postgresql only`,
        {
          hint: `${d.type} needs a native-model agent (up to ussuri) on a release the native matrix supports (see tib matrix)`,
        },
      ),
    );
});

/** The support matrix: datastore × distribution release × guest model. */
export const datastoreSupported = rule('datastoreSupported', (ctx) => {
  const { facts, locator } = ctx;
  if (!facts.release || !facts.model) return [];
  if (facts.agent && facts.agent.model !== facts.model) return []; // runtimeMatchesAgent says it
  const release = facts.release;
  const model = facts.model;
  const out: Diagnostic[] = [];
  for (const d of checked(ctx)) {
    if (model === 'container' && !CONTAINER_DATASTORES[d.type]) continue; // datastoreInAgent says it
    if (d.image === 'packages') continue; // packagedImageAvailable says it
    const s = support(d.type, release, model, facts.agent?.series);
    if (!s.ok)
      out.push(
        locator.diagnostic('TIB3002', [...d.at, 'type'], `${d.type} (${model} model) is not supported on ${release.title}: ${s.reason}`),
      );
  }
  return out;
});

export const datastoreVersionKnown = rule('datastoreVersionKnown', (ctx) => {
  const { facts, locator } = ctx;
  if (!facts.release || !facts.model) return [];
  const out: Diagnostic[] = [];
  for (const d of checked(ctx)) {
    if (d.version === undefined || d.image === 'packages') continue;
    const s = support(d.type, facts.release, facts.model, facts.agent?.series);
    if (!s.ok || s.versions.includes('user')) continue;
    if (s.versions.some((v) => versionMatches(d.version ?? '', v))) continue;
    const refused = facts.model === 'native' ? nativeRefusal(d.type, facts.release, d.version) : undefined;
    if (refused) {
      out.push(
        locator.diagnostic(
          'TIB3003',
          [...d.at, 'version'],
          `${d.type} ${d.version} cannot run under a native-era agent and controller on ${facts.release.title}: ${refused}`,
          { hint: `available: ${s.versions.join(', ')}` },
        ),
      );
      continue;
    }
    const scope =
      facts.model === 'container'
        ? `the Trove ${facts.agent?.major ?? ''} (${facts.agent?.series ?? 'newest'}) agent`.replace('  ', ' ')
        : facts.release.title;
    out.push(
      locator.diagnostic(
        'TIB3003',
        [...d.at, 'version'],
        `${d.type} ${d.version} is not in the catalog for ${scope} (${facts.model} model)`,
        {
          hint: `available: ${s.versions.join(', ')} (patch versions such as ${s.versions[0]}.1 are accepted)`,
        },
      ),
    );
  }
  return out;
});

export const vendorPackageFits = rule('vendorPackageFits', ({ recipe, locator }) => {
  const type = recipe.datastore.type as Datastore;
  const need = DATASTORES[type].vendorPackage;
  const pkg = recipe.datastore.package;
  if (need === 'required' && !pkg) {
    return [
      locator.diagnostic(
        'TIB3018',
        ['datastore'],
        `${type} is not in any public repository: datastore.package must name the vendor's package file and its sha256`,
        { part: 'key' },
      ),
    ];
  }
  if (need === 'none' && pkg) {
    return [
      locator.diagnostic(
        'TIB3018',
        ['datastore', 'package'],
        `datastore.package is only for vendor-supplied datastores (vertica, db2, or couchbase offline); ${type} comes from a repository`,
        { part: 'key' },
      ),
    ];
  }
  if (pkg && recipe.datastore.runtime === 'container') {
    return [
      locator.diagnostic(
        'TIB3018',
        ['datastore', 'package'],
        'datastore.package installs a database into the image, which the container model never does',
        { part: 'key' },
      ),
    ];
  }
  return [];
});

export const imagesOnlyContainer = rule('imagesOnlyContainer', ({ recipe, facts, locator }) => {
  if (!recipe.datastore.images || recipe.datastore.images.length === 0 || facts.model !== 'native') return [];
  return [
    locator.diagnostic(
      'TIB3019',
      ['datastore', 'images'],
      'datastore.images preloads container images, but this image uses the native model (the database is installed from packages)',
      { part: 'key' },
    ),
  ];
});

/** paths and autostart describe a natively installed database; containers have neither. */
export const nativeOnlyFields = rule('nativeOnlyFields', ({ recipe, facts, locator }) => {
  if (facts.model !== 'container') return [];
  const out: Diagnostic[] = [];
  for (const field of ['paths', 'autostart'] as const) {
    if (recipe.datastore[field] !== undefined) {
      out.push(
        locator.diagnostic(
          'TIB3028',
          ['datastore', field],
          `datastore.${field} applies to natively installed databases; in the container model the agent creates and starts the container itself`,
          { part: 'key' },
        ),
      );
    }
  }
  return out;
});

export const autostartDiscouraged = rule('autostartDiscouraged', ({ recipe, facts, locator }) => {
  if (recipe.datastore.autostart !== true || facts.model === 'container') return [];
  return [
    locator.diagnostic(
      'TIB3027',
      ['datastore', 'autostart'],
      'the database will start at boot with the packaged configuration, before the guest agent has configured it; Trove expects to start it itself',
    ),
  ];
});
