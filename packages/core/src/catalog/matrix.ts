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
import type { NativeVersion, RefusedVersion } from './native-offers';
import { NATIVE_IMAGE_FIXES } from './native-era';

/**
 * What the matrix says about one version of a supported cell: a condition it runs under
 * (tib's image fix, tib's controller template), a caveat (part of the API fails), or why
 * the packages' version is not offered at all.
 */
export interface VersionNote {
  readonly version: string;
  readonly kind: 'condition' | 'caveat' | 'refused';
  readonly text: string;
}

export type Support =
  | {
      readonly ok: true;
      readonly versions: readonly string[];
      readonly defaultVersion: string;
      readonly note?: string;
      readonly versionNotes?: readonly VersionNote[];
    }
  | { readonly ok: false; readonly reason: string };

/** Support of a datastore on a release in a model (for the container model: with the newest agent, or `series`). */
export function support(datastore: Datastore, release: DistroRelease, model: GuestModel, series?: Series): Support {
  const key = releaseKey(release);
  if (model === 'native') {
    const cell = NATIVE_OFFERS[datastore][key];
    if (!cell) return { ok: false, reason: `tib has no native ${datastore} build for ${release.title}` };
    if ('unsupported' in cell) return { ok: false, reason: cell.unsupported };
    const notes = versionNotes(cell.versions, cell.refused ?? []);
    return {
      ok: true,
      versions: cell.versions.map((v) => v.version),
      defaultVersion: cell.defaultVersion,
      ...(cell.note ? { note: cell.note } : {}),
      ...(notes.length > 0 ? { versionNotes: notes } : {}),
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

function versionNotes(versions: readonly NativeVersion[], refused: readonly RefusedVersion[]): VersionNote[] {
  const out: VersionNote[] = [];
  for (const v of versions) {
    for (const fix of v.imageFixes ?? []) out.push({ version: v.version, kind: 'condition', text: NATIVE_IMAGE_FIXES[fix] });
    if (v.controllerTemplate) out.push({ version: v.version, kind: 'condition', text: v.controllerTemplate });
    if (v.note) out.push({ version: v.version, kind: 'caveat', text: v.note });
  }
  for (const r of refused) out.push({ version: r.version, kind: 'refused', text: r.reason });
  return out;
}

/** Why the native era cannot run this version on this release, when the packages offer it. */
export function nativeRefusal(datastore: Datastore, release: DistroRelease, version: string): string | undefined {
  const cell = NATIVE_OFFERS[datastore][releaseKey(release)];
  if (!cell || 'unsupported' in cell) return undefined;
  return cell.refused?.find((r) => versionMatches(version, r.version))?.reason;
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
  /** Unsupported: why. Supported: the cell's note, if any. */
  readonly reason?: string;
  /** Supported native cells: conditions and caveats per version, and versions not offered and why. */
  readonly versionNotes?: readonly VersionNote[];
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
          ...(s.ok && s.versionNotes ? { versionNotes: s.versionNotes } : {}),
        });
      }
    }
  }
  return rows;
}
