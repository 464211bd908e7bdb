/**
 * Datastore container images tib builds from a distribution release's own packages
 * (`datastore.image: packages`), for clouds whose instances reach no registry. The image
 * is tagged like the upstream one the agent asks for (<docker_image>:<version>), and its
 * version is the one the release packages: it cannot be chosen. Package names and
 * versions: the release's Packages index (docs/facts/distributions.md); what the image
 * must do for the agent: docs/facts/guest-agent-contract.md.
 */
import type { Datastore } from './datastores';

export interface PackagedImage {
  /** The datastore version the release packages (the image's tag). */
  readonly version: string;
  /** Packages installed into the image (no recommends). */
  readonly packages: readonly string[];
  /** tib's entrypoint for it (elements/tib-datastore-images/tib-datastore-images-lib/entrypoints/<name>). */
  readonly entrypoint: 'mariadb' | 'postgresql';
  /** Directories put first on PATH in the image (where the server's programs live). */
  readonly path: readonly string[];
  /** The image's environment (beyond PATH). */
  readonly env: readonly string[];
  /** Its default command (the agent always passes one). */
  readonly cmd: string;
  /** The signal `docker stop` sends: the server's clean, quick shutdown. */
  readonly stopSignal: 'SIGTERM' | 'SIGINT';
  readonly ports: readonly number[];
}

const mariadb = (version: string): PackagedImage => ({
  version,
  // mariadb-client-core brings /usr/bin/mysql, which the agent execs for its health check.
  packages: ['mariadb-server', 'mariadb-client'],
  entrypoint: 'mariadb',
  path: [],
  env: [],
  cmd: 'mariadbd',
  stopSignal: 'SIGTERM',
  ports: [3306],
});

const postgresql = (major: string): PackagedImage => ({
  version: major,
  // initdb needs a passwd entry for the uid it runs as; the agent's uid 1001 has none, so
  // the entrypoint supplies one through nss_wrapper. Trove's templates name the en_US.utf8
  // locale and the Etc/UTC zone.
  packages: [`postgresql-${major}`, `postgresql-client-${major}`, 'libnss-wrapper', 'locales', 'tzdata'],
  entrypoint: 'postgresql',
  path: [`/usr/lib/postgresql/${major}/bin`],
  env: ['PGDATA=/var/lib/postgresql/data', 'LANG=en_US.utf8'],
  cmd: 'postgres',
  // SIGINT is PostgreSQL's fast shutdown.
  stopSignal: 'SIGINT',
  ports: [5432],
});

export const PACKAGED_IMAGES: Readonly<Record<string, Readonly<Partial<Record<Datastore, PackagedImage>>>>> = {
  'debian/bullseye': { mariadb: mariadb('10.5'), postgresql: postgresql('13') },
  'debian/bookworm': { mariadb: mariadb('10.11'), postgresql: postgresql('15') },
  'debian/trixie': { mariadb: mariadb('11.8'), postgresql: postgresql('17') },
};

export function packagedImage(releaseKey: string, datastore: Datastore): PackagedImage | undefined {
  return PACKAGED_IMAGES[releaseKey]?.[datastore];
}
