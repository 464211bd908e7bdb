/**
 * One table per semantic rule: each row is a recipe (the base recipe with a patch) and
 * the codes that rule must report — none for the good rows. Rows only assert on their
 * rule's codes, so a row stays meaningful when other rules also speak.
 */
import { RULES } from '../../src';
import { BASE_RECIPE, validateObject, with_, without } from '../helpers';
import { centos7, focalNative, rhel9 } from './fixtures';
import type { Row } from './fixtures';
import { LEAK_TABLES } from './leak-tables';
import { SYSTEM_TABLES } from './system-tables';

const TABLES: Record<string, { codes: string[]; rows: Row[] }> = {
  releaseKnown: {
    codes: ['TIB3001'],
    rows: [
      ['bookworm is known', BASE_RECIPE, []],
      ['typo in release', with_(BASE_RECIPE, { base: { release: 'bookwrm' } }), ['TIB3001']],
      ['ubuntu release under debian', with_(BASE_RECIPE, { base: { release: 'jammy' } }), ['TIB3001']],
      ['fedora has no catalog', with_(BASE_RECIPE, { base: { distro: 'fedora', release: '40' } }), ['TIB3001']],
    ],
  },
  archSupported: {
    codes: ['TIB3029'],
    rows: [
      ['arm64 debian', with_(BASE_RECIPE, { base: { arch: 'arm64' } }), []],
      ['arm64 centos 7', with_(centos7, { base: { arch: 'arm64' } }), ['TIB3029']],
    ],
  },
  releaseNotEol: {
    codes: ['TIB3030'],
    rows: [
      ['bookworm supported', BASE_RECIPE, []],
      ['centos 7 is eol', centos7, ['TIB3030(w)']],
      ['focal is eol', focalNative, ['TIB3030(w)']],
    ],
  },
  securityUpdatesOff: {
    codes: ['TIB3037'],
    rows: [
      ['security updates by default', BASE_RECIPE, []],
      ['said true', with_(BASE_RECIPE, { base: { securityUpdates: true } }), []],
      ['debian without its security suite', with_(BASE_RECIPE, { base: { securityUpdates: false } }), ['TIB3037(w)']],
      ['centos ignores it, and is told so', with_(centos7, { base: { securityUpdates: false } }), ['TIB3037(w)']],
    ],
  },
  imageSourceFits: {
    codes: ['TIB3021', 'TIB3020'],
    rows: [
      ['debian bootstrap', with_(BASE_RECIPE, { base: { image: { source: 'bootstrap' } } }), []],
      ['debian download impossible', with_(BASE_RECIPE, { base: { image: { source: 'download' } } }), ['TIB3021']],
      ['rhel needs local', with_(rhel9, { base: { image: { source: 'download' } } }), ['TIB3021', 'TIB3020']],
      ['local without path', with_(without(rhel9, 'base.image.path'), {}), ['TIB3021']],
      ['rhel without any base.image: its only source is a local file', without(rhel9, 'base.image'), ['TIB3021']],
      ['path with download', with_(centos7, { base: { image: { source: 'download', path: 'x.qcow2' } } }), ['TIB3020']],
      ['url with local', with_(rhel9, { base: { image: { url: 'https://example.com/x.qcow2' } } }), ['TIB3020']],
      ['sha256 with bootstrap', with_(BASE_RECIPE, { base: { image: { source: 'bootstrap', sha256: 'b'.repeat(64) } } }), ['TIB3020']],
      ['centos 7 default download', centos7, []],
    ],
  },
  initAvailable: {
    codes: ['TIB3022'],
    rows: [
      ['sysvinit on debian', with_(BASE_RECIPE, { system: { init: 'sysvinit' } }), []],
      [
        'sysvinit on jammy',
        with_(BASE_RECIPE, {
          base: { distro: 'ubuntu', release: 'jammy' },
          datastore: { type: 'mysql', version: '8.0' },
          system: { init: 'sysvinit' },
        }),
        ['TIB3022'],
      ],
      ['sysvinit on rhel 9', with_(rhel9, { system: { init: 'sysvinit' } }), ['TIB3022']],
    ],
  },
  selinuxOnRpm: {
    codes: ['TIB3011'],
    rows: [
      ['selinux on rhel', with_(rhel9, { system: { security: { selinux: 'enforcing' } } }), []],
      ['selinux on debian', with_(BASE_RECIPE, { system: { security: { selinux: 'permissive' } } }), ['TIB3011']],
    ],
  },
  apparmorOnDeb: {
    codes: ['TIB3012'],
    rows: [
      ['apparmor on debian', with_(BASE_RECIPE, { system: { security: { apparmor: 'complain' } } }), []],
      ['apparmor on centos', with_(centos7, { system: { security: { apparmor: 'enforce' } } }), ['TIB3012']],
    ],
  },
  agentSourceFields: {
    codes: ['TIB3007', 'TIB3020'],
    rows: [
      ['package alone', BASE_RECIPE, []],
      ['package with ref', with_(BASE_RECIPE, { guestagent: { ref: 'master' } }), ['TIB3020']],
      ['package with release', with_(BASE_RECIPE, { guestagent: { release: 'zed' } }), ['TIB3020']],
      ['rdo without release', without(centos7, 'guestagent.release'), ['TIB3007']],
      ['rdo with repo', with_(centos7, { guestagent: { repo: 'https://example.com/trove' } }), ['TIB3020']],
      ['local without path', with_(BASE_RECIPE, { guestagent: { source: 'local', release: 'zed' } }), ['TIB3007']],
      [
        'local with ref',
        with_(BASE_RECIPE, { guestagent: { source: 'local', release: 'zed', path: 'trove', ref: 'master' } }),
        ['TIB3020'],
      ],
      ['git with path', with_(BASE_RECIPE, { guestagent: { source: 'git', path: 'trove' } }), ['TIB3020']],
    ],
  },
  agentReleaseKnown: {
    codes: ['TIB3006'],
    rows: [
      ['git unmaintained branch', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/zed' } }), []],
      ['git numbered stable branch', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'stable/2025.1' } }), []],
      ['git numbered unmaintained branch', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/2023.1' } }), []],
      ['git end-of-life tag', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'ussuri-eol' } }), []],
      ['git numbered end tags', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: '2024.2-eol' } }), []],
      ['git numbered eom tag', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: '2023.1-eom' } }), []],
      [
        'git unmaintained ref contradicts release',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/2024.1', release: 'antelope' } }),
        ['TIB3006'],
      ],
      ['git unknown series', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/nowhere' } }), ['TIB3006']],
      ['git release tag', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: '19.0.0' } }), []],
      ['git master', with_(BASE_RECIPE, { guestagent: { source: 'git' } }), []],
      [
        'git commit id',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: '4cdc0cdadc76229aaa16195696d3aa2bc295649c' } }),
        ['TIB3006'],
      ],
      [
        'git commit id with release',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: '4cdc0cdadc76229aaa16195696d3aa2bc295649c', release: 'zed' } }),
        [],
      ],
      [
        'git ref contradicts release',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/zed', release: 'yoga' } }),
        ['TIB3006'],
      ],
      ['local without release', with_(BASE_RECIPE, { guestagent: { source: 'local', path: 'trove' } }), ['TIB3006']],
    ],
  },
  agentSourceAvailable: {
    codes: ['TIB3008'],
    rows: [
      ['bookworm package', BASE_RECIPE, []],
      ['bullseye has no package', with_(BASE_RECIPE, { base: { release: 'bullseye' } }), ['TIB3008']],
      [
        'noble has no package',
        with_(BASE_RECIPE, { base: { distro: 'ubuntu', release: 'noble' }, datastore: { type: 'mysql', version: '8.0' } }),
        ['TIB3008'],
      ],
      ['rdo on debian', with_(BASE_RECIPE, { guestagent: { source: 'rdo', release: 'zed' } }), ['TIB3008']],
      ['rdo ussuri on el7', with_(centos7, { guestagent: { release: 'ussuri' } }), ['TIB3008']],
      ['rdo epoxy on el9', rhel9, []],
    ],
  },
  runtimeMatchesAgent: {
    codes: ['TIB3005'],
    rows: [
      ['zed container', with_(BASE_RECIPE, { datastore: { runtime: 'container' } }), []],
      ['zed native', with_(BASE_RECIPE, { datastore: { runtime: 'native' } }), ['TIB3005']],
      ['ussuri native', focalNative, []],
      ['ussuri container', with_(focalNative, { datastore: { runtime: 'container' } }), ['TIB3005']],
      ['train rdo container', with_(centos7, { datastore: { runtime: 'container' } }), ['TIB3005']],
    ],
  },
  agentDistroTested: {
    codes: ['TIB3009'],
    rows: [
      ['ussuri on focal: devstack built xenial guests for Trove 13', focalNative, ['TIB3009(w)']],
      ['ussuri on bionic', with_(focalNative, { base: { release: 'bionic' } }), ['TIB3009(w)']],
      [
        'victoria on bionic, as devstack built it',
        with_(focalNative, { base: { release: 'bionic' }, datastore: { runtime: 'container' }, guestagent: { ref: 'victoria-eol' } }),
        [],
      ],
      ['zed git on bookworm', with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'unmaintained/zed' } }), ['TIB3009(w)']],
      ["package pairs are the distro's own", BASE_RECIPE, []],
    ],
  },
  offlineAgentDependencies: {
    codes: ['TIB3036'],
    rows: [
      ['online', focalNative, []],
      [
        'offline Trove 13 on bullseye: the catalog lists its packages',
        with_(focalNative, {
          base: { distro: 'debian', release: 'bullseye' },
          datastore: { version: '10.5' },
          guestagent: { requirements: { index: 'none' } },
        }),
        [],
      ],
      ['offline Trove 13 on focal: no list', with_(focalNative, { guestagent: { requirements: { index: 'none' } } }), ['TIB3036(w)']],
    ],
  },
  datastoreInAgent: {
    codes: ['TIB3004'],
    rows: [
      ['mariadb in container', BASE_RECIPE, []],
      ['redis in container', with_(BASE_RECIPE, { datastore: { type: 'redis', version: '7.0' } }), ['TIB3004']],
      ['redis native', with_(focalNative, { datastore: { type: 'redis', version: '5.0' } }), []],
      ['postgresql also served', with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '12' }] } }), []],
      ['redis also served', with_(BASE_RECIPE, { datastore: { also: [{ type: 'redis', version: '7.0' }] } }), ['TIB3004']],
    ],
  },
  datastoreSupported: {
    codes: ['TIB3002'],
    rows: [
      ['mariadb native focal', focalNative, []],
      [
        'mysql native focal: only 8.0, which the era cannot run',
        with_(focalNative, { datastore: { type: 'mysql', version: '8.0' } }),
        ['TIB3002'],
      ],
      [
        'mariadb native on bookworm: the Trove 13 agent cannot import there',
        with_(focalNative, { base: { distro: 'debian', release: 'bookworm' }, datastore: { version: '10.11' } }),
        ['TIB3002'],
      ],
      ['couchdb on centos 7 (seed TBD)', with_(centos7, { datastore: { type: 'couchdb', version: '3.3' } }), ['TIB3002']],
      ['redis on centos 7 (seed TBD)', with_(centos7, { datastore: { type: 'redis', version: '5.0' } }), ['TIB3002']],
      [
        'vertica on centos 7 (seed TBD)',
        with_(centos7, { datastore: { type: 'vertica', version: '10.1', package: { file: 'v.rpm', sha256: 'c'.repeat(64) } } }),
        ['TIB3002'],
      ],
      ['native mariadb on jammy', with_(focalNative, { base: { release: 'jammy' } }), ['TIB3002']],
      [
        'cassandra on bookworm (native era)',
        with_(BASE_RECIPE, {
          datastore: { type: 'cassandra', version: '4.1', runtime: 'native' },
          guestagent: { source: 'git', ref: 'ussuri-eol' },
        }),
        ['TIB3002'],
      ],
    ],
  },
  datastoreVersionKnown: {
    codes: ['TIB3003'],
    rows: [
      ['mariadb 10.11 for zed', BASE_RECIPE, []],
      ['patch version', with_(BASE_RECIPE, { datastore: { version: '10.11.6' } }), []],
      ['mariadb 11.4 not in zed', with_(BASE_RECIPE, { datastore: { version: '11.4' } }), ['TIB3003']],
      ['mariadb 10.5 native on focal', with_(focalNative, { datastore: { version: '10.5' } }), ['TIB3003']],
      [
        'mysql 8.0 native on bionic: packaged, refused',
        with_(focalNative, { base: { release: 'bionic' }, datastore: { type: 'mysql', version: '8.0' } }),
        ['TIB3003'],
      ],
      [
        'mariadb 10.6 native on centos 7: packaged, refused',
        with_(centos7, { datastore: { type: 'mariadb', version: '10.6' } }),
        ['TIB3003'],
      ],
      ['mysql 5.7 native on centos 7', with_(centos7, { datastore: { type: 'mysql', version: '5.7' } }), []],
      ['also: postgresql 12 for zed', with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '12' }] } }), []],
      ['also: postgresql 15 not in zed', with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '15' }] } }), ['TIB3003']],
      [
        'also: postgresql 15 built from bookworm packages',
        with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '15', image: 'packages' }] } }),
        [],
      ],
      ['postgresql 12 pgdg on centos 7', centos7, []],
    ],
  },
  servedOnlyContainer: {
    codes: ['TIB3031'],
    rows: [
      ['container image from packages', with_(BASE_RECIPE, { datastore: { image: 'packages' } }), []],
      ['native with image', with_(focalNative, { datastore: { image: 'registry' } }), ['TIB3031']],
      ['native with also', with_(focalNative, { datastore: { also: [{ type: 'mysql', version: '5.7' }] } }), ['TIB3031']],
    ],
  },
  packagedImageAvailable: {
    codes: ['TIB3032'],
    rows: [
      ['mariadb from bookworm packages', with_(BASE_RECIPE, { datastore: { image: 'packages' } }), []],
      ['the version bookworm packages, with a patch', with_(BASE_RECIPE, { datastore: { version: '10.11.6', image: 'packages' } }), []],
      [
        'mariadb 10.6 is not what bookworm packages',
        with_(BASE_RECIPE, { datastore: { version: '10.6', image: 'packages' } }),
        ['TIB3032'],
      ],
      [
        'mysql: Debian packages no MySQL',
        with_(BASE_RECIPE, { datastore: { type: 'mysql', version: '8.0', image: 'packages' } }),
        ['TIB3032'],
      ],
      [
        'postgresql 12 also from packages',
        with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '12', image: 'packages' }] } }),
        ['TIB3032'],
      ],
      [
        'ubuntu jammy: no packaged images',
        with_(BASE_RECIPE, {
          base: { distro: 'ubuntu', release: 'jammy' },
          datastore: { type: 'mysql', version: '8.0', image: 'packages' },
        }),
        ['TIB3032'],
      ],
    ],
  },
  servedOnce: {
    codes: ['TIB3033'],
    rows: [
      ['two versions of mariadb', with_(BASE_RECIPE, { datastore: { also: [{ type: 'mariadb', version: '10.6' }] } }), []],
      [
        'mariadb 10.11 twice',
        with_(BASE_RECIPE, { datastore: { also: [{ type: 'mariadb', version: '10.11', image: 'packages' }] } }),
        ['TIB3033'],
      ],
    ],
  },
  agentDefectsWarned: {
    codes: ['TIB3034'],
    rows: [
      ["mariadb with bookworm's agent", BASE_RECIPE, []],
      [
        "postgresql with bookworm's agent (psycopg2 2.9.5)",
        with_(BASE_RECIPE, { datastore: { type: 'postgresql', version: '12' } }),
        ['TIB3034(w)'],
      ],
      [
        "postgresql also served by bookworm's agent",
        with_(BASE_RECIPE, { datastore: { also: [{ type: 'postgresql', version: '15', image: 'packages' }] } }),
        ['TIB3034(w)'],
      ],
      [
        'postgresql from a git agent of zed',
        with_(BASE_RECIPE, { datastore: { type: 'postgresql', version: '12' }, guestagent: { source: 'git', ref: 'unmaintained/zed' } }),
        [],
      ],
    ],
  },
  vendorPackageFits: {
    codes: ['TIB3018'],
    rows: [
      ['vertica needs package', with_(focalNative, { datastore: { type: 'vertica', version: '10.1' } }), ['TIB3018']],
      [
        'vertica with package',
        with_(focalNative, { datastore: { type: 'vertica', version: '10.1', package: { file: 'v.deb', sha256: 'c'.repeat(64) } } }),
        [],
      ],
      ['mariadb with package', with_(focalNative, { datastore: { package: { file: 'm.deb', sha256: 'c'.repeat(64) } } }), ['TIB3018']],
      [
        'couchbase offline package',
        with_(focalNative, { datastore: { type: 'couchbase', version: '7.6', package: { file: 'c.deb', sha256: 'c'.repeat(64) } } }),
        [],
      ],
    ],
  },
  imagesOnlyContainer: {
    codes: ['TIB3019'],
    rows: [
      ['images in container', with_(BASE_RECIPE, { datastore: { images: [{ file: 'm.tar', sha256: 'd'.repeat(64) }] } }), []],
      ['images in native', with_(focalNative, { datastore: { images: [{ file: 'm.tar', sha256: 'd'.repeat(64) }] } }), ['TIB3019']],
    ],
  },
  nativeOnlyFields: {
    codes: ['TIB3028'],
    rows: [
      ['paths native', with_(focalNative, { datastore: { paths: { dataDir: '/srv/mysql' } } }), []],
      ['paths container', with_(BASE_RECIPE, { datastore: { paths: { dataDir: '/srv/mysql' } } }), ['TIB3028']],
      ['autostart container', with_(BASE_RECIPE, { datastore: { autostart: false } }), ['TIB3028']],
    ],
  },
  autostartDiscouraged: {
    codes: ['TIB3027'],
    rows: [
      ['autostart false', with_(focalNative, { datastore: { autostart: false } }), []],
      ['autostart true', with_(focalNative, { datastore: { autostart: true } }), ['TIB3027(w)']],
    ],
  },
  ...SYSTEM_TABLES,
  ...LEAK_TABLES,
};

describe('semantic rules', () => {
  it('every rule has a table', () => {
    expect(RULES.map((r) => r.name).sort()).toEqual(Object.keys(TABLES).sort());
  });

  for (const [name, table] of Object.entries(TABLES)) {
    describe(`rule: ${name}`, () => {
      it.each(table.rows)('%s', (_label, recipe, expected) => {
        const diagnostics = validateObject(recipe, { 'present.tar': 'x' });
        // Rules run only on recipes that pass the schema: a row must not pass vacuously.
        const shape = diagnostics.filter((d) => /^TIB[12]/.test(d.code) && !table.codes.includes(d.code));
        expect(shape).toEqual([]);
        const found = diagnostics
          .filter((d) => table.codes.includes(d.code))
          .map((d) => `${d.code}${d.severity === 'warning' ? '(w)' : ''}`);
        expect([...new Set(found)].sort()).toEqual([...new Set(expected)].sort());
      });
    });
  }
});
