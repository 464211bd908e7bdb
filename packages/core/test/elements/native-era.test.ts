/**
 * The native model pairs an image with the Trove ≤ 13 era: its agent, and its controller,
 * which renders the datastore's configuration from its own templates. The matrix offers
 * only what that era can run, says why for the rest, and names the conditions of a
 * conditional yes (docs/facts/controller.md §3.4, guest-agent-contract.md §2.7, §2.8).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASTORES, supportMatrix } from '../../src';
import type { Datastore } from '../../src';
import { NATIVE_IMAGE_FIXES, NATIVE_REFUSALS } from '../../src/catalog/native-era';
import { OFFLINE_AGENT_PACKAGES } from '../../src/catalog/offline-agent';
import { with_ } from '../helpers';
import { compileObject, ELEMENTS_DIR, planOf, variablesOf } from './support';

const native = supportMatrix(Object.keys(DATASTORES).sort() as Datastore[]).filter((r) => r.model === 'native');
const supported = native.filter((r) => r.supported);
const bullseye = {
  tib: 1,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
  guestagent: { source: 'git', ref: '13.0.1', requirements: { index: 'none' } },
};

describe('what the native era can run', () => {
  it('nothing on Debian 12: the Trove 13 agent cannot import its managers with SQLAlchemy 1.4', () => {
    const bookworm = native.filter((r) => r.distro === 'debian' && r.release === 'bookworm');
    expect(bookworm.length).toBe(Object.keys(DATASTORES).length);
    for (const row of bookworm)
      expect([row.datastore, row.supported, row.reason]).toEqual([row.datastore, false, NATIVE_REFUSALS.bookworm]);
  });

  it('no MySQL, Percona or PXC 8.0 and no MariaDB 10.6 or later; where packages offer them, the refusal says why', () => {
    for (const row of supported) {
      const mysqlLike = ['mysql', 'percona', 'pxc'].includes(row.datastore);
      for (const v of row.versions) {
        if (mysqlLike) expect([row.datastore, v]).toEqual([row.datastore, '5.7']);
        if (row.datastore === 'mariadb') expect(Number(v.split('.')[1])).toBeLessThanOrEqual(5);
      }
    }
    const bionic = supported.find((r) => r.datastore === 'mysql' && r.release === 'bionic');
    expect(bionic?.versionNotes).toContainEqual({ version: '8.0', kind: 'refused', text: NATIVE_REFUSALS.mysql8 });
    const focal = native.find((r) => r.datastore === 'mysql' && r.release === 'focal');
    expect(focal?.supported).toBe(false);
    expect(focal?.reason).toContain('SET PASSWORD');
  });

  it("every PostgreSQL needs tib's template on the controller; from 13, backups and replicas fail", () => {
    const pg = supported.filter((r) => r.datastore === 'postgresql');
    expect(pg.length).toBeGreaterThan(3);
    for (const row of pg) {
      for (const v of row.versions) {
        const notes = (row.versionNotes ?? []).filter((n) => n.version === v);
        expect(notes.some((n) => n.kind === 'condition' && /template_path/.test(n.text))).toBe(true);
        expect(notes.some((n) => n.kind === 'caveat' && /wal_keep_segments/.test(n.text))).toBe(Number(v) >= 13);
      }
    }
  });

  it('MariaDB 10.5 runs with the image-side fix for its process name, which the element applies', () => {
    const row = supported.find((r) => r.datastore === 'mariadb' && r.release === 'bullseye');
    expect(row?.versionNotes).toEqual([{ version: '10.5', kind: 'condition', text: NATIVE_IMAGE_FIXES['mariadbd-as-mysqld'] }]);
    expect(variablesOf(planOf(bullseye))['TIB_DATASTORE_IMAGE_FIXES']).toBe('mariadbd-as-mysqld');
    const focal = with_(bullseye, {
      base: { distro: 'ubuntu', release: 'focal' },
      datastore: { version: '10.3' },
      guestagent: { requirements: { index: 'pypi' } },
    });
    expect(variablesOf(planOf(focal))['TIB_DATASTORE_IMAGE_FIXES']).toBe('');
    // Every fix the catalog can ask for is one the element knows.
    const script = fs.readFileSync(path.join(ELEMENTS_DIR, 'tib-ds-mariadb/install.d/47-tib-ds-mariadb'), 'utf8');
    for (const fix of Object.keys(NATIVE_IMAGE_FIXES)) expect(script).toContain(`*" ${fix} "*)`);
  });

  it('a refused version is a positioned error that says why', () => {
    const result = compileObject(
      with_(bullseye, { base: { distro: 'ubuntu', release: 'bionic' }, datastore: { type: 'mysql', version: '8.0' } }),
    );
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.code === 'TIB3003');
    expect(error?.message).toContain('PASSWORD()');
    expect(error?.hint).toBe('available: 5.7');
  });
});

describe('an offline agent takes its dependencies from the distribution', () => {
  it("Trove 13 on Debian 11: the catalog's packages and the datastore drivers", () => {
    const extra = (
      variablesOf(planOf(with_(bullseye, { datastore: { type: 'postgresql', version: '13' } })))['TIB_AGENT_EXTRA_PACKAGES'] ?? ''
    ).split(' ');
    expect(extra).toEqual(expect.arrayContaining([...(OFFLINE_AGENT_PACKAGES['debian/bullseye']?.[13] ?? []), 'python3-psycopg2']));
    expect(extra).toContain('python3-oslo.messaging');
    expect(new Set(extra).size).toBe(extra.length);
  });

  it('with an index, nothing from the distribution but build tools', () => {
    const v = variablesOf(planOf(with_(bullseye, { guestagent: { requirements: { index: 'pypi' } } })));
    expect(v['TIB_AGENT_EXTRA_PACKAGES']).toBe('');
  });
});
