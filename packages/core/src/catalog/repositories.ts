/**
 * Vendor package repositories and their pinned signing keys. The fingerprint is checked
 * at build time against the key actually fetched; a mismatch stops the build. Facts:
 * docs/facts/vendors.md, one section per vendor (§1 MySQL, §2 MariaDB, §3 PGDG, §4
 * Percona, §5 MongoDB, §6 Cassandra, §7 CouchDB, §9 Docker, §10.2 RDO); what no source
 * here confirms is marked UNVERIFIED and listed in docs/facts/README.md §6.
 * `{codename}`, `{version}` and `{el}` are filled in per recipe.
 */
export interface AptRepository {
  readonly kind: 'apt';
  readonly id: string;
  readonly uri: string;
  readonly suite: string;
  readonly components: readonly string[];
  readonly keyUrl: string;
  /** The keyring must contain every one of these keys (full fingerprints). */
  readonly fingerprints: readonly string[];
}

export interface YumRepository {
  readonly kind: 'yum';
  readonly id: string;
  readonly baseurl: string;
  readonly keyUrl: string;
  readonly fingerprints: readonly string[];
}

export type VendorRepository = AptRepository | YumRepository;

// MySQL signs with a key per period: RPM-GPG-KEY-mysql-2022 signs every 5.7 RPM up to the
// last (5.7.44) and 8.0 before 8.0.36; RPM-GPG-KEY-mysql-2023 signs 8.0.36 on and the apt
// repository (docs/facts/vendors.md §1).
const MYSQL_2022_KEY = '859BE8D7C586F538430B19C2467B942D3A79BD29';
const MYSQL_KEY = 'BCA43417C3B485DD128EC6D4B7B3B788A8D3785C';
/** The key that signs the newest RPMs of each MySQL series in MySQL's yum repository. */
export const MYSQL_YUM_KEYS: Readonly<Record<string, { readonly year: string; readonly fingerprint: string }>> = {
  '5.7': { year: '2022', fingerprint: MYSQL_2022_KEY },
  '8.0': { year: '2023', fingerprint: MYSQL_KEY },
};
// docs/facts/vendors.md §2 (MariaDB/mariadb-docker GPG_KEYS) and §3 (docker-library/postgres).
const MARIADB_KEY = '177F4010FE56CA3336300305F1656F24C74CD1D8';
const PGDG_KEY = 'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8';
// PGDG-RPM-GPG-KEY-RHEL7 ("PostgreSQL RPM Repository", 0x73E3B907), as yum prints it when
// importing the key of pgdg-redhat-repo 42.0-38 (public yum logs only: docs/facts/vendors.md §3). Older EL7
// packages were signed by the retired DSA key 0x442DF0F8: UNVERIFIED which key signs PG 12.
const PGDG_EL7_KEY = 'F245F0BF96AC182744CAFF2E64FACE1173E3B907';
// CentOS Cloud SIG (RDO), rdo-infra/rdo-release RPM-GPG-KEY-CentOS-SIG-Cloud (docs/facts/vendors.md §10.2).
export const CENTOS_CLOUD_SIG_KEY = '736AF5116D9C40E2AF6B074BF9B9FEE7764429E6';
// percona/percona-docker PERCONA-PACKAGING-KEY (docs/facts/vendors.md §4).
const PERCONA_KEY = '4D1BB29D63D98E422B2113B19334A25F8507EFA5';
// Percona ships its key inside percona-release; percona-docker fetches it by fingerprint
// from a keyserver, and so does tib (the fingerprint is what is trusted, not the host).
const PERCONA_KEY_URL = `https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${PERCONA_KEY}`;
// docs/facts/vendors.md §7 (apache/couchdb-docker), §9 (Docker), §6 (two of Apache's Cassandra KEYS; which
// keys sign today's 40x/41x repositories is UNVERIFIED), §5 (docker-library/mongo).
const COUCHDB_KEY = '390EF70BB1EA12B2773962950EE62FB37A00258D';
const DOCKER_KEY = '9DC858229FC7DD38854AE2D88D81803C0EBFCD88';
const CASSANDRA_KEYS = ['514A2AD631A57A16DD0047EC749D6EEC0353B12C', 'A26E528B271F19B9E5D8E19EA278B781FE4B2BDA'];
export const MONGODB_KEYS: Readonly<Record<string, string>> = {
  '4.4': '20691EEC35216C63CAF66CE1656408E390CFB1F5',
  '5.0': 'F5679A222C647C87527C2F8CB00A0BD1E2C63C11',
  '6.0': '39BD841E4BE5FB195A65400E6A26B1AE64C3C388',
  '7.0': 'E58830201F7DD82CD808AA84160D26BB1785BA38',
  '8.0': '4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05',
};

export const VENDOR_REPOSITORIES: Readonly<Record<string, VendorRepository>> = {
  'mysql-apt': {
    kind: 'apt',
    id: 'mysql',
    uri: 'http://repo.mysql.com/apt/{distro}/',
    suite: '{codename}',
    components: ['mysql-{version}'],
    keyUrl: 'https://repo.mysql.com/RPM-GPG-KEY-mysql-2023',
    fingerprints: [MYSQL_KEY],
  },
  'mysql-yum': {
    kind: 'yum',
    id: 'mysql',
    baseurl: 'http://repo.mysql.com/yum/mysql-{version}-community/el/{elnum}/$basearch/',
    keyUrl: 'https://repo.mysql.com/RPM-GPG-KEY-mysql-{mysqlkeyyear}',
    fingerprints: ['{mysqlkey}'],
  },
  'mariadb-apt': {
    kind: 'apt',
    id: 'mariadb',
    uri: 'https://archive.mariadb.org/mariadb-{version}/repo/{distro}/',
    suite: '{codename}',
    components: ['main'],
    keyUrl: 'https://archive.mariadb.org/PublicKey',
    fingerprints: [MARIADB_KEY],
  },
  // Series directories (mariadb-10.4/) exist for apt on archive.mariadb.org; the same layout for yum is UNVERIFIED.
  'mariadb-yum': {
    kind: 'yum',
    id: 'mariadb',
    baseurl: 'https://archive.mariadb.org/mariadb-{version}/yum/centos{elnum}-amd64/',
    keyUrl: 'https://archive.mariadb.org/PublicKey',
    fingerprints: [MARIADB_KEY],
  },
  'pgdg-apt': {
    kind: 'apt',
    id: 'pgdg',
    uri: 'http://apt.postgresql.org/pub/repos/apt/',
    suite: '{codename}-pgdg',
    components: ['main'],
    keyUrl: 'https://www.postgresql.org/media/keys/ACCC4CF8.asc',
    fingerprints: [PGDG_KEY],
  },
  // Only CentOS 7 uses PGDG's yum tree (EL8 takes the distro's PostgreSQL); EL7 trees may move to yum-archive.postgresql.org (UNVERIFIED).
  'pgdg-yum': {
    kind: 'yum',
    id: 'pgdg',
    baseurl: 'https://download.postgresql.org/pub/repos/yum/{version}/redhat/rhel-$releasever-$basearch',
    keyUrl: 'https://download.postgresql.org/pub/repos/yum/keys/PGDG-RPM-GPG-KEY-RHEL7',
    fingerprints: [PGDG_EL7_KEY],
  },
  'percona-apt': {
    kind: 'apt',
    id: 'percona',
    uri: 'http://repo.percona.com/{product}/apt/',
    suite: '{codename}',
    components: ['main'],
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'percona-tools-apt': {
    kind: 'apt',
    id: 'percona-tools',
    uri: 'http://repo.percona.com/tools/apt/',
    suite: '{codename}',
    components: ['main'],
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'percona-pxb24-apt': {
    kind: 'apt',
    id: 'percona-pxb24',
    uri: 'http://repo.percona.com/pxb-24/apt/',
    suite: '{codename}',
    components: ['main'],
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'percona-tools-yum': {
    kind: 'yum',
    id: 'percona-tools',
    baseurl: 'http://repo.percona.com/tools/yum/release/{elnum}/RPMS/$basearch/',
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'percona-pxb24-yum': {
    kind: 'yum',
    id: 'percona-pxb24',
    baseurl: 'http://repo.percona.com/pxb-24/yum/release/{elnum}/RPMS/$basearch/',
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'percona-yum': {
    kind: 'yum',
    id: 'percona',
    baseurl: 'http://repo.percona.com/{product}/yum/release/{elnum}/RPMS/$basearch/',
    keyUrl: PERCONA_KEY_URL,
    fingerprints: [PERCONA_KEY],
  },
  'mongodb-apt': {
    kind: 'apt',
    id: 'mongodb',
    uri: 'http://repo.mongodb.org/apt/{distro}',
    suite: '{codename}/mongodb-org/{version}',
    components: ['{mongocomponent}'],
    keyUrl: 'https://pgp.mongodb.com/server-{version}.asc',
    fingerprints: ['{mongokey}'],
  },
  'mongodb-yum': {
    kind: 'yum',
    id: 'mongodb',
    baseurl: 'https://repo.mongodb.org/yum/redhat/{elnum}/mongodb-org/{version}/$basearch/',
    keyUrl: 'https://pgp.mongodb.com/server-{version}.asc',
    fingerprints: ['{mongokey}'],
  },
  'cassandra-apt': {
    kind: 'apt',
    id: 'cassandra',
    uri: 'https://debian.cassandra.apache.org',
    suite: '{series}',
    components: ['main'],
    keyUrl: 'https://downloads.apache.org/cassandra/KEYS',
    fingerprints: CASSANDRA_KEYS,
  },
  'cassandra-yum': {
    kind: 'yum',
    id: 'cassandra',
    baseurl: 'https://redhat.cassandra.apache.org/{series}',
    keyUrl: 'https://downloads.apache.org/cassandra/KEYS',
    fingerprints: CASSANDRA_KEYS,
  },
  'couchdb-apt': {
    kind: 'apt',
    id: 'couchdb',
    uri: 'https://apache.jfrog.io/artifactory/couchdb-deb/',
    suite: '{codename}',
    components: ['main'],
    keyUrl: 'https://couchdb.apache.org/repo/keys.asc',
    fingerprints: [COUCHDB_KEY],
  },
  'docker-apt': {
    kind: 'apt',
    id: 'docker',
    uri: 'https://download.docker.com/linux/{distro}',
    suite: '{codename}',
    components: ['stable'],
    keyUrl: 'https://download.docker.com/linux/{distro}/gpg',
    fingerprints: [DOCKER_KEY],
  },
  // RDO on RHEL: the CentOS Cloud SIG repository that rdo-release configures, written directly
  // (rdo-release RPM names carry a build number per release). Base URLs: rdo-infra/rdo-release;
  // the el8 vault path and the key URL are UNVERIFIED, the key is pinned by fingerprint.
  'rdo-yum': {
    kind: 'yum',
    id: 'rdo',
    baseurl: '{rdobase}/openstack-{rdoseries}/',
    keyUrl: 'https://www.centos.org/keys/RPM-GPG-KEY-CentOS-SIG-Cloud',
    fingerprints: [CENTOS_CLOUD_SIG_KEY],
  },
  'docker-yum': {
    kind: 'yum',
    id: 'docker',
    baseurl: 'https://download.docker.com/linux/{dockerdistro}/$releasever/$basearch/stable',
    keyUrl: 'https://download.docker.com/linux/{dockerdistro}/gpg',
    fingerprints: [DOCKER_KEY],
  },
};
