/**
 * The controller contract (SPEC §5) per agent release: what the Trove deployment must be
 * configured with for the image to work, and the commands that register it.
 */
import { registrationCommands } from '../../src';
import type { ControllerSetting } from '../../src';
import { with_ } from '../helpers';
import { compileObject, planOf } from './support';

const setting = (settings: readonly ControllerSetting[], key: string) => settings.find((s) => s.key === key);

const focalNative = {
  tib: 1,
  base: { distro: 'ubuntu', release: 'focal' },
  datastore: { type: 'mariadb', version: '10.3' },
  guestagent: { source: 'package' },
};
const bullseyeNative = {
  tib: 1,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'postgresql', version: '13', runtime: 'native' },
  guestagent: { source: 'git', ref: '13.0.1', requirements: { index: 'none' } },
};
const jammyYoga = {
  tib: 1,
  base: { distro: 'ubuntu', release: 'jammy' },
  datastore: { type: 'mysql', version: '8.0' },
  guestagent: { source: 'package' },
};
const bookwormZed = {
  tib: 1,
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};
const jammyGit = (ref: string) => ({
  tib: 1,
  base: { distro: 'ubuntu', release: 'jammy' },
  datastore: { type: 'postgresql' },
  guestagent: { source: 'git', ref },
});

describe('controller contract', () => {
  it('Trove 13 (native): no configurable owner, config drive by default, image registered by id with its packages', () => {
    const c = planOf(focalNative).controller;
    expect(c.trove).toEqual({ series: 'ussuri', version: '13.0.1' });
    expect(setting(c.settings, 'injected_config_owner')).toBeUndefined();
    expect(setting(c.settings, 'use_nova_server_config_drive')?.value).toBe('True');
    expect(setting(c.settings, 'log_dir')).toMatchObject({ file: 'trove-guestagent.conf', section: 'DEFAULT', value: '/var/log/trove' });
    expect(c.datastore).toEqual({ name: 'mariadb', version: '10.3', manager: 'mariadb' });
    expect(registrationCommands(c.registration)[2]).toBe(
      'trove-manage datastore_version_update mariadb 10.3 mariadb "$(openstack image show -f value -c id trove-r)" mariadb-server-10.3,mariadb-client-10.3,mariadb-backup 1',
    );
    expect(c.notes.join('\n')).toMatch(/root without a password/);
  });

  it("the native era's conditions: tib's PostgreSQL template, the backup caveat from 13, MariaDB 10.5's process name", () => {
    const pg = planOf(bullseyeNative).controller.notes.join('\n');
    expect(pg).toMatch(/postgresql 13: needs tib's PostgreSQL configuration template on the controller \(template_path\)/);
    expect(pg).toMatch(/postgresql 13: backups and replicas fail/);
    expect(planOf(with_(bullseyeNative, { datastore: { version: '12' } })).controller.notes.join('\n')).not.toMatch(/backups/);
    const maria = planOf(with_(bullseyeNative, { datastore: { type: 'mariadb', version: '10.5' } })).controller.notes.join('\n');
    expect(maria).toMatch(/mariadb 10.5: with tib's image-side fix: .*mysqld/);
    expect(planOf(focalNative).controller.notes.join('\n')).not.toMatch(/image-side fix/);
  });

  it('Trove 13 never advises turning the config drive off: its files come only through one', () => {
    const c = planOf(with_(focalNative, { system: { cloudInit: { datasources: ['ConfigDrive'] } } })).controller;
    expect(setting(c.settings, 'use_nova_server_config_drive')?.value).toBe('True');
    expect(c.datasources).toEqual(['ConfigDrive']);
    const metadataOnly = compileObject(with_(focalNative, { system: { cloudInit: { datasources: ['OpenStack'] } } }));
    expect(metadataOnly.ok).toBe(false);
    expect(metadataOnly.diagnostics.map((d) => d.code)).toContain('TIB3035');
  });

  it('Trove 17 (Yoga): owner fixed to trove:trove, metadata by default, image tags, 1.1.0 backup image', () => {
    const c = planOf(jammyYoga).controller;
    expect(c.trove.series).toBe('yoga');
    expect(setting(c.settings, 'injected_config_owner')).toBeUndefined();
    expect(setting(c.settings, 'docker_image')).toMatchObject({ file: 'trove-guestagent.conf', section: 'mysql', value: 'mysql' });
    expect(setting(c.settings, 'backup_docker_image')?.value).toBe('openstacktrove/db-backup-mysql:1.1.0');
    expect(registrationCommands(c.registration)[2]).toBe(
      "trove-manage datastore_version_update mysql 8.0 mysql '' '' 1 --image-tags trove",
    );
  });

  it('Trove 17 reading only a config drive: turn it on', () => {
    const c = planOf(with_(jammyYoga, { system: { cloudInit: { datasources: ['ConfigDrive'] } } })).controller;
    expect(setting(c.settings, 'use_nova_server_config_drive')?.value).toBe('True');
  });

  it('Trove 18 (Zed): injected files owned by the agent user, not ubuntu:root', () => {
    const c = planOf(bookwormZed).controller;
    expect(setting(c.settings, 'injected_config_owner')).toMatchObject({ file: 'trove.conf', section: 'DEFAULT', value: 'trove' });
    expect(setting(c.settings, 'log_dir')).toBeUndefined();
    expect(setting(c.settings, 'injected_config_group')?.value).toBe('trove');
    expect(setting(c.settings, 'backup_docker_image')?.value).toBe('openstacktrove/db-backup-mariadb:1.1.0');
  });

  it('a custom agent user and config dir are what the controller must write', () => {
    const c = planOf(with_(bookwormZed, { guestagent: { user: 'dbagent', configDir: '/etc/dbagent' } })).controller;
    expect(setting(c.settings, 'injected_config_owner')?.value).toBe('dbagent');
    expect(setting(c.settings, 'injected_config_location')?.value).toBe('/etc/dbagent');
  });

  it('Trove 14 (Victoria): containers, but registered by image id (no --image-tags before 15)', () => {
    const c = planOf(jammyGit('victoria-eol')).controller;
    expect(c.trove.series).toBe('victoria');
    expect(setting(c.settings, 'backup_docker_image')?.value).toBe('openstacktrove/db-backup-postgresql:1.0.0');
    expect(registrationCommands(c.registration)[2]).toContain('"$(openstack image show -f value -c id trove-r)"');
  });

  it('newest agent: no default backup image, network isolation on by default', () => {
    const c = planOf(jammyGit('master')).controller;
    expect(setting(c.settings, 'docker_image')?.value).toBe('postgres');
    expect(setting(c.settings, 'backup_docker_image')).toBeUndefined();
    expect(c.notes.join('\n')).toMatch(/no default backup_docker_image/);
    expect(c.notes.join('\n')).toMatch(/network_isolation/);
  });

  it("a moved native data directory is the volume's mount point", () => {
    const c = planOf(with_(focalNative, { datastore: { paths: { dataDir: '/srv/mysql' } } })).controller;
    expect(setting(c.settings, 'mount_point')).toMatchObject({ file: 'trove.conf', section: 'mariadb', value: '/srv/mysql' });
  });
});
