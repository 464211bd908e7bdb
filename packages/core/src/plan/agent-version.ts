/**
 * The Trove version of the agent the image will hold, as precisely as the recipe pins it:
 * a distribution package's upstream version (1:23.0.0-2 → 23.0.0), the RDO build of the
 * series, a git tag. A branch or a local tree pins only the major: "13.x".
 */
import { RDO_BUILDS } from '../catalog/agents';
import type { ResolvedRecipe } from '../resolve/resolved';

export function agentTroveVersion(r: ResolvedRecipe): string {
  const a = r.agent;
  const loose = `${a.trove.major}.x`;
  switch (a.source) {
    case 'package':
      return a.packageVersion ? upstreamVersion(a.packageVersion) : loose;
    case 'rdo': {
      const el = `el${r.release.release.split('.')[0] ?? ''}`;
      const builds = (RDO_BUILDS as Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>)[el];
      return builds?.[a.trove.series] ?? loose;
    }
    case 'git':
      return a.git && /^\d+\.\d+\.\d+$/.test(a.git.ref) ? a.git.ref : loose;
    default:
      return loose;
  }
}

/** A Debian version without its epoch and revision: 2:17.0.0-0ubuntu1.1 → 17.0.0. */
export function upstreamVersion(debianVersion: string): string {
  return debianVersion.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
}
