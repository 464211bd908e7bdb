import { IMAGE_LAYOUT, imagePaths } from '../layout/image-layout';
import type { ResolvedRecipe } from '../resolve/resolved';
import { tibKernelArguments } from './dib-environment';
import { builtImages, preloadsImages } from './served';
import type { Fragment } from './fragments';
import type { EnvEntry, Expectation } from './plan-types';

const OS_IDS: Readonly<Record<string, string>> = { debian: 'debian', ubuntu: 'ubuntu', centos: 'centos', rhel: 'rhel', fedora: 'fedora' };

/**
 * The program each DHCP package brings: a package can stay "installed" in dpkg's books
 * while its binary is gone, so the file is checked too.
 */
const DHCP_PROGRAMS: Readonly<Record<string, string>> = {
  'isc-dhcp-client': '/sbin/dhclient',
  dhclient: '/sbin/dhclient',
  ifupdown: '/sbin/ifup',
  NetworkManager: '/usr/sbin/NetworkManager',
  'netplan.io': '/usr/sbin/netplan',
};

/**
 * What a correct image of this recipe contains, for `tib verify`. Derived from the same
 * resolved recipe (and the same rendered files) as the elements, so the checks cannot
 * drift from what was built.
 */
export function expectationsFor(r: ResolvedRecipe, env: readonly EnvEntry[], fragments: readonly Fragment[]): Expectation[] {
  const out: Expectation[] = [];
  const deb = r.release.family === 'deb';
  out.push({
    kind: 'os-release',
    id: OS_IDS[r.release.distro] ?? r.release.distro,
    versionId: r.release.distro === 'debian' ? versionOfDebian(r.release.release) : r.release.release.replace(/-stream$/, ''),
    ...(deb ? { codename: r.release.release } : {}),
  });

  out.push(...agentExpectations(r));
  out.push({
    kind: 'user',
    name: r.agent.user,
    groups: r.model === 'container' ? ['docker'] : [],
    why: r.model === 'container' ? 'the agent drives Docker through its socket' : 'the agent runs as this account',
  });
  for (const dir of [r.agent.configDir, r.agent.logDir, IMAGE_LAYOUT.agentHome]) {
    out.push({ kind: 'path', path: dir, type: 'dir', owner: r.agent.user, why: 'the agent writes here' });
  }
  for (const dir of r.agent.runtime.stateDirs) out.push({ kind: 'path', path: dir.path, type: 'dir', owner: r.agent.user, why: dir.why });
  for (const pkg of r.agent.runtime.packages) {
    const name = r.release.family === 'deb' ? pkg.deb : pkg.rpm;
    if (name) out.push({ kind: 'package', name, installed: true, why: pkg.why });
  }
  out.push({
    kind: 'file-contains',
    path: IMAGE_LAYOUT.sudoers,
    text: `${r.agent.user} ALL=(ALL) NOPASSWD:ALL`,
    why: 'the agent runs privileged commands with sudo',
  });
  // Every file tib renders into the image, with the owner and mode the element installs it with.
  for (const f of fragments) {
    out.push({
      kind: 'path',
      path: f.path,
      type: (f.mode & 0o111) !== 0 ? 'executable' : 'file',
      owner: f.owner,
      group: f.group,
      mode: f.mode,
      why: 'rendered by tib for this recipe',
    });
  }

  // Networking and cloud-init.
  for (const pkg of r.release.basePackages.dhcp) {
    out.push({
      kind: 'package',
      name: pkg,
      installed: true,
      why: "the guest must bring its network up by DHCP to reach Trove's message bus",
    });
    const program = DHCP_PROGRAMS[pkg];
    if (program) out.push({ kind: 'path', path: program, type: 'executable', why: `${pkg}: without it the network stays down` });
  }
  // Only the arguments tib adds; DIB's own defaults are DIB's business.
  out.push({
    kind: 'kernel-cmdline',
    args: tibKernelArguments(r),
    why: 'kernel arguments tib sets (DIB_BOOTLOADER_DEFAULT_CMDLINE); net.ifnames=0 keeps the first NIC eth0, the name the DHCP configuration uses',
  });
  if (r.slim?.kernel) {
    out.push({ kind: 'package', name: r.slim.kernel.package, installed: true, why: 'system.slim: the kernel for virtual machines' });
    out.push({
      kind: 'package',
      name: r.slim.kernel.replaces,
      installed: false,
      why: 'system.slim: the generic kernel and its hardware modules are left out',
    });
  }
  out.push({ kind: 'package', name: 'cloud-init', installed: true, why: 'cloud-init writes the config files Trove injects' });
  out.push({ kind: 'datasources', list: r.datasources });

  if (r.model === 'container') out.push(...containerExpectations(r));
  else out.push(...nativeExpectations(r));

  out.push(
    ...r.repositories.map((repo): Expectation =>
      repo.kind === 'apt'
        ? {
            kind: 'repository',
            name: repo.name,
            type: 'apt',
            file: `/etc/apt/sources.list.d/${repo.name}.list`,
            source: repo.uri ?? '',
            keyFile: `/etc/apt/keyrings/${repo.name}.gpg`,
            fingerprints: repo.fingerprints,
          }
        : {
            kind: 'repository',
            name: repo.name,
            type: 'yum',
            file: `/etc/yum.repos.d/${repo.name}.repo`,
            source: repo.baseurl ?? '',
            keyFile: `/etc/pki/rpm-gpg/RPM-GPG-KEY-${repo.name}`,
            fingerprints: repo.fingerprints,
          },
    ),
  );
  out.push(securityExpectation(r));

  // Access and secrets.
  out.push({
    kind: 'ssh-keys',
    user: r.access?.user ?? '',
    present: r.access !== undefined && (r.access.inlineKeys.length > 0 || r.access.keyFiles.length > 0),
    keys: r.access?.inlineKeys ?? [],
    keyFiles: r.access?.keyFiles.length ?? 0,
  });
  const secretNames = env.filter((e) => e.kind === 'secret').map((e) => e.name);
  out.push({ kind: 'no-secrets', names: secretNames, manifestsDir: IMAGE_LAYOUT.dibManifests });

  const t = r.agent.trove;
  out.push({
    kind: 'agent-boot',
    service: r.agent.service,
    docker: r.model === 'container',
    ...(r.model === 'container' && r.datastore.docker ? { dockerService: r.datastore.docker.service } : {}),
    ...(r.model === 'native' && r.datastore.native
      ? { datastoreService: r.datastore.native.service, datastorePackages: r.datastore.native.packages.slice(0, 1) }
      : {}),
    injection: t.injection,
    // From 18 on the controller contract sets injected_config_owner/group to the agent's
    // account; 17 hard-codes trove:trove; Nova's files (before 17) arrive root-owned.
    owner: t.major >= 18 ? r.agent.user : (t.injectedConfigOwner?.owner ?? 'root'),
    group: t.major >= 18 ? r.agent.group : (t.injectedConfigOwner?.group ?? 'root'),
    configDir: r.agent.configDir,
    logFile: `${r.agent.logDir}/trove-guestagent.log`,
    manager: r.datastore.type,
    datastoreVersion: r.datastore.version,
    init: r.init,
  });
  return out;
}

function agentExpectations(r: ResolvedRecipe): Expectation[] {
  const out: Expectation[] = [];
  const t = r.agent.trove;
  if (r.agent.install === 'package') {
    out.push({
      kind: 'package',
      name: r.agent.packageName ?? '',
      installed: true,
      ...(r.agent.packageVersion ? { version: r.agent.packageVersion.replace(/-[^-]*$/, '') } : {}),
      why: `the Trove ${t.series} agent from ${r.agent.source === 'rdo' ? 'RDO' : 'the distribution'}`,
    });
  } else {
    out.push({
      kind: 'path',
      path: r.agent.binary,
      type: 'executable',
      why: `the agent's virtualenv entry point (${r.agent.source} source)`,
    });
    out.push({
      kind: 'agent-source',
      source: r.agent.source === 'git' ? 'git' : 'local',
      venv: IMAGE_LAYOUT.agentVenv,
      entryPoint: r.agent.binary,
      distribution: 'trove',
      major: t.major,
      ...(r.agent.git
        ? {
            git: {
              repo: r.agent.git.repo,
              ref: r.agent.git.ref,
              dest: IMAGE_LAYOUT.agentSource,
              manifest: imagePaths.gitManifest(r.name),
            },
          }
        : {}),
    });
  }
  out.push({
    kind: 'service',
    name: r.agent.service,
    enabled: true,
    init: r.init,
    why: 'the agent must start at boot to register with Trove',
  });
  return out;
}

function containerExpectations(r: ResolvedRecipe): Expectation[] {
  const out: Expectation[] = [];
  const docker = r.datastore.docker;
  for (const pkg of docker?.packages.slice(0, 1) ?? [])
    out.push({ kind: 'package', name: pkg, installed: true, why: 'the container model runs the datastore in Docker' });
  if (docker)
    out.push({ kind: 'service', name: docker.service, enabled: true, init: r.init, why: 'the agent needs the Docker engine running' });
  const conf = imagePaths.datastoreConf(r.agent.configDir);
  for (const d of r.served) {
    out.push({ kind: 'file-contains', path: conf, text: `[${d.section}]`, why: `the agent's ${d.type} section` });
    out.push({ kind: 'file-contains', path: conf, text: `docker_image = ${d.image}`, why: `the agent's ${d.type} image` });
    if (d.backupImage)
      out.push({
        kind: 'file-contains',
        path: conf,
        text: `backup_docker_image = ${d.backupImage}`,
        why: `the agent's ${d.type} backup image`,
      });
    for (const setting of d.settings)
      out.push({ kind: 'file-contains', path: conf, text: `${setting.key} = ${setting.value}`, why: setting.why });
    for (const pkg of r.release.family === 'deb' ? d.drivers.deb : d.drivers.rpm) {
      if (r.agent.install === 'package')
        out.push({ kind: 'package', name: pkg, installed: true, why: `the agent's ${d.type} manager imports it` });
    }
  }
  for (const d of builtImages(r)) {
    out.push({
      kind: 'path',
      path: imagePaths.builtArchive(d.type, d.version),
      type: 'file',
      why: `${d.image}:${d.version}, built by tib from ${r.release.title}'s packages, for Docker to load at first boot`,
    });
  }
  if (preloadsImages(r)) {
    out.push({
      kind: 'service',
      name: 'tib-image-loader',
      enabled: true,
      init: r.init,
      why: 'loads the preloaded image archives before the agent starts',
    });
    out.push({
      kind: 'path',
      path: IMAGE_LAYOUT.imageLoader,
      type: 'executable',
      owner: 'root',
      why: 'the loader the tib-image-loader unit runs',
    });
  }
  if (r.datastore.images.length > 0) {
    r.datastore.images.forEach((_, i) =>
      out.push({
        kind: 'path',
        path: imagePaths.archive(i),
        type: 'file',
        why: `preloaded image archive ${i} (datastore.images[${i}])`,
      }),
    );
  }
  return out;
}

function nativeExpectations(r: ResolvedRecipe): Expectation[] {
  const out: Expectation[] = [];
  const n = r.datastore.native;
  if (!n) return out;
  const deb = r.release.family === 'deb';
  n.packages.forEach((pkg, i) => {
    if (pkg.startsWith('openjdk') || pkg.startsWith('java-')) return;
    // The first package is the server, versioned like the datastore (mariadb-server
    // 1:10.11.6 for 10.11); helpers such as galera-4 or xtrabackup have their own numbers.
    const version =
      i === 0 && n.source !== 'user' && /^\d/.test(r.datastore.version) ? { version: r.datastore.version, versionIsUpstream: true } : {};
    out.push({ kind: 'package', name: pkg, installed: true, ...version, why: `${r.datastore.type} ${r.datastore.version} (native model)` });
  });
  out.push({
    kind: 'service',
    name: n.service,
    enabled: r.datastore.autostart,
    init: r.init,
    why: r.datastore.autostart ? 'datastore.autostart: true' : 'the agent starts the database after configuring it',
  });
  if (!r.datastore.autostart) {
    // Every name the agent looks the service up by must stay off too (aliases included).
    const names = deb ? r.datastore.expectations.services.deb : r.datastore.expectations.services.rpm;
    for (const name of names) {
      if (name !== n.service)
        out.push({ kind: 'service', name, enabled: false, init: r.init, why: 'a name the agent looks the datastore service up by' });
    }
  }
  const osUser = deb ? r.datastore.expectations.osUser.deb : r.datastore.expectations.osUser.rpm;
  out.push({
    kind: 'path',
    path: r.datastore.dataDir,
    type: 'dir',
    owner: osUser,
    why: "the datastore's data directory (the agent mounts the volume here)",
  });
  return out;
}

function securityExpectation(r: ResolvedRecipe): Expectation {
  // Profiles the native datastore's packages may ship (catalog); read defensively so the
  // expectation stays derivable while the catalog grows.
  const host = (r.datastore as { readonly host?: { readonly apparmorProfiles?: readonly string[] } }).host;
  const paths = r.model === 'native' ? [r.datastore.dataDir, ...(r.datastore.configIncludeDir ? [r.datastore.configIncludeDir] : [])] : [];
  if (r.security.selinux) {
    return { kind: 'security', framework: 'selinux', mode: r.security.selinux, profiles: [], paths };
  }
  return {
    kind: 'security',
    framework: 'apparmor',
    mode: r.security.apparmor ?? 'enforce',
    profiles: r.model === 'native' ? (host?.apparmorProfiles ?? []) : [],
    paths,
  };
}

function versionOfDebian(codename: string): string {
  return ({ trixie: '13', bookworm: '12', bullseye: '11' } as Record<string, string>)[codename] ?? codename;
}
