import type { ResolvedRecipe } from '../resolve/resolved';
import { AGENT_SOURCES } from '../catalog/agent-sources';
import { builtImages, preloadsImages } from './served';
import type { PlanElement } from './plan-types';
import { DIB_MINIMAL_OS_ELEMENTS } from '../dib/vocabulary';

/** The element tib renders per recipe: environment.d, files for the image, source-repository lines. */
export const RECIPE_ELEMENT = 'tib-recipe';

const MYSQL_FAMILY = new Set(['mysql', 'mariadb', 'percona', 'pxc']);

/**
 * Chooses every element of the build and says why. DIB resolves element-deps itself; the
 * list here is what the DIB command line names, so `tib plan` shows the whole design.
 */
export function selectElements(r: ResolvedRecipe): PlanElement[] {
  const out: PlanElement[] = [];
  const dib = (name: string, reason: string) => out.push({ name, origin: 'dib', reason });
  const tib = (name: string, reason: string) => out.push({ name, origin: 'tib', reason });

  dib(
    r.image.osElement,
    `${r.release.title} base (${r.image.source === 'bootstrap' ? 'built from packages' : `${r.image.source} cloud image`})`,
  );
  dib('vm', 'bootable disk: partition table, kernel and bootloader');
  if (DIB_MINIMAL_OS_ELEMENTS.has(r.image.osElement)) {
    dib('cloud-init', 'minimal bases lack cloud-init, which writes the config files Trove injects');
    dib('openssh-server', 'minimal bases lack an ssh server');
  }
  dib('cloud-init-datasources', `cloud-init datasources: ${r.datasources.join(', ')}`);
  if (r.security.selinux === 'permissive') dib('selinux-permissive', 'system.security.selinux: permissive');
  if (r.security.selinux === 'disabled') dib('disable-selinux', 'system.security.selinux: disabled');
  if (r.agent.source === 'git')
    dib(
      'source-repositories',
      `clones the agent from ${r.agent.git?.repo} (${r.agent.git?.ref}); DIB_REPOLOCATION_guest_agent / DIB_REPOREF_guest_agent override it`,
    );

  if (r.release.dibCompat) tib('tib-dib-compat', `with diskimage-builder below ${r.release.dibCompat.below}: ${r.release.dibCompat.why}`);
  tib(
    'tib-guest-base',
    `agent user ${r.agent.user}, ${r.agent.configDir}, ${r.agent.logDir}, sudo, DHCP networking, time sync, log rotation`,
  );
  tib('tib-files', 'installs the files rendered for this recipe (units, agent settings, repository lists)');
  if (r.repositories.length > 0) tib('tib-repositories', `repositories with pinned keys: ${r.repositories.map((x) => x.name).join(', ')}`);
  tib(AGENT_SOURCES[r.agent.source].element, agentReason(r));
  tib('tib-agent-service', `${r.agent.service} enabled for ${r.init}, running as ${r.agent.user} with --config-dir=${r.agent.configDir}`);
  if (r.model === 'container') {
    tib('tib-docker', `Docker engine (${r.datastore.docker?.packages.join(' ')}), ${r.agent.user} in group docker`);
    const built = builtImages(r);
    if (built.length > 0)
      tib(
        'tib-datastore-images',
        `builds ${built.map((d) => `${d.image}:${d.version}`).join(' and ')} from ${r.release.title}'s packages, on the build host`,
      );
    if (preloadsImages(r))
      tib('tib-image-loader', `loads ${r.datastore.images.length + built.length} image archive(s) at first boot, before the agent starts`);
  } else {
    tib(
      'tib-datastore',
      `${r.datastore.type} ${r.datastore.version} from ${r.datastore.native?.source ?? 'packages'}, service left ${r.datastore.autostart ? 'enabled (autostart)' : 'disabled for the agent to start'}`,
    );
    if (MYSQL_FAMILY.has(r.datastore.type))
      tib(
        'tib-ds-mysql-family',
        `my.cnf with ${r.datastore.configIncludeDir ?? '/etc/mysql/conf.d'}, the socket and root login the native-era MySQL-family agent expects`,
      );
    tib(`tib-ds-${r.datastore.type}`, `${r.datastore.expectations.title} paths and settings the agent expects`);
    if (r.security.apparmor && r.security.apparmor !== 'disabled')
      tib('tib-apparmor', `AppArmor ${r.security.apparmor}: local profile additions for ${r.datastore.type}`);
    if (r.security.apparmor === 'disabled') tib('tib-apparmor', 'AppArmor disabled for the datastore profile');
  }
  if (r.security.selinux === 'enforcing')
    tib(
      'tib-selinux',
      r.model === 'native'
        ? `SELinux enforcing: file contexts for ${r.datastore.dataDir}, relabelled at finalise`
        : 'SELinux enforcing, relabelled at finalise',
    );
  if (r.slim)
    tib(
      'tib-slim',
      `leaves out docs, man pages and non-English translations${r.slim.kernel ? `; ${r.slim.kernel.package} instead of ${r.slim.kernel.replaces}` : ''}`,
    );
  if (r.access) tib('tib-access', `development access for ${r.access.user}`);
  for (const name of r.extraElements) out.push({ name, origin: 'recipe', reason: 'elements.add in the recipe' });
  out.push({ name: RECIPE_ELEMENT, origin: 'rendered', reason: "this recipe's settings and rendered files" });
  return out;
}

/** Why the agent element is there, in words for `tib plan`. */
function agentReason(r: ResolvedRecipe): string {
  const a = r.agent;
  switch (a.source) {
    case 'package':
      return `${a.packageName} ${a.packageVersion ?? ''} from the distribution (Trove ${a.trove.major}, ${a.trove.series})`.replace(
        '  ',
        ' ',
      );
    case 'rdo':
      return `${a.packageName} from RDO ${a.trove.series} (${a.rdo?.kind === 'release-package' ? a.rdo.package : 'the CentOS Cloud SIG repository'})`;
    case 'git':
      return `agent from git into a virtualenv (Trove ${a.trove.series})`;
    case 'local':
      return `agent from the local tree ${a.localPath?.path} into a virtualenv (Trove ${a.trove.series})`;
  }
}
