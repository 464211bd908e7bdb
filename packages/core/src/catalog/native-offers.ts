/**
 * The native model's support matrix: per datastore and distribution release, which
 * versions can be installed from where, and which of them the native era (a Trove ≤ 13
 * agent and controller) can run. A missing cell is unsupported; an `unsupported` cell
 * carries the reason shown to the user (the seed's CentOS "TBD" cells among them).
 * Package names and versions: docs/facts/distributions.md §2, §7, §8 and
 * docs/facts/vendors.md §1–§8; what the era can run: native-era.ts.
 */
import type { Datastore } from './datastores';
import { NATIVE_CAVEATS, NATIVE_CONTROLLER_TEMPLATES, NATIVE_REFUSALS } from './native-era';
import type { NativeImageFix } from './native-era';

export interface NativeVersion {
  readonly version: string;
  /** distro: the release's own archive; vendor: a VENDOR_REPOSITORIES entry; download: a vendor file; user: datastore.package */
  readonly source: 'distro' | 'vendor' | 'download' | 'user';
  readonly repo?: string;
  /** Fills `{product}`, `{series}` … in the repository templates. */
  readonly repoParams?: Readonly<Record<string, string>>;
  readonly packages: readonly string[];
  /** The unit/init script the package installs (kept disabled unless autostart). */
  readonly service: string;
  /** Vendor download URL template (`{version}`, `{arch}`), for source: download. */
  readonly url?: string;
  /**
   * Pinned sha256 of the download per architecture. Without one the build checks the
   * vendor's published `<url>.sha256` instead (weaker: same origin).
   */
  readonly sha256?: Readonly<Partial<Record<'amd64' | 'arm64', string>>>;
  /** More VENDOR_REPOSITORIES the packages need (e.g. Percona's tools repository for XtraBackup). */
  readonly extraRepos?: readonly string[];
  /** Shown by `tib plan` and the matrix: what the agent of the era cannot do with this version. */
  readonly note?: string;
  /** The era's controller needs tib's configuration template for this version: why. */
  readonly controllerTemplate?: string;
  /** Adjustments the image needs for the era's agent (native-era.ts NATIVE_IMAGE_FIXES). */
  readonly imageFixes?: readonly NativeImageFix[];
}

/** A version the packages offer that the native era cannot run, and why. */
export interface RefusedVersion {
  readonly version: string;
  readonly reason: string;
}

export type NativeCell =
  | {
      readonly versions: readonly NativeVersion[];
      readonly defaultVersion: string;
      readonly note?: string;
      readonly refused?: readonly RefusedVersion[];
    }
  | { readonly unsupported: string };

const UBUNTU_NEW =
  'native-model agents (Trove ≤ 13 Ussuri) ran on Ubuntu up to focal and Trove never built native datastore images for jammy or noble; use datastore.runtime: container with a Trove 14+ agent';
const EL_NEW =
  "native-model agents are packaged for EL7 (RDO ≤ Train) and EL8 (RDO Ussuri); tib's native elements cover CentOS 7 and RHEL 8";
const SEED_TBD = (what: string) => `the 2016 spec left this cell "TBD": ${what}`;

const v = (
  version: string,
  source: NativeVersion['source'],
  packages: readonly string[],
  service: string,
  extra: Partial<NativeVersion> = {},
): NativeVersion => ({ version, source, packages, service, ...extra });
const cell = (defaultVersion: string, ...versions: NativeVersion[]): NativeCell => ({ versions, defaultVersion });
const refusing = (refused: readonly RefusedVersion[], c: NativeCell): NativeCell => ({ ...c, refused });
/** A cell whose only version the era cannot run. */
const only = (what: string, reason: string): NativeCell => ({ unsupported: `${what}, and ${reason}` });
const MYSQL8 = { version: '8.0', reason: NATIVE_REFUSALS.mysql8 };

/** Debian 13's Python 3.13 and SQLAlchemy 2.0 cannot run the native-era agent (Trove ≤ 13). */
const DEBIAN_NEW =
  "native-model agents (Trove ≤ 13 Ussuri) need SQLAlchemy before 1.4 and Python's of their time; Debian 13 ships Python 3.13 and SQLAlchemy 2.0. Use datastore.runtime: container (Debian's own Trove 23 agent)";
const UNSUPPORTED_NEW: Readonly<Record<string, NativeCell>> = {
  'debian/trixie': { unsupported: DEBIAN_NEW },
  'debian/bookworm': { unsupported: NATIVE_REFUSALS.bookworm },
  'ubuntu/jammy': { unsupported: UBUNTU_NEW },
  'ubuntu/noble': { unsupported: UBUNTU_NEW },
  'centos/9-stream': { unsupported: EL_NEW },
  'rhel/9': { unsupported: EL_NEW },
};

/** Every PostgreSQL ≥ 10 needs tib's template on the era's controller; from 13 backups fail. */
const pgEra = (ver: string): Partial<NativeVersion> => ({
  controllerTemplate: NATIVE_CONTROLLER_TEMPLATES.postgresql,
  ...(Number(ver) >= 13 ? { note: NATIVE_CAVEATS.postgresql13Backups } : {}),
});
const pg = (ver: string, source: 'distro' | 'vendor', packages: readonly string[], service: string, repo?: string) =>
  v(ver, source, packages, service, { ...(repo ? { repo } : {}), ...pgEra(ver) });
const pgdg = (ver: string) => pg(ver, 'vendor', [`postgresql-${ver}`, `postgresql-client-${ver}`], 'postgresql', 'pgdg-apt');
const pgDistro = (ver: string) => pg(ver, 'distro', [`postgresql-${ver}`, `postgresql-client-${ver}`], 'postgresql');
const mongo = (ver: string, component: string) =>
  v(ver, 'vendor', ['mongodb-org'], 'mongod', { repo: 'mongodb-apt', repoParams: { mongocomponent: component } });
// 5.7 products take XtraBackup 2.4 from percona-release's `pxb-24` repository (the
// native-era agent backs up with innobackupex). Only 5.7 is offered: 8.0 is refused below.
const perconaApt57 = v('5.7', 'vendor', ['percona-server-server-5.7', 'percona-xtrabackup-24'], 'mysql', {
  repo: 'percona-apt',
  repoParams: { product: 'ps-57' },
  extraRepos: ['percona-pxb24-apt'],
});
const pxcApt57 = v('5.7', 'vendor', ['percona-xtradb-cluster-57', 'percona-xtrabackup-24'], 'mysql', {
  repo: 'percona-apt',
  repoParams: { product: 'pxc-57' },
  extraRepos: ['percona-pxb24-apt'],
});
const cassandraApt = (ver: string, jre: string) =>
  v(ver, 'vendor', ['cassandra', jre], 'cassandra', { repo: 'cassandra-apt', repoParams: { series: `${ver.replace('.', '')}x` } });
const couchdbApt = (ver: string) => v(ver, 'vendor', ['couchdb'], 'couchdb', { repo: 'couchdb-apt' });
// Couchbase 7.x ships one .deb for every Debian/Ubuntu release; 6.6 had one per release.
// Pinned sha256: couchbase/docker community/couchbase-server/7.6.2/Dockerfile (CB_SHA256).
const COUCHBASE_762 = {
  amd64: '60c76f5ddc412b202a79ee927010cb0ede334cb7e6849429dd00bc0d7f1ffbcc',
  arm64: 'c91d413632649ac9900c11137ddcf439b8b19852938e442a1c4591632d0da4c8',
};
const couchbaseDeb = (ver: string, full: string) =>
  v(ver, 'download', ['couchbase-server-community'], 'couchbase-server', {
    url: `https://packages.couchbase.com/releases/${full}/couchbase-server-community_${full}-linux_{arch}.deb`,
    sha256: COUCHBASE_762,
    note: COUCHBASE_CLI,
  });
/** The native-era couchbase manager calls couchbase-cli with pre-5.0 flags. */
const COUCHBASE_CLI =
  'the native-era agent drives couchbase-cli with old flags (--cluster-init-username …); compatibility with Couchbase 7 is unverified';
const verticaDeb = v('user', 'user', [], 'vertica_agent');
const mariaVendor = (ver: string) =>
  v(ver, 'vendor', ['mariadb-server', 'mariadb-client', 'mariadb-backup', 'galera-4'], 'mariadb', { repo: 'mariadb-apt' });

export const NATIVE_OFFERS: Readonly<Record<Datastore, Readonly<Record<string, NativeCell>>>> = {
  mysql: {
    'debian/bullseye': only('tib has only MySQL 8.0 for Debian 11 (the last Debian build of 5.7 is for Debian 10)', NATIVE_REFUSALS.mysql8),
    'ubuntu/bionic': refusing(
      [MYSQL8],
      cell(
        '5.7',
        v('5.7', 'distro', ['mysql-server-5.7', 'mysql-client-5.7', 'percona-xtrabackup-24'], 'mysql', {
          extraRepos: ['percona-pxb24-apt'],
        }),
      ),
    ),
    'ubuntu/focal': only('Ubuntu 20.04 packages only MySQL 8.0', NATIVE_REFUSALS.mysql8),
    'centos/7': refusing(
      [MYSQL8],
      cell(
        '5.7',
        v('5.7', 'vendor', ['mysql-community-server', 'percona-xtrabackup-24'], 'mysqld', {
          repo: 'mysql-yum',
          extraRepos: ['percona-pxb24-yum'],
        }),
      ),
    ),
    'rhel/8': only('RHEL 8 packages only MySQL 8.0', NATIVE_REFUSALS.mysql8),
    ...UNSUPPORTED_NEW,
  },
  mariadb: {
    'debian/bullseye': cell(
      '10.5',
      v('10.5', 'distro', ['mariadb-server', 'mariadb-client', 'mariadb-backup', 'galera-4'], 'mariadb', {
        imageFixes: ['mariadbd-as-mysqld'],
      }),
    ),
    'ubuntu/bionic': cell('10.4', v('10.1', 'distro', ['mariadb-server-10.1', 'mariadb-client-10.1'], 'mysql'), mariaVendor('10.4')),
    'ubuntu/focal': cell(
      '10.4',
      v('10.3', 'distro', ['mariadb-server-10.3', 'mariadb-client-10.3', 'mariadb-backup'], 'mariadb'),
      mariaVendor('10.4'),
    ),
    'centos/7': refusing(
      [{ version: '10.6', reason: NATIVE_REFUSALS.mariadb106 }],
      cell('10.4', v('10.4', 'vendor', ['MariaDB-server', 'MariaDB-client', 'MariaDB-backup'], 'mariadb', { repo: 'mariadb-yum' })),
    ),
    'rhel/8': cell('10.3', v('10.3', 'distro', ['mariadb-server', 'mariadb-backup'], 'mariadb')),
    ...UNSUPPORTED_NEW,
  },
  postgresql: {
    'debian/bullseye': cell('13', pgDistro('13'), pgdg('12'), pgdg('14'), pgdg('15')),
    'ubuntu/bionic': cell('12', pgDistro('10'), pgdg('12')),
    'ubuntu/focal': cell('12', pgDistro('12'), pgdg('13'), pgdg('14')),
    'centos/7': cell(
      '12',
      pg('10', 'vendor', ['postgresql10-server', 'postgresql10'], 'postgresql-10', 'pgdg-yum'),
      pg('12', 'vendor', ['postgresql12-server', 'postgresql12'], 'postgresql-12', 'pgdg-yum'),
    ),
    'rhel/8': cell(
      '12',
      pg('10', 'distro', ['postgresql-server'], 'postgresql'),
      pg('12', 'distro', ['postgresql-server'], 'postgresql'),
      pg('13', 'distro', ['postgresql-server'], 'postgresql'),
    ),
    ...UNSUPPORTED_NEW,
  },
  mongodb: {
    'debian/bullseye': cell('6.0', mongo('5.0', 'main'), mongo('6.0', 'main'), mongo('7.0', 'main')),
    'ubuntu/bionic': cell('4.4', mongo('4.4', 'multiverse'), mongo('5.0', 'multiverse'), mongo('6.0', 'multiverse')),
    'ubuntu/focal': cell(
      '4.4',
      mongo('4.4', 'multiverse'),
      mongo('5.0', 'multiverse'),
      mongo('6.0', 'multiverse'),
      mongo('7.0', 'multiverse'),
    ),
    'centos/7': cell(
      '4.4',
      v('4.4', 'vendor', ['mongodb-org'], 'mongod', { repo: 'mongodb-yum' }),
      v('5.0', 'vendor', ['mongodb-org'], 'mongod', { repo: 'mongodb-yum' }),
    ),
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  redis: {
    'debian/bullseye': cell('6.0', v('6.0', 'distro', ['redis-server', 'redis-tools'], 'redis-server')),
    'ubuntu/bionic': cell('4.0', v('4.0', 'distro', ['redis-server', 'redis-tools'], 'redis-server')),
    'ubuntu/focal': cell('5.0', v('5.0', 'distro', ['redis-server', 'redis-tools'], 'redis-server')),
    'centos/7': {
      unsupported: SEED_TBD(
        "Redis has no public community yum repository for EL7 (only EPEL's old 3.2, which the Trove 13 redis manager does not target)",
      ),
    },
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  cassandra: {
    'debian/bullseye': cell('4.0', cassandraApt('4.0', 'openjdk-11-jre-headless'), cassandraApt('4.1', 'openjdk-11-jre-headless')),
    'ubuntu/bionic': cell('3.11', cassandraApt('3.11', 'openjdk-8-jre-headless'), cassandraApt('4.0', 'openjdk-11-jre-headless')),
    'ubuntu/focal': cell(
      '4.0',
      cassandraApt('3.11', 'openjdk-8-jre-headless'),
      cassandraApt('4.0', 'openjdk-11-jre-headless'),
      cassandraApt('4.1', 'openjdk-11-jre-headless'),
    ),
    'centos/7': cell(
      '3.11',
      v('3.11', 'vendor', ['cassandra', 'java-1.8.0-openjdk-headless'], 'cassandra', {
        repo: 'cassandra-yum',
        repoParams: { series: '311x/' },
      }),
      // 4.x RPMs use boolean dependencies, which EL7's rpm cannot read: the noboolean tree (UNVERIFIED path).
      v('4.0', 'vendor', ['cassandra', 'java-11-openjdk-headless'], 'cassandra', {
        repo: 'cassandra-yum',
        repoParams: { series: '40x/noboolean/' },
      }),
    ),
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  couchdb: {
    'debian/bullseye': cell('3.3', couchdbApt('3.3')),
    'ubuntu/bionic': cell('3.2', couchdbApt('3.2')),
    'ubuntu/focal': cell('3.3', couchdbApt('3.3')),
    'centos/7': {
      unsupported: SEED_TBD(
        "CouchDB had no public community yum repository for EL7 (Apache's el$releasever RPM tree came later and its el7 builds are unverified)",
      ),
    },
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  couchbase: {
    'debian/bullseye': cell('7.6', couchbaseDeb('7.6', '7.6.2')),
    'ubuntu/bionic': cell(
      '6.6',
      v('6.6', 'download', ['couchbase-server-community'], 'couchbase-server', {
        url: 'https://packages.couchbase.com/releases/6.6.0/couchbase-server-community_6.6.0-ubuntu18.04_amd64.deb',
      }),
    ),
    'ubuntu/focal': cell('7.6', couchbaseDeb('7.6', '7.6.2')),
    'centos/7': cell(
      '6.6',
      v('6.6', 'download', ['couchbase-server-community'], 'couchbase-server', {
        url: 'https://packages.couchbase.com/releases/6.6.0/couchbase-server-community-6.6.0-centos7.x86_64.rpm',
      }),
    ),
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  percona: {
    'debian/bullseye': only('tib has Percona Server only in 8.0 for Debian 11', NATIVE_REFUSALS.mysql8),
    'ubuntu/bionic': refusing([MYSQL8], cell('5.7', perconaApt57)),
    'ubuntu/focal': refusing([MYSQL8], cell('5.7', perconaApt57)),
    'centos/7': refusing(
      [MYSQL8],
      cell(
        '5.7',
        v('5.7', 'vendor', ['Percona-Server-server-57', 'percona-xtrabackup-24'], 'mysqld', {
          repo: 'percona-yum',
          repoParams: { product: 'ps-57' },
          extraRepos: ['percona-pxb24-yum'],
        }),
      ),
    ),
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  pxc: {
    'debian/bullseye': only('tib has Percona XtraDB Cluster only in 8.0 for Debian 11', NATIVE_REFUSALS.mysql8),
    'ubuntu/bionic': refusing([MYSQL8], cell('5.7', pxcApt57)),
    'ubuntu/focal': refusing([MYSQL8], cell('5.7', pxcApt57)),
    'centos/7': refusing(
      [MYSQL8],
      cell(
        '5.7',
        v('5.7', 'vendor', ['Percona-XtraDB-Cluster-57', 'percona-xtrabackup-24'], 'mysql', {
          repo: 'percona-yum',
          repoParams: { product: 'pxc-57' },
          extraRepos: ['percona-pxb24-yum'],
        }),
      ),
    ),
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  vertica: {
    'debian/bullseye': cell('user', verticaDeb),
    'ubuntu/bionic': cell('user', verticaDeb),
    'ubuntu/focal': cell('user', verticaDeb),
    'centos/7': {
      unsupported: SEED_TBD(
        'Vertica has no public community yum repository; the 2016 spec planned it for Ubuntu only, where its .deb is supplied by the user',
      ),
    },
    'rhel/8': { unsupported: EL_NEW },
    ...UNSUPPORTED_NEW,
  },
  db2: {
    'debian/bookworm': { unsupported: NATIVE_REFUSALS.bookworm },
    'ubuntu/bionic': cell('user', v('user', 'user', [], 'db2')),
    'ubuntu/focal': cell('user', v('user', 'user', [], 'db2')),
    'centos/7': { unsupported: SEED_TBD('DB2 Express-C is user-supplied and Trove only ever built it on Ubuntu') },
  },
};
