/**
 * The support matrix: datastore × distribution release × guest model. The same function
 * answers validation (TIB3002/TIB3003/TIB3004), `tib matrix`, and element selection.
 */
import type { GuestModel, Series } from './agents';
import { NEWEST_SERIES, TROVE_RELEASES } from './agents';
import { CONTAINER_DATASTORES, containerOffer, versionMatches } from './datastores';
import type { Datastore } from './datastores';
import { DOCKER_ENGINES, NO_DOCKER_REASON } from './docker-engines';
import type { DockerEngine } from './docker-engines';
import { DISTRO_RELEASES, releaseKey } from './distros';
import type { DistroRelease } from './distros';
import { NATIVE_OFFERS } from './native-offers';
import type { NativeVersion } from './native-offers';

export type Support =
  | { readonly ok: true; readonly versions: readonly string[]; readonly defaultVersion: string; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

/** Support of a datastore on a release in a model (for the container model: with the newest agent, or `series`). */
export function support(datastore: Datastore, release: DistroRelease, model: GuestModel, series?: Series): Support {
  const key = releaseKey(release);
  if (model === 'native') {
    const cell = NATIVE_OFFERS[datastore][key];
    if (!cell) return { ok: false, reason: `tib has no native ${datastore} build for ${release.title}` };
    if ('unsupported' in cell) return { ok: false, reason: cell.unsupported };
    return {
      ok: true,
      versions: cell.versions.map((v) => v.version),
      defaultVersion: cell.defaultVersion,
      ...(cell.note ? { note: cell.note } : {}),
    };
  }
  if (!DOCKER_ENGINES[key]) return { ok: false, reason: NO_DOCKER_REASON[key] ?? `tib has no Docker engine source for ${release.title}` };
  if (!CONTAINER_DATASTORES[datastore]) {
    return {
      ok: false,
      reason: `the container-model agent (Trove 14+) has managers only for mysql, mariadb and postgresql; ${datastore} exists only in the native model (agents up to Trove 13)`,
    };
  }
  const offer = containerOffer(datastore, series ?? NEWEST_SERIES);
  if (!offer) return { ok: false, reason: `Trove ${series} does not run datastores in containers` };
  const versions = offer.versions;
  return { ok: true, versions, defaultVersion: versions[versions.length - 1] ?? '' };
}

export function nativeVersion(datastore: Datastore, release: DistroRelease, version: string): NativeVersion | undefined {
  const cell = NATIVE_OFFERS[datastore][releaseKey(release)];
  if (!cell || 'unsupported' in cell) return undefined;
  return cell.versions.find((v) => v.version === 'user' || versionMatches(version, v.version));
}

export function dockerEngine(release: DistroRelease): DockerEngine | undefined {
  return DOCKER_ENGINES[releaseKey(release)];
}

/** Container-model versions across every container-era release, for the matrix. */
export function containerVersionsAnyRelease(datastore: Datastore): string[] {
  const seen = new Set<string>();
  for (const t of TROVE_RELEASES) {
    if (t.model !== 'container') continue;
    for (const v of containerOffer(datastore, t.series)?.versions ?? []) seen.add(v);
  }
  return [...seen];
}

export interface MatrixRow {
  readonly datastore: Datastore;
  readonly distro: string;
  readonly release: string;
  readonly model: GuestModel;
  readonly supported: boolean;
  readonly versions: readonly string[];
  readonly reason?: string;
}

/** Every cell of the matrix, in a stable order. */
export function supportMatrix(datastores: readonly Datastore[]): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const datastore of datastores) {
    for (const release of DISTRO_RELEASES) {
      for (const model of ['native', 'container'] as const) {
        const s = support(datastore, release, model);
        const versions = s.ok ? (model === 'container' ? containerVersionsAnyRelease(datastore) : s.versions) : [];
        rows.push({
          datastore,
          distro: release.distro,
          release: release.release,
          model,
          supported: s.ok,
          versions,
          ...(s.ok ? (s.note ? { reason: s.note } : {}) : { reason: s.reason }),
        });
      }
    }
  }
  return rows;
}
