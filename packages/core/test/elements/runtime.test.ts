/**
 * The programs the agent of the image's release runs go into the image whatever the
 * datastore's packages happen to pull in (docs/facts/guest-agent-contract.md §2.2, §2.3):
 * the native-era agent moves data onto the volume with rsync and finds MySQL with ps.
 */
import { with_ } from '../helpers';
import { planOf, variablesOf } from './support';

const native = {
  tib: 1,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'postgresql', version: '13', runtime: 'native' },
  guestagent: { source: 'local', path: 'trove', release: 'ussuri', requirements: { index: 'none' } },
};
const files = { 'trove/setup.py': '' };
// The guest base installs the programs every image needs; a native image's datastore part
// what the agent needs for that datastore (so a shared layer is the same for every datastore).
const base = (recipe: Record<string, unknown>) => {
  const v = variablesOf(planOf(recipe, files));
  return [...(v['TIB_BASE_PACKAGES'] ?? '').split(' '), ...(v['TIB_DATASTORE_AGENT_PACKAGES'] ?? '').split(' ')];
};

describe("the native-era agent's runtime programs", () => {
  it('PostgreSQL (whose packages depend on neither): rsync for the data move', () => {
    expect(base(native)).toContain('rsync');
  });

  it('MariaDB: rsync and procps (ps -C mysqld)', () => {
    expect(base(with_(native, { datastore: { type: 'mariadb', version: '10.5' } }))).toEqual(expect.arrayContaining(['rsync', 'procps']));
  });

  it('Redis: no data move, no rsync', () => {
    expect(base(with_(native, { datastore: { type: 'redis', version: '6.0' } }))).not.toContain('rsync');
  });

  it('the container model moves no data itself', () => {
    const container = {
      tib: 1,
      base: { distro: 'debian', release: 'bookworm' },
      datastore: { type: 'mariadb' },
      guestagent: { source: 'package' },
    };
    expect(base(container)).not.toContain('rsync');
  });
});
