/**
 * Datastores: what the guest agent expects of each (paths, services, accounts), and the
 * container model's images per Trove release. Facts: docs/facts/guest-agent-contract.md
 * §1 (mount points), §2.4 (Python modules the managers import), §2.6 (config, services,
 * accounts, read at 13.0.1); docs/facts/trove-releases.md §4 (container image options per
 * tag) and §5 (datastore versions per container-era release).
 */
import type { Series } from './agents';
import { troveRelease } from './agents';

export type Datastore =
  'cassandra' | 'couchbase' | 'couchdb' | 'db2' | 'mariadb' | 'mongodb' | 'mysql' | 'percona' | 'postgresql' | 'pxc' | 'redis' | 'vertica';

export interface AgentExpectations {
  readonly title: string;
  /** Where the agent mounts the Cinder volume / keeps data (controller `mount_point`). */
  readonly dataDir: string;
  /** Config include directory the agent writes overrides into, when it has one. */
  readonly configIncludeDir?: string;
  /** Service names the agent looks for, in order, per family; the image must leave them disabled. */
  readonly services: { readonly deb: readonly string[]; readonly rpm: readonly string[] };
  /** OS account owning the data. */
  readonly osUser: { readonly deb: string; readonly rpm: string };
  /** Python modules the native manager imports but Trove's requirements do not install. */
  readonly pythonDrivers: { readonly pip: readonly string[]; readonly deb: readonly string[]; readonly rpm: readonly string[] };
  /** vendor-supplied package: required (vertica, db2), optional (couchbase offline), or not used. */
  readonly vendorPackage: 'required' | 'optional' | 'none';
}

// mysql_common/service.py at 13.0.1: /etc/mysql/conf.d on every OS, services mysql, mysqld,
// mysql-server (docs/facts/guest-agent-contract.md §2.6).
const mysqlLike = (title: string): AgentExpectations => ({
  title,
  dataDir: '/var/lib/mysql',
  configIncludeDir: '/etc/mysql/conf.d',
  services: { deb: ['mysql', 'mysqld', 'mysql-server'], rpm: ['mysql', 'mysqld', 'mysql-server'] },
  osUser: { deb: 'mysql', rpm: 'mysql' },
  pythonDrivers: { pip: [], deb: [], rpm: [] },
  vendorPackage: 'none',
});

export const DATASTORES: Readonly<Record<Datastore, AgentExpectations>> = {
  mysql: mysqlLike('MySQL'),
  percona: mysqlLike('Percona Server'),
  pxc: mysqlLike('Percona XtraDB Cluster'),
  mariadb: { ...mysqlLike('MariaDB'), services: { deb: ['mariadb', 'mysql', 'mysqld', 'mysql-server'], rpm: ['mariadb'] } },
  postgresql: {
    title: 'PostgreSQL',
    dataDir: '/var/lib/postgresql',
    services: { deb: ['postgresql'], rpm: ['postgresql'] },
    osUser: { deb: 'postgres', rpm: 'postgres' },
    pythonDrivers: { pip: ['psycopg2-binary'], deb: ['python3-psycopg2'], rpm: ['python3-psycopg2'] },
    vendorPackage: 'none',
  },
  mongodb: {
    title: 'MongoDB',
    dataDir: '/var/lib/mongodb',
    services: { deb: ['mongodb', 'mongod'], rpm: ['mongodb', 'mongod'] },
    osUser: { deb: 'mongodb', rpm: 'mongod' },
    pythonDrivers: { pip: ['pymongo'], deb: ['python3-pymongo'], rpm: ['python3-pymongo'] },
    vendorPackage: 'none',
  },
  redis: {
    title: 'Redis',
    dataDir: '/var/lib/redis',
    configIncludeDir: '/etc/redis',
    services: { deb: ['redis-server', 'redis'], rpm: ['redis-server', 'redis'] },
    osUser: { deb: 'redis', rpm: 'redis' },
    pythonDrivers: { pip: ['redis'], deb: ['python3-redis'], rpm: ['python3-redis'] },
    vendorPackage: 'none',
  },
  cassandra: {
    title: 'Apache Cassandra',
    dataDir: '/var/lib/cassandra',
    configIncludeDir: '/etc/cassandra',
    services: { deb: ['cassandra'], rpm: ['cassandra'] },
    osUser: { deb: 'cassandra', rpm: 'cassandra' },
    pythonDrivers: { pip: ['cassandra-driver'], deb: ['python3-cassandra'], rpm: [] },
    vendorPackage: 'none',
  },
  couchbase: {
    title: 'Couchbase Server',
    dataDir: '/var/lib/couchbase',
    configIncludeDir: '/etc/couchbase',
    services: { deb: ['couchbase-server'], rpm: ['couchbase-server'] },
    osUser: { deb: 'couchbase', rpm: 'couchbase' },
    pythonDrivers: { pip: [], deb: [], rpm: [] },
    vendorPackage: 'optional',
  },
  couchdb: {
    title: 'Apache CouchDB',
    dataDir: '/var/lib/couchdb',
    configIncludeDir: '/etc/couchdb',
    services: { deb: ['couchdb'], rpm: ['couchdb'] },
    osUser: { deb: 'couchdb', rpm: 'couchdb' },
    pythonDrivers: { pip: ['CouchDB'], deb: [], rpm: [] },
    vendorPackage: 'none',
  },
  vertica: {
    title: 'Vertica',
    dataDir: '/var/lib/vertica',
    services: { deb: ['vertica_agent', 'verticad'], rpm: ['vertica_agent', 'verticad'] },
    osUser: { deb: 'dbadmin', rpm: 'dbadmin' },
    pythonDrivers: { pip: [], deb: [], rpm: [] },
    vendorPackage: 'required',
  },
  db2: {
    title: 'IBM Db2',
    dataDir: '/home/db2inst1/db2inst1',
    services: { deb: [], rpm: [] },
    osUser: { deb: 'db2inst1', rpm: 'db2inst1' },
    pythonDrivers: { pip: [], deb: [], rpm: [] },
    vendorPackage: 'required',
  },
};

/** Agent config sections and images of the container model (Trove 14+). */
export interface ContainerDatastore {
  /** Section of trove-guestagent.conf holding docker_image / backup_docker_image. */
  readonly section: string;
  readonly image: string;
  /** Upstream default backup image per major Trove version; undefined from 21 (no default). */
  readonly backupImage: (major: number) => string | undefined;
  /** Datastore versions the agent release manages. */
  readonly versions: (major: number) => readonly string[];
}

export const CONTAINER_DATASTORES: Readonly<Partial<Record<Datastore, ContainerDatastore>>> = {
  mysql: {
    section: 'mysql',
    image: 'mysql',
    backupImage: (m) => (m === 14 ? 'openstacktrove/db-backup-mysql:1.0.0' : m <= 20 ? 'openstacktrove/db-backup-mysql:1.1.0' : undefined),
    // 15.0.0 added MySQL 8; 24.0.0 added 8.4 and dropped 5.7 (docs/facts/trove-releases.md §5).
    // Backup images per tag: docs/facts/trove-releases.md §4.
    versions: (m) => (m === 14 ? ['5.7'] : m <= 23 ? ['5.7', '8.0'] : ['8.0', '8.4']),
  },
  mariadb: {
    section: 'mariadb',
    image: 'mariadb',
    backupImage: (m) =>
      m === 14 ? 'openstacktrove/db-backup-mariadb:1.0.0' : m <= 20 ? 'openstacktrove/db-backup-mariadb:1.1.0' : undefined,
    // 24.0.0 added 11.4 and 11.8 and removed 10.4 (docs/facts/trove-releases.md §5; 10.5/10.6/10.11 for
    // 14–23 are tib's reading, docs/facts/README.md §6).
    versions: (m) => (m <= 23 ? ['10.4', '10.5', '10.6', '10.11'] : ['10.6', '10.11', '11.4', '11.8']),
  },
  postgresql: {
    section: 'postgresql',
    image: 'postgres',
    backupImage: (m) =>
      m === 14
        ? 'openstacktrove/db-backup-postgresql:1.0.0'
        : m === 15
          ? 'openstacktrove/db-backup-postgresql:1.1.0'
          : m <= 20
            ? 'openstacktrove/db-backup-postgresql:1.1.2'
            : undefined,
    // 24.0.0 added 16 and 17 and removed 12; 18 is on master only (docs/facts/trove-releases.md §5).
    versions: (m) => (m <= 23 ? ['12'] : m === 26 ? ['16', '17', '18'] : ['16', '17']),
  },
};

export function containerOffer(
  datastore: Datastore,
  series: Series,
): { section: string; image: string; backupImage?: string; versions: readonly string[] } | undefined {
  const offer = CONTAINER_DATASTORES[datastore];
  const release = troveRelease(series);
  if (!offer || !release || release.model !== 'container') return undefined;
  const backupImage = offer.backupImage(release.major);
  return { section: offer.section, image: offer.image, ...(backupImage ? { backupImage } : {}), versions: offer.versions(release.major) };
}

/** True when `requested` is `catalogVersion` or a patch release of it (10.11 / 10.11.6). */
export function versionMatches(requested: string, catalogVersion: string): boolean {
  return requested === catalogVersion || requested.startsWith(`${catalogVersion}.`);
}
