import { agentRuntime } from '../catalog/agent-runtime';
import type { RuntimePackage } from '../catalog/agent-runtime';
import { NEWEST_SERIES, RDO_SIGNING_KEY_FINGERPRINT } from '../catalog/agents';
import { releaseKey } from '../catalog/distros';
import { offlineAgentPackages } from '../catalog/offline-agent';
import { IMAGE_LAYOUT, imagePaths } from '../layout/image-layout';
import { builtImages } from './served';
import type { ResolvedRecipe } from '../resolve/resolved';

/** Upper-constraints of the newest (unreleased) series: the requirements repo's master. */
export const MASTER_CONSTRAINTS = 'https://opendev.org/openstack/requirements/raw/branch/master/upper-constraints.txt';

/** The environment variable build.sh sets to the host path of a plan input (environment.ts). */
export function inputVariable(id: string): string {
  return `TIB_INPUT_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

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
    ['TIB_BASE_PACKAGES', basePackages(r).join(' ')],
    ['TIB_EXTRA_PACKAGES', r.packages.join(' ')],
    ['TIB_AGENT_SOURCE', r.agent.source],
    ['TIB_AGENT_SERIES', r.agent.trove.series],
    ['TIB_AGENT_USER', r.agent.user],
    ['TIB_AGENT_GROUP', r.agent.group],
    ['TIB_AGENT_LOG_DIR', r.agent.logDir],
    ['TIB_AGENT_CONFIG_DIR', r.agent.configDir],
    ['TIB_AGENT_SERVICE', r.agent.service],
    ['TIB_AGENT_HOME', IMAGE_LAYOUT.agentHome],
    // Directories the agent writes, created owned by its account (tib-guest-base).
    ['TIB_AGENT_DIRS', agentDirectories(r).join(' ')],
  ];
  if (r.agent.packageName) vars.push(['TIB_AGENT_PACKAGE', r.agent.packageName]);
  const drivers = agentDrivers(r);
  const distroDrivers = agentDriverPackages(r);
  // The datastore's Python drivers: in the native model they come with the datastore
  // (tib-datastore, TIB_DATASTORE_AGENT_PACKAGES), so the agent's part of the image is the
  // same for every datastore and a layered build can share it; container images install
  // them with the agent.
  const native = r.model === 'native';
  const withAgent = native ? [] : distroDrivers;
  if (r.agent.install === 'package') vars.push(['TIB_AGENT_EXTRA_PACKAGES', withAgent.join(' ')]);
  if (r.agent.source === 'rdo') {
    vars.push(['TIB_RDO_RELEASE', r.agent.trove.series]);
    vars.push(['TIB_RDO_RELEASE_PACKAGE', r.agent.rdo?.kind === 'release-package' ? r.agent.rdo.package : '']);
    vars.push(['TIB_RDO_VAULT', r.agent.rdo?.kind === 'release-package' ? (r.agent.rdo.vault ?? '') : '']);
    vars.push(['TIB_RDO_KEY_FINGERPRINT', RDO_SIGNING_KEY_FINGERPRINT]);
  }
  if (r.agent.install === 'venv') {
    vars.push(['TIB_AGENT_VENV', IMAGE_LAYOUT.agentVenv], ['TIB_AGENT_SOURCE_DIR', IMAGE_LAYOUT.agentSource]);
    vars.push(['TIB_AGENT_GIT_CONSTRAINTS', IMAGE_LAYOUT.upperConstraints]);
  }
  if (r.agent.requirements) {
    const offline = r.agent.requirements.index === 'none';
    vars.push(['TIB_AGENT_PIP_INDEX', r.agent.requirements.index]);
    vars.push(['TIB_AGENT_REQUIREMENTS', offline ? '' : (r.agent.requirements.file ?? '')]);
    vars.push(['TIB_AGENT_CONSTRAINTS', offline ? '' : agentConstraints(r)]);
    vars.push(['TIB_AGENT_PIP_EXTRA', offline ? '' : (drivers?.pip.join(' ') ?? '')]);
    // Offline, the agent's dependencies and the datastore drivers come from distribution
    // packages instead of pip.
    const dependencies = offline ? (offlineAgentPackages(releaseKey(r.release), r.agent.trove.major) ?? []) : [];
    vars.push(['TIB_AGENT_EXTRA_PACKAGES', offline ? [...new Set([...dependencies, ...withAgent])].join(' ') : '']);
    vars.push(['TIB_AGENT_BUILD_PACKAGES', (offline ? r.release.agentBuild.offline : r.release.agentBuild.pypi).join(' ')]);
    // pbr needs a version when the tree is not a git checkout (local trees usually are not).
    vars.push(['TIB_AGENT_VERSION', /^\d+\.\d+\.\d+$/.test(r.agent.trove.version) ? r.agent.trove.version : `${r.agent.trove.major}.0.0`]);
  }
  vars.push(['TIB_DATASTORE', r.datastore.type], ['TIB_DATASTORE_VERSION', r.datastore.version]);
  if (r.model === 'container' && r.datastore.docker) {
    vars.push(['TIB_DOCKER_PACKAGES', r.datastore.docker.packages.join(' ')], ['TIB_DOCKER_SERVICE', r.datastore.docker.service]);
    vars.push(['TIB_IMAGE_ARCHIVES', r.datastore.images.map((_, i) => String(i)).join(' ')]);
    vars.push(['TIB_IMAGE_ARCHIVE_DIR', IMAGE_LAYOUT.imageArchiveDir], ['TIB_IMAGE_LOADER', IMAGE_LAYOUT.imageLoader]);
    vars.push(...builtImageVariables(r));
  }
  if (r.model === 'native' && r.datastore.native)
    vars.push(...nativeVariables(r, [...agentDriverPackages(r), ...runtimePackages(r, 'datastore')]));
  vars.push(...repositoryVariables(r));
  if (r.slim) vars.push(['TIB_SLIM_KERNEL', r.slim.kernel?.package ?? '']);
  if (r.security.apparmor) {
    vars.push(['TIB_APPARMOR', r.security.apparmor]);
    vars.push(['TIB_APPARMOR_PROFILES', r.model === 'native' ? r.datastore.host.apparmorProfiles.join(' ') : '']);
  }
  if (r.security.selinux) {
    vars.push(['TIB_SELINUX', r.security.selinux]);
    vars.push(['TIB_SELINUX_FCONTEXTS', r.model === 'native' ? selinuxContexts(r).join(' ') : '']);
  }
  if (r.access) {
    vars.push(['TIB_ACCESS_USER', r.access.user], ['TIB_ACCESS_KEY_FILES', r.access.keyFiles.map((_, i) => String(i)).join(' ')]);
    // Only whether a password comes: its value arrives as TIB_ACCESS_PASSWORD in the process environment.
    vars.push(['TIB_ACCESS_PASSWORD_SET', r.access.password ? '1' : '0']);
  }
  return vars.map(([name, value]) => ({ name, value }));
}

function basePackages(r: ResolvedRecipe): string[] {
  const b = r.release.basePackages;
  let timeSync = [...b.timeSync];
  const init: string[] = [];
  if (r.init === 'sysvinit' && r.release.family === 'deb') {
    // systemd-timesyncd needs systemd as PID 1; chrony runs under any init.
    timeSync = timeSync.map((p) => (p === 'systemd-timesyncd' ? 'chrony' : p));
    init.push('sysvinit-core');
  }
  const runtime = runtimePackages(r, 'guest');
  return [
    ...b.tools,
    ...b.dhcp,
    ...timeSync,
    ...init,
    ...(r.release.family === 'deb' ? ['cloud-guest-utils'] : ['cloud-utils-growpart']),
    ...runtime.filter((p) => !b.tools.includes(p)),
  ];
}

/**
 * The packages the agent's runtime needs (catalog/agent-runtime.ts), by part of the image:
 * in the native model what only some datastores' managers run (rsync, ps) comes with the
 * datastore, and the guest part is the same for every datastore; container images carry
 * them all with the guest.
 */
function runtimePackages(r: ResolvedRecipe, part: 'guest' | 'datastore'): string[] {
  const names = (packages: readonly RuntimePackage[]) => packages.flatMap((p) => (r.release.family === 'deb' ? p.deb : p.rpm) ?? []);
  const all = names(r.agent.runtime.packages);
  if (r.model !== 'native') return part === 'guest' ? all : [];
  const guest = new Set(names(agentRuntime(r.agent.trove.major, r.model, []).packages));
  return all.filter((p) => guest.has(p) === (part === 'guest'));
}

/** The drivers as distribution packages of this release. */
function agentDriverPackages(r: ResolvedRecipe): string[] {
  const drivers = agentDrivers(r);
  // RDO's agents up to Train run on EL7's python2, and Ubuntu packaged Trove up to Train
  // for python2 (bionic's Queens is python-trove): their drivers are python2 packages.
  const rpmDrivers = r.release.python.startsWith('2.') ? r.datastore.host.el7Drivers : drivers.rpm;
  const py2Deb = r.agent.source === 'package' && r.agent.trove.major <= 12;
  const debDrivers = py2Deb ? drivers.deb.map((p) => p.replace(/^python3-/, 'python-')) : drivers.deb;
  return [...((r.release.family === 'deb' ? debDrivers : rpmDrivers) ?? [])];
}

/** Directories the agent writes, created owned by its account (tib-guest-base). */
export function agentDirectories(r: ResolvedRecipe): string[] {
  return [
    IMAGE_LAYOUT.agentHome,
    IMAGE_LAYOUT.agentConfigRoot,
    r.agent.configDir,
    r.agent.logDir,
    ...r.agent.runtime.stateDirs.map((d) => d.path),
  ];
}

/** Python modules the agent's datastore managers import beyond the agent's own requirements. */
export function agentDrivers(r: ResolvedRecipe): { pip: string[]; deb: string[]; rpm: string[] } {
  const all = r.model === 'native' ? [r.datastore.expectations.pythonDrivers] : r.served.map((d) => d.drivers);
  const union = (pick: (d: (typeof all)[number]) => readonly string[]) => [...new Set(all.flatMap(pick))];
  return { pip: union((d) => d.pip), deb: union((d) => d.deb), rpm: union((d) => d.rpm) };
}

/**
 * The upper-constraints the agent installs with: the recipe's, `none`, or the release's
 * published file. releases.openstack.org redirects /constraints/upper/<codename> up to zed
 * and only /constraints/upper/<release id> from antelope on (docs/facts/trove-releases.md §7).
 */
export function agentConstraints(r: ResolvedRecipe): string {
  const given = r.agent.requirements?.constraints;
  if (given === 'none') return '';
  if (given) return given;
  const t = r.agent.trove;
  return t.series === NEWEST_SERIES ? MASTER_CONSTRAINTS : `https://releases.openstack.org/constraints/upper/${t.releaseId ?? t.series}`;
}

function nativeVariables(r: ResolvedRecipe, drivers: readonly string[]): [string, string][] {
  const n = r.datastore.native;
  if (!n) return [];
  const deb = r.release.family === 'deb';
  const pinned = n.sha256?.[r.arch] ?? '';
  return [
    ['TIB_DATASTORE_SOURCE', r.datastore.package ? 'user' : n.source],
    ['TIB_DATASTORE_PACKAGES', n.packages.join(' ')],
    ['TIB_DATASTORE_AGENT_PACKAGES', drivers.join(' ')],
    ['TIB_DATASTORE_SERVICE', n.service],
    ['TIB_DATASTORE_SERVICES', (deb ? r.datastore.expectations.services.deb : r.datastore.expectations.services.rpm).join(' ')],
    ['TIB_DATASTORE_AUTOSTART', r.datastore.autostart ? '1' : '0'],
    ['TIB_DATASTORE_DATA_DIR', r.datastore.dataDir],
    ['TIB_DATASTORE_CONFIG_DIR', r.datastore.configIncludeDir ?? ''],
    ['TIB_DATASTORE_EXPECTED_DATA_DIR', r.datastore.expectations.dataDir],
    ['TIB_DATASTORE_EXPECTED_CONFIG_DIR', r.datastore.expectations.configIncludeDir ?? ''],
    ['TIB_DATASTORE_OS_USER', deb ? r.datastore.expectations.osUser.deb : r.datastore.expectations.osUser.rpm],
    ['TIB_DATASTORE_URL', r.datastore.package ? '' : (n.url?.replace(/\{arch\}/g, r.arch) ?? '')],
    ['TIB_DATASTORE_URL_SHA256', r.datastore.package ? '' : pinned],
    ['TIB_DATASTORE_ROOT_ACCESS', r.datastore.rootAccess],
    // Adjustments for the native-era agent, applied by the tib-ds-<type> element.
    ['TIB_DATASTORE_IMAGE_FIXES', (n.imageFixes ?? []).join(' ')],
  ];
}

/**
 * Repositories by index (names may hold dots and dashes, which variable names cannot):
 * TIB_REPOSITORIES="0 1", then TIB_REPO_<i>_NAME, _KIND, _KEY_URL, _KEY_INPUT (the name of
 * the TIB_INPUT_* variable holding a key file's host path) and _FINGERPRINTS.
 */
function repositoryVariables(r: ResolvedRecipe): [string, string][] {
  if (r.repositories.length === 0) return [];
  const out: [string, string][] = [['TIB_REPOSITORIES', r.repositories.map((_, i) => String(i)).join(' ')]];
  r.repositories.forEach((repo, i) => {
    out.push(
      [`TIB_REPO_${i}_NAME`, repo.name],
      [`TIB_REPO_${i}_KIND`, repo.kind],
      [`TIB_REPO_${i}_KEY_URL`, repo.keyFile ? '' : (repo.keyUrl ?? '')],
      [`TIB_REPO_${i}_KEY_INPUT`, repo.keyFile ? inputVariable(`repo-key-${repo.name}`) : ''],
      [`TIB_REPO_${i}_FINGERPRINTS`, repo.fingerprints.join(' ')],
    );
  });
  return out;
}

/** `path=equivalent` pairs for semanage fcontext -e, for the paths the recipe moved. */
export function selinuxContexts(r: ResolvedRecipe): string[] {
  const out: string[] = [];
  const { dataDir, configIncludeDir, expectations, host } = r.datastore;
  if (host.selinuxDataLike && dataDir !== host.selinuxDataLike) out.push(`${dataDir}=${host.selinuxDataLike}`);
  if (host.selinuxConfigLike && configIncludeDir && configIncludeDir !== host.selinuxConfigLike)
    out.push(`${configIncludeDir}=${host.selinuxConfigLike}`);
  // The agent's expected paths differ from the EL packages' own (e.g. /var/lib/postgresql vs /var/lib/pgsql).
  if (host.selinuxDataLike && expectations.dataDir !== dataDir && expectations.dataDir !== host.selinuxDataLike)
    out.push(`${expectations.dataDir}=${host.selinuxDataLike}`);
  return [...new Set(out)].sort();
}

/**
 * The datastore images tib-datastore-images builds from the release's packages, by index:
 * TIB_DS_IMAGES="0 1", then TIB_DS_IMAGE_<i>_TAG, _FILE, _PACKAGES, _ENTRYPOINT, _PATH,
 * _ENV, _CMD, _STOPSIGNAL and _PORTS, from the release's mirrors.
 */
function builtImageVariables(r: ResolvedRecipe): [string, string][] {
  const built = builtImages(r);
  if (built.length === 0) return [];
  const out: [string, string][] = [
    ['TIB_DS_IMAGES', built.map((_, i) => String(i)).join(' ')],
    ['TIB_DS_IMAGE_SUITE', r.release.dibRelease],
    ['TIB_DS_IMAGE_ARCH', r.arch],
    ['TIB_DS_IMAGE_MIRROR', r.mirror],
    ['TIB_DS_IMAGE_SECURITY_MIRROR', r.securityUpdates ? (r.securityMirror ?? '') : ''],
  ];
  built.forEach((d, i) => {
    const b = d.build;
    if (!b) return;
    out.push(
      [`TIB_DS_IMAGE_${i}_TAG`, `${d.image}:${d.version}`],
      [`TIB_DS_IMAGE_${i}_FILE`, imagePaths.builtArchive(d.type, d.version).split('/').pop() ?? ''],
      [`TIB_DS_IMAGE_${i}_PACKAGES`, b.packages.join(' ')],
      [`TIB_DS_IMAGE_${i}_ENTRYPOINT`, b.entrypoint],
      [`TIB_DS_IMAGE_${i}_PATH`, b.path.join(':')],
      [`TIB_DS_IMAGE_${i}_ENV`, b.env.join(' ')],
      [`TIB_DS_IMAGE_${i}_CMD`, b.cmd],
      [`TIB_DS_IMAGE_${i}_STOPSIGNAL`, b.stopSignal],
      [`TIB_DS_IMAGE_${i}_PORTS`, b.ports.join(' ')],
    );
  });
  return out;
}
