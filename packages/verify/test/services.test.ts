import { serviceState } from '../src/parse/services';
import { FakeFs } from './support/fake-fs';

const base = {
  '/lib': { link: 'usr/lib' },
  '/usr/lib/systemd/system/trove-guestagent.service': '[Service]\n',
  '/usr/lib/systemd/system/docker.service': '[Service]\n',
  '/usr/lib/systemd/system/mariadb.service': '[Service]\n',
  '/etc/systemd/system/mysql.service': { link: '/lib/systemd/system/mariadb.service' },
  '/etc/systemd/system/multi-user.target.wants/trove-guestagent.service': { link: '/lib/systemd/system/trove-guestagent.service' },
} as const;

describe('systemd enablement from the unit links', () => {
  test('enabled through multi-user.target.wants', () => {
    const s = serviceState(new FakeFs(base), 'trove-guestagent', 'systemd');
    expect(s.unitPath).toBe('/lib/systemd/system/trove-guestagent.service');
    expect(s.enabledBy).toEqual(['/etc/systemd/system/multi-user.target.wants/trove-guestagent.service']);
  });

  test('a unit without links is not enabled', () => {
    expect(serviceState(new FakeFs(base), 'docker', 'systemd')).toEqual({
      unitPath: '/lib/systemd/system/docker.service',
      masked: false,
      enabledBy: [],
    });
  });

  test('an alias counts as enabled when its unit is (mysql -> mariadb)', () => {
    const fs = new FakeFs({
      ...base,
      '/etc/systemd/system/multi-user.target.wants/mariadb.service': { link: '/lib/systemd/system/mariadb.service' },
    });
    const s = serviceState(fs, 'mysql', 'systemd');
    expect(s.aliasOf).toBe('mariadb.service');
    expect(s.enabledBy).toEqual(['/etc/systemd/system/multi-user.target.wants/mariadb.service']);
  });

  test('a link named differently but pointing at the unit counts', () => {
    const fs = new FakeFs({
      ...base,
      '/etc/systemd/system/custom.target.requires/db.service': { link: '../../../lib/systemd/system/docker.service' },
    });
    expect(serviceState(fs, 'docker', 'systemd').enabledBy).toEqual(['/etc/systemd/system/custom.target.requires/db.service']);
  });

  test('a masked unit is never enabled', () => {
    const fs = new FakeFs({ ...base, '/etc/systemd/system/trove-guestagent.service': { link: '/dev/null' } });
    expect(serviceState(fs, 'trove-guestagent', 'systemd')).toMatchObject({ masked: true, enabledBy: [] });
  });

  test('an unknown service has no unit', () => {
    expect(serviceState(new FakeFs(base), 'postgresql', 'systemd')).toEqual({ masked: false, enabledBy: [] });
  });

  test('under systemd an init script with rc links is enabled (sysv generator)', () => {
    const fs = new FakeFs({
      '/etc/init.d/legacy': { content: '#!/bin/sh', mode: 0o755 },
      '/etc/rc2.d/S01legacy': { link: '../init.d/legacy' },
    });
    expect(serviceState(fs, 'legacy', 'systemd')).toEqual({
      unitPath: '/etc/init.d/legacy',
      masked: false,
      enabledBy: ['/etc/rc2.d/S01legacy'],
    });
  });
});

describe('sysvinit enablement from runlevel links', () => {
  test.each([
    [{ '/etc/rc2.d/S02trove-guestagent': { link: '../init.d/trove-guestagent' } }, ['/etc/rc2.d/S02trove-guestagent']],
    [{ '/etc/rc.d/rc3.d/S90trove-guestagent': { link: '../init.d/trove-guestagent' } }, ['/etc/rc.d/rc3.d/S90trove-guestagent']],
    [{ '/etc/rc0.d/K01trove-guestagent': { link: '../init.d/trove-guestagent' } }, []],
    [{ '/etc/rc2.d/S02trove-guestagent-other': { link: 'x' } }, []],
  ])('case %#', (links, enabledBy) => {
    const fs = new FakeFs({ '/etc/init.d/trove-guestagent': { content: '#!/bin/sh', mode: 0o755 }, ...links });
    expect(serviceState(fs, 'trove-guestagent', 'sysvinit').enabledBy).toEqual(enabledBy);
  });
});
