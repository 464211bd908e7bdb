/**
 * What the guest agent of a Trove release uses on the guest beyond its own package: the
 * directories it writes as its own user (without sudo, so they must exist and be its
 * own), and the programs it runs and modules it imports at start and at prepare. Read
 * from the agent's code at each release tag of openstack/trove; docs/facts/
 * guest-agent-contract.md has the paths and line numbers.
 */
import type { GuestModel } from './agents';
import type { Datastore } from './datastores';

/** A package the image must carry for the agent, and the agent code that needs it. */
export interface RuntimePackage {
  readonly deb?: string;
  readonly rpm?: string;
  readonly why: string;
}

export interface AgentRuntime {
  readonly stateDirs: readonly { readonly path: string; readonly why: string }[];
  readonly packages: readonly RuntimePackage[];
}

/** The datastores whose native-era prepare moves existing data onto the volume with rsync. */
const MIGRATES_DATA: ReadonlySet<Datastore> = new Set([
  'mysql',
  'mariadb',
  'percona',
  'pxc',
  'postgresql',
  'mongodb',
  'cassandra',
  'couchdb',
  'couchbase',
  'db2',
  'vertica',
]);

const MYSQL_FAMILY: ReadonlySet<Datastore> = new Set(['mysql', 'mariadb', 'percona', 'pxc']);

export function agentRuntime(major: number, model: GuestModel, datastores: readonly Datastore[]): AgentRuntime {
  const stateDirs: { path: string; why: string }[] = [];
  const packages: RuntimePackage[] = [];
  if (major >= 14) {
    // trove/guestagent/datastore/service.py GUESTAGENT_DIR (14.0.0 on): the prepare markers
    // .guestagent.prepare.start/.end are written there as the agent user. Up to 13 the
    // directory was '~', the agent's home, which tib-guest-base creates.
    stateDirs.push({
      path: '/opt/trove-guestagent',
      why: `the Trove ${major} agent writes its prepare markers here as its own user (trove/guestagent/datastore/service.py GUESTAGENT_DIR)`,
    });
  }
  // Every release formats and mounts the volume itself (trove/guestagent/volume.py):
  // blockdev, dumpe2fs, mkfs, mount, resize2fs through sudo.
  packages.push({
    deb: 'e2fsprogs',
    rpm: 'e2fsprogs',
    why: 'the agent formats and checks the data volume (volume.py: mkfs, dumpe2fs, resize2fs)',
  });
  if (model === 'native') {
    if (datastores.some((d) => MIGRATES_DATA.has(d))) {
      packages.push({
        deb: 'rsync',
        rpm: 'rsync',
        why: "the native-era agent moves the datastore's data onto the volume with rsync at prepare (volume.py migrate_data)",
      });
    }
    if (datastores.some((d) => MYSQL_FAMILY.has(d))) {
      packages.push({ deb: 'procps', rpm: 'procps-ng', why: 'the native-era MySQL agent finds the server with ps -C mysqld' });
    }
  } else {
    // docker.io only recommends apparmor; without apparmor_parser on an AppArmor kernel
    // dockerd cannot load its docker-default profile and containers do not start.
    packages.push({ deb: 'apparmor', why: 'Docker loads its docker-default AppArmor profile with apparmor_parser' });
  }
  return { stateDirs, packages };
}

/**
 * Settings the container-model agent of a release needs for a datastore, written into the
 * image's agent configuration (beyond docker_image). Each names the agent behaviour it
 * works around and the release that fixed it upstream.
 */
export function agentDatastoreSettings(major: number, datastore: Datastore): readonly { key: string; value: string; why: string }[] {
  if (datastore === 'mariadb' && major < 20) {
    // MariaDB 10.6+ always has the sys schema, reported as utf8mb3, which agents before
    // 20.0.0 (commit 3ba1f0d9) cannot map to a collation: list_databases fails.
    return [
      {
        key: 'ignore_dbs',
        value: 'mysql, information_schema, performance_schema, sys',
        why: `MariaDB 10.6+ has a sys schema whose utf8mb3 collation the Trove ${major} agent cannot list (fixed in Trove 20)`,
      },
    ];
  }
  return [];
}

/**
 * Container-model agents from 14 to 20 bind-mount the datastore's socket directory from
 * /run, which a reboot recreates root-owned; the database, running as uid 1001, then cannot
 * create its socket. Trove 21 moved the sockets under /var/lib (commit 9d31e46f).
 */
export function socketDirsOnTmpfs(major: number, datastore: Datastore): readonly string[] {
  if (major < 14 || major >= 21) return [];
  if (MYSQL_FAMILY.has(datastore)) return ['/run/mysqld'];
  if (datastore === 'postgresql') return ['/run/postgresql'];
  return [];
}

/** The uid:gid the container-model agent runs the database as (cfg.py database_service_uid). */
export const DATABASE_SERVICE_UID = 1001;
