import { NATIVE_IMAGE_FIXES } from '../catalog/native-era';
import type { ResolvedRecipe } from '../resolve/resolved';
import type { ControllerContract, ControllerSetting } from './plan-types';
import { builtImages } from './served';
import { controllerTemplateNeed } from '../catalog/controller-templates';
import type { Datastore } from '../catalog/datastores';

/**
 * The controller side of the image: settings a Trove deployment needs for this image to
 * work, derived from the recipe and the agent's release (docs/facts/trove-releases.md,
 * docs/facts/controller.md). Pairing
 * an image with a controller configured for another is where operators fail silently.
 */
export function controllerContract(
  r: ResolvedRecipe,
  imageFile: string,
  readTemplate: (source: string) => string | undefined,
): ControllerContract {
  const t = r.agent.trove;
  const settings: ControllerSetting[] = [];
  const notes: string[] = [];
  const set = (file: ControllerSetting['file'], section: string, key: string, value: string, why: string) =>
    settings.push({ file, section, key, value, why });

  if (t.major >= 18) {
    set(
      'trove.conf',
      'DEFAULT',
      'injected_config_owner',
      r.agent.user,
      `the agent runs as ${r.agent.user}; Trove ${t.major} writes its config files owned ubuntu:root by default, and this image has no ubuntu user`,
    );
    set('trove.conf', 'DEFAULT', 'injected_config_group', r.agent.group, 'lets the agent read its injected config files');
  } else if (t.major === 17 && r.agent.user !== 'trove') {
    notes.push(
      `Trove 17 writes injected files owned trove:trove (not configurable); the image hands them to ${r.agent.user} before the agent starts`,
    );
  }
  if (r.agent.configDir !== '/etc/trove/conf.d') {
    set(
      'trove.conf',
      'DEFAULT',
      'injected_config_location',
      r.agent.configDir,
      "the agent reads --config-dir from this image's config directory",
    );
  }
  const configDrive = r.datasources.includes('ConfigDrive');
  const metadata = r.datasources.includes('OpenStack');
  // Up to Trove 16 the files are Nova personality files, which cloud-init writes only from
  // a config drive: the drive must stay on (its default there). From 17 (commit 99df090a)
  // they travel in user data and the default is False (docs/facts/trove-releases.md §3).
  if (t.injection === 'nova-files')
    set(
      'trove.conf',
      'DEFAULT',
      'use_nova_server_config_drive',
      'True',
      `Trove ${t.major} sends its config files as Nova personality files, which cloud-init writes only from a config drive (True is the default up to Trove 16: keep it)`,
    );
  else if (configDrive && !metadata)
    set(
      'trove.conf',
      'DEFAULT',
      'use_nova_server_config_drive',
      'True',
      `Trove ${t.major} injects through the metadata service by default; this image reads only a config drive`,
    );
  if (t.major <= 13)
    // The Trove 13 agent joins log_dir and log_file for its guest-log definitions at start;
    // log_dir defaults to None there and the agent stops with a TypeError
    // (docs/facts/guest-agent-contract.md §2.8). devstack sets it.
    set(
      'trove-guestagent.conf',
      'DEFAULT',
      'log_dir',
      r.agent.logDir,
      `the Trove ${t.major} agent stops at start without log_dir (it builds its log paths from it)`,
    );
  if (r.model === 'native') {
    const expected = r.datastore.expectations.dataDir;
    if (r.datastore.dataDir !== expected) {
      set(
        'trove.conf',
        r.datastore.type,
        'mount_point',
        r.datastore.dataDir,
        `the image keeps ${r.datastore.type} data in ${r.datastore.dataDir}, not the default ${expected}: the volume must be mounted there`,
      );
    }
    const native = r.datastore.native;
    const what = `${r.datastore.type} ${r.datastore.version}`;
    if (native?.controllerTemplate) notes.push(`${what}: ${native.controllerTemplate}`);
    for (const fix of native?.imageFixes ?? []) notes.push(`${what}: ${NATIVE_IMAGE_FIXES[fix]}`);
    if (native?.note) notes.push(`${what}: ${native.note}`);
    if (r.datastore.rootAccess !== 'none')
      notes.push(
        `the image lets the Trove ${t.major} agent log in to ${r.datastore.type} as root without a password over the local socket, as it expects, until its prepare step replaces the configuration`,
      );
  }
  if (r.model === 'container') {
    for (const d of r.served) {
      if (settings.some((x) => x.section === d.section && x.key === 'docker_image')) continue;
      set(
        'trove-guestagent.conf',
        d.section,
        'docker_image',
        d.image,
        `the ${d.type} image the agent runs (tagged with the datastore version, e.g. ${d.image}:${d.version})`,
      );
      if (d.backupImage) {
        set('trove-guestagent.conf', d.section, 'backup_docker_image', d.backupImage, 'upstream default of this agent release for backups');
      } else {
        notes.push(
          `Trove ${t.major} has no default backup_docker_image: set [${d.section}] backup_docker_image in the controller's trove-guestagent.conf to your registry's db-backup-${d.section} image`,
        );
      }
    }
    if (t.major >= 22)
      notes.push(
        'network_isolation defaults to True from Trove 22: the docker-hostnic plugin is not in this image, so set [network] network_isolation = False unless you add it',
      );
    if (r.datastore.images.length > 0)
      notes.push('image archives are preloaded: instances need no registry access for the datastore image');
    for (const d of builtImages(r)) {
      notes.push(`${d.image}:${d.version} is built from ${r.release.title}'s packages and preloaded: instances need no registry for it`);
    }
  }
  notes.push(
    `the guest must reach the message bus (transport_url in trove-guestagent.conf) from the network Trove attaches to the instance`,
  );

  const manager = r.datastore.type;
  // Native images carry their packages; the agent's install_if_needed then finds them installed.
  const versions =
    r.model === 'native'
      ? [{ datastore: r.datastore.type, version: r.datastore.version, manager, packages: r.datastore.native?.packages ?? [] }]
      : r.served.map((d) => ({ datastore: d.type, version: d.version, manager: d.section, packages: [] }));
  return {
    trove: { series: t.series, version: t.version },
    settings,
    datastore: { name: r.datastore.type, version: r.datastore.version, manager },
    datasources: r.datasources,
    templates: templatesFor(r, versions, readTemplate, notes),
    registration: {
      imageName: `trove-${r.name}`,
      imageFile,
      diskFormat: r.output.formats[0] === 'raw' ? 'raw' : 'qcow2',
      // --image-tags arrived in Trove 15 (Wallaby); before, a version names its image by id.
      byTag: t.major >= 15,
      versions,
    },
    notes,
  };
}

/** The controller templates each served datastore version needs (catalog/controller-templates.ts). */
function templatesFor(
  r: ResolvedRecipe,
  versions: readonly { datastore: string; version: string }[],
  readTemplate: (source: string) => string | undefined,
  notes: string[],
): ControllerContract['templates'] {
  const out: { path: string; content: string; why: string }[] = [];
  for (const v of versions) {
    const need = controllerTemplateNeed(r.model, r.agent.trove.major, v.datastore as Datastore, v.version);
    if (!need) continue;
    const content = readTemplate(need.source);
    if (content === undefined) throw new Error(`controller template ${need.source} is missing from tib's templates/controller/`);
    out.push({ path: `${v.datastore}/${v.version}/config.template`, content, why: need.why });
    notes.push(
      `the controller needs tib's ${v.datastore} ${v.version} config template (${need.why}): tib controller templates RECIPE --out /etc/trove/templates writes it`,
    );
  }
  return out;
}
