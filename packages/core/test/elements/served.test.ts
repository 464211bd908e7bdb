/**
 * Container images that serve several datastores, datastore images built from the
 * release's packages, the agent's runtime needs per release, and the controller templates
 * the contract carries: what the plan tells the elements, the checks and the controller.
 */
import { registrationCommands } from '../../src';
import type { Expectation } from '../../src';
import { with_ } from '../helpers';
import { elementNames, imageFilesOf, planOf, variablesOf } from './support';

const bookworm = {
  tib: 1,
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11', image: 'packages', also: [{ type: 'postgresql', version: '15', image: 'packages' }] },
  guestagent: { source: 'package' },
};
const trixie = with_(bookworm, {
  base: { release: 'trixie' },
  datastore: { version: '11.8', also: [{ type: 'postgresql', version: '17', image: 'packages' }] },
});

describe('an image serving MariaDB and PostgreSQL from images built of Debian packages', () => {
  const plan = planOf(bookworm);
  const vars = variablesOf(plan);

  test('builds both images on the build host and preloads them', () => {
    expect(elementNames(plan)).toEqual(expect.arrayContaining(['tib-datastore-images', 'tib-image-loader', 'tib-docker']));
    expect(vars['TIB_DS_IMAGES']).toBe('0 1');
    expect(vars['TIB_DS_IMAGE_0_TAG']).toBe('mariadb:10.11');
    expect(vars['TIB_DS_IMAGE_1_TAG']).toBe('postgres:15');
    expect(vars['TIB_DS_IMAGE_1_PACKAGES']).toContain('postgresql-15');
    expect(vars['TIB_DS_IMAGE_1_PATH']).toBe('/usr/lib/postgresql/15/bin');
    expect(vars['TIB_DS_IMAGE_1_STOPSIGNAL']).toBe('SIGINT');
    expect(vars['TIB_DS_IMAGE_SUITE']).toBe('bookworm');
  });

  test("the agent's settings name both datastores' images", () => {
    const conf = imageFilesOf(plan)['/etc/trove/conf.d/00-tib-datastore.conf'] ?? '';
    expect(conf).toMatch(/\[mariadb\]\ndocker_image = mariadb/);
    expect(conf).toMatch(/\[postgresql\]\ndocker_image = postgres/);
    // Trove 18 cannot list MariaDB 10.6+'s sys schema.
    expect(conf).toContain('ignore_dbs = mysql, information_schema, performance_schema, sys');
  });

  test('verify expects each built archive, the loader and psycopg2 for the PostgreSQL manager', () => {
    const paths = plan.expectations.flatMap((e) => (e.kind === 'path' ? [e.path] : []));
    expect(paths).toEqual(
      expect.arrayContaining(['/var/lib/tib/images/tib-mariadb-10.11.tar.gz', '/var/lib/tib/images/tib-postgresql-15.tar.gz']),
    );
    const packages = plan.expectations.flatMap((e) => (e.kind === 'package' && e.installed ? [e.name] : []));
    expect(packages).toEqual(expect.arrayContaining(['python3-psycopg2', 'apparmor', 'e2fsprogs']));
  });

  test('registration covers both datastore versions; the controller gets a PostgreSQL 15 template', () => {
    const commands = registrationCommands(plan.controller.registration);
    expect(commands).toContain("trove-manage datastore_version_update mariadb 10.11 mariadb '' '' 1 --image-tags trove");
    expect(commands).toContain("trove-manage datastore_version_update postgresql 15 postgresql '' '' 1 --image-tags trove");
    expect(plan.controller.templates.map((t) => t.path)).toEqual(['postgresql/15/config.template']);
    expect(plan.controller.templates[0]?.content).toContain('wal_keep_size');
    expect(plan.controller.templates[0]?.content).not.toMatch(/^wal_keep_segments/m);
  });

  test('pre-flight asks for what the image build runs on the host', () => {
    const commands = plan.preflight.flatMap((r) => (r.kind === 'command' ? [r.name] : []));
    expect(commands).toEqual(expect.arrayContaining(['debootstrap', 'unshare', 'gzip']));
  });
});

describe('the agent of each release gets what it uses', () => {
  const dirsOf = (recipe: Record<string, unknown>) => variablesOf(planOf(recipe))['TIB_AGENT_DIRS']?.split(' ') ?? [];
  test('Trove 14+ (container): /opt/trove-guestagent, owned by the agent, checked offline', () => {
    expect(dirsOf(bookworm)).toContain('/opt/trove-guestagent');
    const owned = planOf(bookworm).expectations.find(
      (e): e is Extract<Expectation, { kind: 'path' }> => e.kind === 'path' && e.path === '/opt/trove-guestagent',
    );
    expect(owned?.owner).toBe('trove');
  });
  test('Trove 18 keeps the socket directory across reboots; Trove 23 moved it', () => {
    expect(imageFilesOf(planOf(bookworm))['/etc/tmpfiles.d/tib-trove-sockets.conf']).toContain('d /run/mysqld 0755 1001 1001 -');
    expect(imageFilesOf(planOf(trixie))['/etc/tmpfiles.d/tib-trove-sockets.conf']).toBeUndefined();
  });
});

describe('Debian trixie with its Trove 23 agent', () => {
  const plan = planOf(trixie);
  const vars = variablesOf(plan);
  test('gets the DIB compatibility element, dhcpcd and the docker command', () => {
    expect(elementNames(plan)).toContain('tib-dib-compat');
    expect(vars['TIB_BASE_PACKAGES']).toContain('dhcpcd-base');
    expect(vars['TIB_DOCKER_PACKAGES']).toBe('docker.io docker-cli');
    expect(vars['TIB_DS_IMAGE_0_TAG']).toBe('mariadb:11.8');
    expect(vars['TIB_DS_IMAGE_1_TAG']).toBe('postgres:17');
  });
  test('needs no controller template: Trove 23 runs PostgreSQL 17 itself', () => {
    expect(plan.controller.templates).toEqual([]);
  });
  test('pre-flight checks that debootstrap knows trixie', () => {
    expect(plan.preflight).toContainEqual(expect.objectContaining({ kind: 'debootstrap-suite', suite: 'trixie' }));
  });
});
