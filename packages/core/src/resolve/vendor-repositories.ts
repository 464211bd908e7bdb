import { MONGODB_KEYS, MYSQL_YUM_KEYS, VENDOR_REPOSITORIES } from '../catalog/repositories';
import type { Recipe } from '../types/recipe.generated';
import type { HostPath, ResolvedRecipe, ResolvedRepository } from './resolved';

/**
 * The repositories an image needs: the vendor repositories its datastore or Docker engine
 * comes from (tib's catalog), then the recipe's own. Templates in the catalog are filled
 * with the release and version here, so the plan shows the exact lines.
 */
export function vendorRepositories(r: ResolvedRecipe, recipe: Recipe, hostFile: (id: string) => HostPath): ResolvedRepository[] {
  const out: ResolvedRepository[] = [];
  const series = r.datastore.version.split('.').slice(0, 2).join('.');
  const vars: Record<string, string> = {
    distro: r.release.distro,
    codename: r.release.dibRelease,
    elnum: r.release.release.replace(/-stream$/, ''),
    dockerdistro: r.release.distro === 'rhel' ? 'rhel' : 'centos',
    version: r.datastore.version,
    mongokey: MONGODB_KEYS[series] ?? '',
    mysqlkey: MYSQL_YUM_KEYS[series]?.fingerprint ?? '',
    mysqlkeyyear: MYSQL_YUM_KEYS[series]?.year ?? '',
    ...(r.datastore.native?.repoParams ?? {}),
  };
  const native = r.datastore.native;
  const ids = [native?.source === 'vendor' ? native.repo : undefined, ...(native?.extraRepos ?? []), r.datastore.docker?.repo].filter(
    (x): x is string => !!x,
  );
  const rdo = r.agent.rdo;
  if (rdo) {
    if (rdo.kind === 'repository') {
      ids.unshift('rdo-yum');
      vars['rdobase'] = rdo.base;
      vars['rdoseries'] = r.agent.trove.series;
    }
  }
  for (const id of ids) {
    const repo = VENDOR_REPOSITORIES[id];
    if (!repo) continue;
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
    if (repo.kind === 'apt') {
      out.push({
        name: `tib-${repo.id}`,
        kind: 'apt',
        uri: fill(repo.uri),
        suite: fill(repo.suite),
        components: repo.components.map(fill),
        keyUrl: fill(repo.keyUrl),
        fingerprints: repo.fingerprints.map(fill).filter((f) => f !== ''),
        origin: 'catalog',
      });
    } else {
      out.push({
        name: `tib-${repo.id}`,
        kind: 'yum',
        baseurl: fill(repo.baseurl),
        components: [],
        keyUrl: fill(repo.keyUrl),
        fingerprints: repo.fingerprints.map(fill).filter((f) => f !== ''),
        origin: 'catalog',
      });
    }
  }
  (recipe.system?.repositories ?? []).forEach((repo) => {
    const keyFile = repo.key?.file ? hostFile(`repo-key-${repo.name}`) : undefined;
    const common = {
      name: repo.name,
      ...(repo.key?.url ? { keyUrl: repo.key.url } : {}),
      ...(keyFile ? { keyFile } : {}),
      fingerprints: repo.key ? [repo.key.fingerprint] : [],
      origin: 'recipe' as const,
    };
    if (r.release.family === 'deb') {
      out.push({
        ...common,
        kind: 'apt',
        ...(repo.uri ? { uri: repo.uri } : {}),
        suite: repo.suite ?? r.release.dibRelease,
        components: repo.components ?? ['main'],
      });
    } else {
      out.push({ ...common, kind: 'yum', ...(repo.baseurl ? { baseurl: repo.baseurl } : {}), components: [] });
    }
  });
  return out;
}
