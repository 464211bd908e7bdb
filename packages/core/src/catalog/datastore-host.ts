/**
 * What a natively installed datastore needs from the operating system around it, beyond
 * its packages: mandatory-access-control rules for the paths the agent uses, kernel and
 * sysctl settings the vendors document, and how the native-era agent first reaches the
 * database. Facts: docs/facts/guest-agent-contract.md §2.6, §2.7 (the agent's paths, the
 * first root login, Trove's own AppArmor rule), docs/facts/distributions.md §2 (Debian's
 * MariaDB profile), docs/facts/vendors.md §5, §11 (host settings); UNVERIFIED marks what
 * no source confirmed, and docs/facts/README.md §6 lists it.
 */
import type { Datastore } from './datastores';

export interface DatastoreHost {
  /**
   * AppArmor profiles (file names under /etc/apparmor.d) the datastore's packages may
   * ship on Debian/Ubuntu. tib adds local rules only to profiles that exist in the image
   * (Debian 12's MariaDB ships an intentionally empty usr.sbin.mariadbd).
   */
  readonly apparmorProfiles: readonly string[];
  /** Extra paths the datastore process must reach: the agent's backup/restore temp dirs. */
  readonly apparmorExtraPaths: readonly string[];
  /**
   * SELinux: the path whose file context a moved data dir / config include dir should get
   * (`semanage fcontext -a -e`). Undefined when the targeted policy has no type for it.
   */
  readonly selinuxDataLike?: string;
  readonly selinuxConfigLike?: string;
  /** Python 2 driver packages on EL7, where RDO's agents (≤ Train) run on python2. */
  readonly el7Drivers: readonly string[];
}

const mysqlHost: DatastoreHost = {
  apparmorProfiles: ['usr.sbin.mysqld'],
  // Trove's own ubuntu-mysql element allowed /tmp for restores (docs/facts/guest-agent-contract.md §2.6).
  apparmorExtraPaths: ['/tmp/'],
  selinuxDataLike: '/var/lib/mysql',
  selinuxConfigLike: '/etc/my.cnf.d',
  el7Drivers: [],
};

export const DATASTORE_HOST: Readonly<Record<Datastore, DatastoreHost>> = {
  mysql: mysqlHost,
  percona: mysqlHost,
  pxc: mysqlHost,
  mariadb: { ...mysqlHost, apparmorProfiles: ['usr.sbin.mariadbd', 'usr.sbin.mysqld'] },
  postgresql: { apparmorProfiles: [], apparmorExtraPaths: [], selinuxDataLike: '/var/lib/pgsql', el7Drivers: ['python-psycopg2'] },
  // python2-psycopg2 / python2-pymongo / python2-cassandra-driver on EL7 come from EPEL/RDO,
  // and the SELinux "like" paths from the targeted policy: UNVERIFIED (docs/facts/README.md §6).
  mongodb: { apparmorProfiles: [], apparmorExtraPaths: [], selinuxDataLike: '/var/lib/mongo', el7Drivers: ['python2-pymongo'] },
  redis: { apparmorProfiles: [], apparmorExtraPaths: [], selinuxDataLike: '/var/lib/redis', el7Drivers: [] },
  cassandra: { apparmorProfiles: [], apparmorExtraPaths: [], el7Drivers: ['python2-cassandra-driver'] },
  couchbase: { apparmorProfiles: [], apparmorExtraPaths: [], el7Drivers: [] },
  couchdb: { apparmorProfiles: [], apparmorExtraPaths: [], el7Drivers: [] },
  vertica: { apparmorProfiles: [], apparmorExtraPaths: [], el7Drivers: [] },
  db2: { apparmorProfiles: [], apparmorExtraPaths: [], el7Drivers: [] },
};

export interface KernelSettings {
  /** sysctl keys and values, written to /etc/sysctl.d. */
  readonly sysctl: Readonly<Record<string, string>>;
  /** Extra kernel command-line arguments. */
  readonly cmdline: readonly string[];
  /** Where each setting comes from, for the rendered file's comment. */
  readonly why: string;
}

const NONE: KernelSettings = { sysctl: {}, cmdline: [], why: '' };

/**
 * Kernel settings per datastore and version. Transparent huge pages are turned off on
 * the kernel command line (it applies before any service starts, which a sysfs write
 * in a unit cannot guarantee).
 */
export function kernelSettings(datastore: Datastore, version: string): KernelSettings {
  switch (datastore) {
    case 'redis':
      // Redis's own start-up checks (docs/facts/vendors.md §11): overcommit_memory=1 for background saves;
      // THP not "always"; somaxconn at least the default tcp-backlog of 511.
      return {
        sysctl: { 'vm.overcommit_memory': '1', 'net.core.somaxconn': '1024' },
        cmdline: ['transparent_hugepage=never'],
        why: "Redis's start-up checks (overcommit, backlog, THP)",
      };
    case 'mongodb':
      // MongoDB's THP page: off up to 7.0; 8.0's TCMalloc wants THP enabled (docs/facts/vendors.md §5).
      // max_map_count: UNVERIFIED (docs/facts/README.md §6).
      return Number(version.split('.')[0]) >= 8
        ? {
            sysctl: { 'vm.max_map_count': '262144' },
            cmdline: [],
            why: 'MongoDB 8.0 production notes (keep THP enabled, raise max_map_count)',
          }
        : {
            sysctl: { 'vm.max_map_count': '262144' },
            cmdline: ['transparent_hugepage=never'],
            why: 'MongoDB production notes (THP off before 8.0, raise max_map_count)',
          };
    case 'cassandra':
      // UNVERIFIED against a vendor page (docs/facts/README.md §6).
      return {
        sysctl: { 'vm.max_map_count': '1048575', 'vm.swappiness': '1' },
        cmdline: [],
        why: 'Apache Cassandra recommended production settings (max_map_count, avoid swap)',
      };
    case 'couchbase':
      // The Trove agent itself runs `sysctl vm.swappiness=0` (docs/facts/guest-agent-contract.md §2.6); making it
      // persistent here. THP off: UNVERIFIED (docs/facts/README.md §6).
      return {
        sysctl: { 'vm.swappiness': '0' },
        cmdline: ['transparent_hugepage=never'],
        why: 'Couchbase Server deployment guidelines (swappiness 0, THP off)',
      };
    default:
      return NONE;
  }
}

/**
 * How the native-era MySQL-family agent first logs in: Trove ≤ 13 connects as root with
 * an empty password over /var/run/mysqld/mysqld.sock (docs/facts/guest-agent-contract.md §2.7),
 * while it runs as the agent user. Debian and Ubuntu packages give root socket
 * authentication, which only OS root passes; the image restores the login the agent
 * expects until the agent replaces the configuration.
 */
export type RootAccess = 'mariadb-multi' | 'mariadb-legacy' | 'mysql' | 'none';

export function rootAccess(datastore: Datastore, version: string): RootAccess {
  if (datastore === 'mariadb') {
    const [major = 0, minor = 0] = version.split('.').map((x) => Number(x));
    // MariaDB 10.4 introduced several authentication plugins per account (the SQL variants
    // are UNVERIFIED here, docs/facts/README.md §6).
    return major > 10 || (major === 10 && minor >= 4) ? 'mariadb-multi' : 'mariadb-legacy';
  }
  if (datastore === 'mysql' || datastore === 'percona' || datastore === 'pxc') return 'mysql';
  return 'none';
}
