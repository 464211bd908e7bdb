import type { ResolvedRecipe } from '../resolve/resolved';

/**
 * The TIB_* variables tib's static elements read (exported by the rendered
 * environment.d file). This is the whole interface between a recipe and the elements;
 * docs/elements.md lists it. Values are not secret: DIB traces environment.d.
 */
export function recipeVariables(r: ResolvedRecipe): { name: string; value: string }[] {
  const vars: [string, string][] = [
    ['TIB_IMAGE_NAME', r.name],
    ['TIB_PURPOSE', r.purpose],
    ['TIB_DISTRO', r.release.distro],
    ['TIB_RELEASE', r.release.release],
    ['TIB_FAMILY', r.release.family],
    ['TIB_INIT', r.init],
    ['TIB_MODEL', r.model],
    ['TIB_BASE_PACKAGES', [...r.release.basePackages.tools, ...r.release.basePackages.dhcp, ...r.release.basePackages.timeSync, ...(r.release.family === 'deb' ? ['cloud-guest-utils'] : ['cloud-utils-growpart'])].join(' ')],
    ['TIB_EXTRA_PACKAGES', r.packages.join(' ')],
    ['TIB_AGENT_SOURCE', r.agent.source],
    ['TIB_AGENT_SERIES', r.agent.trove.series],
    ['TIB_AGENT_USER', r.agent.user],
    ['TIB_AGENT_GROUP', r.agent.group],
    ['TIB_AGENT_LOG_DIR', r.agent.logDir],
    ['TIB_AGENT_CONFIG_DIR', r.agent.configDir],
    ['TIB_AGENT_SERVICE', r.agent.service],
  ];
  if (r.agent.packageName) vars.push(['TIB_AGENT_PACKAGE', r.agent.packageName]);
  const drivers = r.model === 'native' ? r.datastore.expectations.pythonDrivers : undefined;
  if (r.agent.source === 'package' || r.agent.source === 'rdo') {
    vars.push(['TIB_AGENT_EXTRA_PACKAGES', (r.release.family === 'deb' ? drivers?.deb : drivers?.rpm)?.join(' ') ?? '']);
  }
  if (r.agent.source === 'rdo') vars.push(['TIB_RDO_RELEASE', r.agent.trove.series]);
  if (r.agent.requirements) {
    vars.push(['TIB_AGENT_PIP_INDEX', r.agent.requirements.index]);
    vars.push(['TIB_AGENT_REQUIREMENTS', r.agent.requirements.file ?? '']);
    vars.push(['TIB_AGENT_CONSTRAINTS', r.agent.requirements.constraints ?? (r.agent.trove.series === 'hibiscus' ? '' : `https://releases.openstack.org/constraints/upper/${r.agent.trove.series}`)]);
    vars.push(['TIB_AGENT_PIP_EXTRA', drivers?.pip.join(' ') ?? '']);
  }
  vars.push(['TIB_DATASTORE', r.datastore.type], ['TIB_DATASTORE_VERSION', r.datastore.version]);
  if (r.model === 'container' && r.datastore.docker) {
    vars.push(['TIB_DOCKER_PACKAGES', r.datastore.docker.packages.join(' ')], ['TIB_DOCKER_SERVICE', r.datastore.docker.service]);
    vars.push(['TIB_IMAGE_ARCHIVES', r.datastore.images.map((_, i) => String(i)).join(' ')]);
  }
  if (r.model === 'native' && r.datastore.native) {
    vars.push(
      ['TIB_DATASTORE_SOURCE', r.datastore.native.source],
      ['TIB_DATASTORE_PACKAGES', r.datastore.native.packages.join(' ')],
      ['TIB_DATASTORE_SERVICE', r.datastore.native.service],
      ['TIB_DATASTORE_SERVICES', (r.release.family === 'deb' ? r.datastore.expectations.services.deb : r.datastore.expectations.services.rpm).join(' ')],
      ['TIB_DATASTORE_AUTOSTART', r.datastore.autostart ? '1' : '0'],
      ['TIB_DATASTORE_DATA_DIR', r.datastore.dataDir],
      ['TIB_DATASTORE_CONFIG_DIR', r.datastore.configIncludeDir ?? ''],
      ['TIB_DATASTORE_OS_USER', r.release.family === 'deb' ? r.datastore.expectations.osUser.deb : r.datastore.expectations.osUser.rpm],
      ['TIB_DATASTORE_URL', r.datastore.native.url?.replace(/\{arch\}/g, r.arch) ?? ''],
    );
  }
  if (r.security.apparmor) vars.push(['TIB_APPARMOR', r.security.apparmor]);
  if (r.security.selinux) vars.push(['TIB_SELINUX', r.security.selinux]);
  if (r.access) vars.push(['TIB_ACCESS_USER', r.access.user], ['TIB_ACCESS_KEY_FILES', r.access.keyFiles.map((_, i) => String(i)).join(' ')]);
  return vars.map(([name, value]) => ({ name, value }));
}
