/**
 * The catalog is data: these checks keep it consistent with itself, so validation,
 * `tib matrix` and element selection (all driven by it) cannot drift apart.
 */
import { DISTRO_RELEASES, releaseKey } from '../../src/catalog/distros';
import { elMajor, RDO_BUILDS, rdoEnablement, TROVE_RELEASES } from '../../src/catalog/agents';
import type { Series } from '../../src/catalog/agents';
import { CONTAINER_DATASTORES, DATASTORES } from '../../src/catalog/datastores';
import type { Datastore } from '../../src/catalog/datastores';
import { DATASTORE_HOST, kernelSettings, rootAccess } from '../../src/catalog/datastore-host';
import { DOCKER_ENGINES } from '../../src/catalog/docker-engines';
import { NATIVE_OFFERS } from '../../src/catalog/native-offers';
import { MONGODB_KEYS, MYSQL_YUM_KEYS, VENDOR_REPOSITORIES } from '../../src/catalog/repositories';

const FPR = /^([0-9A-F]{40}|\{[a-z]+\})$/;
const datastores = Object.keys(DATASTORES) as Datastore[];
const nativeVersions = datastores.flatMap((ds) =>
  Object.entries(NATIVE_OFFERS[ds]).flatMap(([key, cell]) => ('versions' in cell ? cell.versions.map((v) => ({ ds, key, v })) : [])),
);

describe('vendor repositories', () => {
  it.each(Object.entries(VENDOR_REPOSITORIES))('%s pins its key by full fingerprint', (_, repo) => {
    expect(repo.fingerprints.length).toBeGreaterThan(0);
    for (const f of repo.fingerprints) expect(f).toMatch(FPR);
    expect(repo.keyUrl).toMatch(/^https:\/\//);
  });

  it("every repository a native offer or a Docker engine names exists, of the release's kind", () => {
    for (const { key, v } of nativeVersions) {
      const family = DISTRO_RELEASES.find((r) => releaseKey(r) === key)?.family;
      for (const id of [...(v.repo ? [v.repo] : []), ...(v.extraRepos ?? [])]) {
        expect([key, id, VENDOR_REPOSITORIES[id]?.kind]).toEqual([key, id, family === 'deb' ? 'apt' : 'yum']);
      }
      if (v.source === 'vendor') expect(v.repo).toBeDefined();
    }
    for (const engine of Object.values(DOCKER_ENGINES)) if (engine.repo) expect(VENDOR_REPOSITORIES[engine.repo]).toBeDefined();
  });

  it('has a MySQL yum key for every MySQL series offered from the yum repository', () => {
    for (const { ds, v } of nativeVersions)
      if (ds === 'mysql' && v.repo === 'mysql-yum') expect(MYSQL_YUM_KEYS[v.version]?.fingerprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('has a MongoDB key for every MongoDB series offered', () => {
    for (const { ds, v } of nativeVersions) if (ds === 'mongodb') expect(MONGODB_KEYS[v.version]).toMatch(/^[0-9A-F]{40}$/);
  });
});

describe('native offers', () => {
  it.each(nativeVersions.map((x) => [`${x.ds} ${x.v.version} on ${x.key}`, x] as const))('%s is installable', (_, { v }) => {
    if (v.source === 'user') expect(v.packages.length).toBeGreaterThanOrEqual(0);
    else expect(v.packages.length).toBeGreaterThan(0);
    if (v.source === 'download') expect(v.url).toMatch(/^https:\/\/.+\.(deb|rpm)$/);
    for (const sha of Object.values(v.sha256 ?? {})) expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(v.service).not.toBe('');
  });

  it("every cell's default version is one of its versions", () => {
    for (const ds of datastores) {
      for (const cell of Object.values(NATIVE_OFFERS[ds])) {
        if ('versions' in cell) expect(cell.versions.map((v) => v.version)).toContain(cell.defaultVersion);
        else expect(cell.unsupported.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('agents', () => {
  it('switches to containers at Trove 14 and makes the injected owner configurable at 18', () => {
    for (const t of TROVE_RELEASES) {
      expect(t.model).toBe(t.major >= 14 ? 'container' : 'native');
      if (t.major >= 18) expect(t.injectedConfigOwner).toEqual({ owner: 'ubuntu', group: 'root' });
    }
  });

  it('knows how to enable RDO wherever it has RDO builds', () => {
    for (const r of DISTRO_RELEASES) {
      const el = elMajor(r.distro, r.release);
      if (!el) continue;
      for (const series of Object.keys(RDO_BUILDS[el]) as Series[]) {
        expect(TROVE_RELEASES.some((t) => t.series === series)).toBe(true);
        expect(rdoEnablement(r.distro, r.release, series)).toBeDefined();
      }
    }
  });

  it('container datastores have images for every container-era release', () => {
    for (const [ds, offer] of Object.entries(CONTAINER_DATASTORES)) {
      for (const t of TROVE_RELEASES.filter((x) => x.model === 'container'))
        expect([ds, t.series, offer.versions(t.major).length > 0]).toEqual([ds, t.series, true]);
    }
  });
});

describe('datastore host settings', () => {
  it('cover every datastore, with sysctl keys and kernel arguments of the right shape', () => {
    for (const ds of datastores) {
      expect(DATASTORE_HOST[ds]).toBeDefined();
      const k = kernelSettings(ds, '1.0');
      for (const key of Object.keys(k.sysctl)) expect(key).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      for (const arg of k.cmdline) expect(arg).toMatch(/^[a-z_]+=[a-z]+$/);
    }
  });

  it('keeps THP on for MongoDB 8.0 and off before', () => {
    expect(kernelSettings('mongodb', '7.0').cmdline).toEqual(['transparent_hugepage=never']);
    expect(kernelSettings('mongodb', '8.0').cmdline).toEqual([]);
  });

  it('knows which root login statement each MySQL flavour takes', () => {
    expect(rootAccess('mariadb', '10.11')).toBe('mariadb-multi');
    expect(rootAccess('mariadb', '10.4.3')).toBe('mariadb-multi');
    expect(rootAccess('mariadb', '10.3')).toBe('mariadb-legacy');
    expect(rootAccess('percona', '8.0')).toBe('mysql');
    expect(rootAccess('postgresql', '15')).toBe('none');
  });
});

describe('distributions', () => {
  it('CentOS 7 needs a DIB before 3.34.0, the first without the centos7 element (docs/facts/dib.md §2)', () => {
    expect(DISTRO_RELEASES.find((r) => releaseKey(r) === 'centos/7')?.dib?.maxExclusive).toBe('3.34.0');
  });

  it('every release can build a virtualenv agent, online and offline', () => {
    for (const r of DISTRO_RELEASES) {
      expect(r.agentBuild.pypi.length).toBeGreaterThan(0);
      expect(r.agentBuild.offline.length).toBeGreaterThan(0);
    }
  });
});
