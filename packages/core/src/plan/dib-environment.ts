import { DIB_DEFAULT_KERNEL_ARGS, RHEL_COMMON_VARIABLES, TIB_CONTROLLED_PREFIXES, TIB_CONTROLLED_VARIABLES } from '../dib/vocabulary';
import type { ResolvedRecipe, ResolvedSecret } from '../resolve/resolved';
import { baseImageFileName } from './inputs';
import type { EnvEntry, PlanInput, SecretSource } from './plan-types';
import { agentConstraints, inputVariable } from './recipe-variables';

/**
 * The kernel arguments tib adds to DIB's defaults: classic interface names (the DHCP
 * configuration names eth0) and what the datastore wants before any service starts
 * (transparent huge pages off, for some).
 */
export function tibKernelArguments(r: ResolvedRecipe): string[] {
  return ['net.ifnames=0', ...r.datastore.kernel.cmdline];
}

function secretSource(s: ResolvedSecret): SecretSource {
  return 'env' in s.ref ? { env: s.ref.env } : { file: s.file?.path ?? s.ref.file };
}

/**
 * The environment disk-image-create runs with. Only DIB's own knobs and input paths go
 * here; recipe settings for tib's elements travel in the rendered environment.d file.
 * Secrets are references resolved where the build runs, under non-DIB_ names (DIB copies
 * every DIB_* variable into the image's /etc/dib-manifests).
 */
export function dibEnvironment(r: ResolvedRecipe, inputs: readonly PlanInput[]): EnvEntry[] {
  const env: EnvEntry[] = [];
  const value = (name: string, v: string) => {
    // Every name tib sets is one the recipe's `environment:` may not (dib/vocabulary.ts).
    if (!TIB_CONTROLLED_VARIABLES.has(name) && !TIB_CONTROLLED_PREFIXES.some((p) => name.startsWith(p))) {
      throw new Error(`dibEnvironment: ${name} is not listed in TIB_CONTROLLED_VARIABLES`);
    }
    env.push({ kind: 'value', name, value: v });
  };

  value('DIB_RELEASE', r.release.dibRelease);
  if (r.release.distro !== 'rhel') value('DIB_DISTRIBUTION_MIRROR', r.mirror);
  if (r.release.distro === 'debian') {
    // DIB 3.13 writes `security.debian.org bookworm/updates`, which does not exist since
    // bullseye; spell every source out from the recipe's mirrors instead.
    const sec = r.securityMirror ?? 'http://deb.debian.org/debian-security';
    const rel = r.release.dibRelease;
    value(
      'DIB_APT_SOURCES_CONF',
      [
        `default:deb ${r.mirror} ${rel} main`,
        `updates:deb ${r.mirror} ${rel}-updates main`,
        ...(r.securityUpdates ? [`security:deb ${sec} ${rel}-security main`] : []),
      ].join('\n'),
    );
  }
  if (r.image.source === 'bootstrap' && r.release.family === 'deb') {
    // Reuse debootstrap's tarball between builds (opt-in in DIB).
    value('DIB_DEBOOTSTRAP_CACHE', '1');
    value('DIB_DEBIAN_USE_DEBOOTSTRAP_CACHE', '1');
  }
  value('DIB_BOOTLOADER_DEFAULT_CMDLINE', [...DIB_DEFAULT_KERNEL_ARGS, ...tibKernelArguments(r)].join(' '));
  value('DIB_CLOUD_INIT_DATASOURCES', r.datasources.join(', '));
  // cloud-init puts the instance's hostname in /etc/hosts; without it every `sudo` the
  // agent runs waits on a DNS lookup of its own name (as Trove's own images do).
  value('DIB_CLOUD_INIT_ETC_HOSTS', 'localhost');
  // A git agent's location and ref (and its upper-constraints) are in the rendered
  // source-repository file, not in DIB_REPOLOCATION_*/DIB_REPOREF_*: those names stay the
  // user's way to override them, and tib-agent-venv can pin an annotated tag to its
  // commit in the file before source-repositories reads it (docs/facts/dib.md §8).

  if (r.image.source !== 'bootstrap') {
    // tib verifies the base image itself, then hands DIB the checked file.
    if (r.release.handoff === 'cloud-images-dir') {
      // DIB 3.13's ubuntu element derives SHA256SUMS with an https:// prefix, which
      // breaks file:// directories; give it the list's URL explicitly.
      env.push({ kind: 'base-image', name: 'DIB_CLOUD_IMAGES', form: 'dir-url' });
      env.push({ kind: 'base-image', name: 'SHA256SUMS', form: 'sums-url' });
      value('BASE_IMAGE_FILE', baseImageFileName(r));
    } else {
      env.push({ kind: 'base-image', name: 'DIB_LOCAL_IMAGE', form: 'file' });
    }
  }

  for (const input of inputs) {
    if (input.role === 'base-image' || input.role === 'element-path') continue;
    env.push({ kind: 'input-path', name: inputVariable(input.id), input: input.id });
  }

  const sub = r.subscription;
  if (sub) {
    value('REG_METHOD', sub.method);
    if (sub.user) value('REG_USER', sub.user);
    if (sub.password)
      env.push({ kind: 'secret', name: 'REG_PASSWORD', from: secretSource(sub.password), what: 'RHEL subscription password' });
    if (sub.activationKey)
      env.push({ kind: 'secret', name: 'REG_ACTIVATION_KEY', from: secretSource(sub.activationKey), what: 'RHEL activation key' });
    if (sub.org) value('REG_ORG', sub.org);
    if (sub.pool) value('REG_POOL_ID', sub.pool);
    // rhel-common only tests REG_AUTO_ATTACH for non-emptiness: "false" would auto-attach too.
    if (sub.autoAttach === true) value('REG_AUTO_ATTACH', 'true');
    if (sub.repos.length > 0) value('REG_REPOS', sub.repos.join(','));
    if (sub.satelliteUrl) value('REG_SAT_URL', sub.satelliteUrl);
    if (!sub.unregister) value('REG_HALT_UNREGISTER', '1');
  }
  if (r.access?.password)
    env.push({ kind: 'secret', name: 'TIB_ACCESS_PASSWORD', from: secretSource(r.access.password), what: 'development login password' });

  for (const [name, v] of Object.entries(r.environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    env.push({ kind: 'value', name, value: v });
  }
  env.push({ kind: 'elements-path', name: 'ELEMENTS_PATH', extra: r.elementPaths.map((p) => p.path) });
  return env;
}

/**
 * What must not reach DIB from the environment tib or build.sh was started in: on RHEL,
 * every rhel-common variable the plan does not set itself (an inherited REG_AUTO_ATTACH
 * or REG_POOL_ID would change how the build registers).
 */
export function dibUnset(r: ResolvedRecipe, env: readonly EnvEntry[]): string[] {
  if (r.release.distro !== 'rhel') return [];
  const set = new Set(env.map((e) => e.name));
  return RHEL_COMMON_VARIABLES.filter((name) => !set.has(name));
}

/**
 * For git agents, upper-constraints fetched by source-repositories (a second line in the
 * rendered source-repository file) so DIB_REPOLOCATION_upper_constraints overrides it the
 * DIB way. DIB evals those lines: only URLs made of plainly safe characters qualify.
 */
export function gitConstraintsUrl(r: ResolvedRecipe): string | undefined {
  if (r.agent.source !== 'git' || r.agent.requirements?.index === 'none') return undefined;
  const c = agentConstraints(r);
  return c && /^https?:\/\/[A-Za-z0-9._~:/@+,=%-]+$/.test(c) ? c : undefined;
}
