import type { ResolvedRecipe } from '../resolve/resolved';
import type { EnvEntry, Expectation } from './plan-types';

const OS_IDS: Readonly<Record<string, string>> = { debian: 'debian', ubuntu: 'ubuntu', centos: 'centos', rhel: 'rhel', fedora: 'fedora' };

/**
 * What a correct image of this recipe contains, for `tib verify`. Derived from the same
 * resolved recipe as the elements, so the checks cannot drift from what was built.
 */
export function expectationsFor(r: ResolvedRecipe, env: readonly EnvEntry[]): Expectation[] {
  const out: Expectation[] = [];
  const deb = r.release.family === 'deb';
  out.push({ kind: 'os-release', id: OS_IDS[r.release.distro] ?? r.release.distro, versionId: r.release.distro === 'debian' ? versionOfDebian(r.release.release) : r.release.release.replace(/-stream$/, ''), ...(deb ? { codename: r.release.release } : {}) });

  // The agent, from its source.
  if (r.agent.source === 'package' || r.agent.source === 'rdo') {
    out.push({ kind: 'package', name: r.agent.packageName ?? '', installed: true, ...(r.agent.packageVersion ? { version: r.agent.packageVersion.replace(/-[^-]*$/, '') } : {}), why: `the Trove ${r.agent.trove.series} agent from ${r.agent.source === 'rdo' ? 'RDO' : 'the distribution'}` });
  } else {
    out.push({ kind: 'path', path: '/opt/guest-agent-venv/bin/trove-guestagent', type: 'executable', why: `the agent's virtualenv entry point (${r.agent.source} source)` });
  }
  out.push({ kind: 'service', name: r.agent.service, enabled: true, init: r.init, why: 'the agent must start at boot to register with Trove' });
  out.push({ kind: 'user', name: r.agent.user, groups: r.model === 'container' ? ['docker'] : [], why: r.model === 'container' ? 'the agent drives Docker through its socket' : 'the agent runs as this account' });
  for (const dir of [r.agent.configDir, r.agent.logDir, '/var/lib/trove']) {
    out.push({ kind: 'path', path: dir, type: 'dir', owner: r.agent.user, why: 'the agent writes here' });
  }
  out.push({ kind: 'file-contains', path: '/etc/sudoers.d/60-tib-trove-guest', text: `${r.agent.user} ALL=(ALL) NOPASSWD:ALL`, why: 'the agent runs privileged commands with sudo' });

  // Networking and cloud-init.
  for (const pkg of r.release.basePackages.dhcp) out.push({ kind: 'package', name: pkg, installed: true, why: 'the guest must bring its network up by DHCP to reach Trove\'s message bus' });
  out.push({ kind: 'package', name: 'cloud-init', installed: true, why: 'cloud-init writes the config files Trove injects' });
  out.push({ kind: 'datasources', list: r.datasources });

  if (r.model === 'container') {
    const docker = r.datastore.docker;
    for (const pkg of docker?.packages.slice(0, 1) ?? []) out.push({ kind: 'package', name: pkg, installed: true, why: 'the container model runs the datastore in Docker' });
    if (docker) out.push({ kind: 'service', name: docker.service, enabled: true, init: r.init, why: 'the agent needs the Docker engine running' });
    if (r.datastore.container) {
      out.push({ kind: 'file-contains', path: `${r.agent.configDir}/00-tib-datastore.conf`, text: `[${r.datastore.container.section}]`, why: 'the agent\'s datastore section' });
      out.push({ kind: 'file-contains', path: `${r.agent.configDir}/00-tib-datastore.conf`, text: `docker_image = ${r.datastore.container.image}`, why: 'the agent\'s datastore image' });
    }
    if (r.datastore.images.length > 0) {
      out.push({ kind: 'service', name: 'tib-image-loader', enabled: true, init: r.init, why: 'loads the preloaded image archives before the agent starts' });
      r.datastore.images.forEach((_, i) => out.push({ kind: 'path', path: `/var/lib/tib/images/${i}.tar`, type: 'file', why: 'a preloaded image archive' }));
    }
  } else if (r.datastore.native) {
    for (const pkg of r.datastore.native.packages) {
      if (pkg.startsWith('openjdk') || pkg.startsWith('java-')) continue;
      out.push({ kind: 'package', name: pkg, installed: true, why: `${r.datastore.type} ${r.datastore.version} (native model)` });
    }
    out.push({ kind: 'service', name: r.datastore.native.service, enabled: r.datastore.autostart, init: r.init, why: r.datastore.autostart ? 'datastore.autostart: true' : 'the agent starts the database after configuring it' });
  }

  // Access and secrets.
  out.push({ kind: 'ssh-keys', user: r.access?.user ?? '', present: r.access !== undefined && (r.access.inlineKeys.length > 0 || r.access.keyFiles.length > 0), keys: r.access?.inlineKeys ?? [] });
  const secretNames = env.filter((e) => e.kind === 'secret').map((e) => e.name);
  out.push({ kind: 'no-secrets', names: secretNames });

  out.push({
    kind: 'agent-boot', service: r.agent.service, docker: r.model === 'container',
    ...(r.model === 'native' && r.datastore.native ? { datastoreService: r.datastore.native.service } : {}),
    injection: r.agent.trove.injection,
    owner: r.agent.trove.major >= 18 ? r.agent.user : r.agent.trove.injectedConfigOwner?.owner ?? 'root',
    group: r.agent.trove.major >= 18 ? r.agent.group : r.agent.trove.injectedConfigOwner?.group ?? 'root',
    configDir: r.agent.configDir,
  });
  return out;
}

function versionOfDebian(codename: string): string {
  return ({ bookworm: '12', bullseye: '11' } as Record<string, string>)[codename] ?? codename;
}
