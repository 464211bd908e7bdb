import type { GuestModel, Series, TroveRelease } from '../catalog/agents';
import { DISTRO_AGENT_PACKAGES, elMajor, NEWEST_SERIES, RDO_BUILDS, seriesFromRef, troveRelease } from '../catalog/agents';
import { findRelease, releaseKey } from '../catalog/distros';
import type { DistroRelease, Family } from '../catalog/distros';
import type { Datastore } from '../catalog/datastores';
import type { KeyPath } from '../diagnostics/diagnostic';
import type { Recipe } from '../types/recipe.generated';

/**
 * What can be known about a recipe before full resolution: its distribution release,
 * the guest agent's Trove release and the guest model. Rules and resolution share it,
 * so the agent-release ↔ runtime logic exists once.
 */
export interface RecipeFacts {
  readonly release?: DistroRelease;
  /** The agent's Trove release, when tib can know it. */
  readonly agent?: TroveRelease;
  /** How the agent release was determined, for messages. */
  readonly agentVia?: string;
  /** The guest model implied by the agent release. */
  readonly agentModel?: GuestModel;
  /** The model the image will have: `datastore.runtime`, else the agent's. */
  readonly model?: GuestModel;
  /** Set when a git ref names a series different from guestagent.release. */
  readonly refSeries?: Series | 'master';
}

export function deriveFacts(recipe: Recipe): RecipeFacts {
  const release = findRelease(recipe.base.distro, recipe.base.release);
  const agentInfo = agentSeries(recipe, release);
  const agent = agentInfo.series ? troveRelease(agentInfo.series) : undefined;
  const model = recipe.datastore.runtime ?? agent?.model;
  return {
    ...(release ? { release } : {}),
    ...(agent ? { agent, agentVia: agentInfo.via, agentModel: agent.model } : {}),
    ...(model ? { model } : {}),
    ...(agentInfo.refSeries ? { refSeries: agentInfo.refSeries } : {}),
  };
}

function agentSeries(recipe: Recipe, release: DistroRelease | undefined): { series?: Series; via?: string; refSeries?: Series | 'master' } {
  const ga = recipe.guestagent;
  switch (ga.source) {
    case 'package': {
      const pkg = release ? DISTRO_AGENT_PACKAGES[releaseKey(release)] : undefined;
      return pkg ? { series: pkg.series, via: `${release?.title} ships trove-guestagent ${pkg.version} (${pkg.series})` } : {};
    }
    case 'rdo': {
      const el = release ? elMajor(release.distro, release.release) : undefined;
      if (!ga.release) return {};
      const built = el ? RDO_BUILDS[el][ga.release as Series] : undefined;
      return { series: ga.release as Series, via: built ? `RDO ${ga.release} builds openstack-trove ${built}` : `RDO ${ga.release}` };
    }
    case 'git': {
      const ref = ga.ref ?? 'master';
      const fromRef = seriesFromRef(ref);
      if (ga.release) {
        return { series: ga.release as Series, via: `guestagent.release: ${ga.release}`, ...(fromRef ? { refSeries: fromRef } : {}) };
      }
      if (fromRef === 'master') return { series: NEWEST_SERIES, via: `git ref ${ref} (the newest series, ${NEWEST_SERIES})` };
      if (fromRef) return { series: fromRef, via: `git ref ${ref}` };
      return {};
    }
    case 'local':
      return ga.release ? { series: ga.release as Series, via: `guestagent.release: ${ga.release}` } : {};
  }
}

/** The package family of a distribution, known before its release is. */
export function familyOf(distro: string): Family {
  return distro === 'debian' || distro === 'ubuntu' ? 'deb' : 'rpm';
}

/** A datastore the image serves, as the recipe names it: `datastore` itself, then each of `datastore.also`. */
export interface ServedRef {
  readonly type: Datastore;
  readonly version?: string;
  readonly image: 'registry' | 'packages';
  /** Where it is written: ['datastore'] or ['datastore', 'also', i]. */
  readonly at: KeyPath;
}

export function servedDatastores(recipe: Recipe): ServedRef[] {
  const d = recipe.datastore;
  const first: ServedRef = {
    type: d.type as Datastore,
    ...(d.version ? { version: d.version } : {}),
    image: d.image ?? 'registry',
    at: ['datastore'],
  };
  return [
    first,
    ...(d.also ?? []).map((a, i): ServedRef => ({
      type: a.type as Datastore,
      ...(a.version ? { version: a.version } : {}),
      image: a.image ?? 'registry',
      at: ['datastore', 'also', i],
    })),
  ];
}
