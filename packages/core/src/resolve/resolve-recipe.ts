import { posix as path } from 'node:path';
import { AGENT_SOURCES } from '../catalog/agent-sources';
import { agentDatastoreSettings, agentRuntime } from '../catalog/agent-runtime';
import type { TroveRelease } from '../catalog/agents';
import { packagedImage } from '../catalog/packaged-images';
import { VENV_AGENT_BINARY } from '../layout/image-layout';
import { DEFAULT_GIT_REPO, DISTRO_AGENT_PACKAGES, RDO_AGENT, rdoEnablement } from '../catalog/agents';
import { DATASTORE_HOST, kernelSettings, rootAccess } from '../catalog/datastore-host';
import { containerOffer, DATASTORES } from '../catalog/datastores';
import type { Datastore } from '../catalog/datastores';
import { releaseKey } from '../catalog/distros';
import type { Arch, DistroRelease } from '../catalog/distros';
import { dockerEngine, nativeVersion, support } from '../catalog/matrix';
import type { Recipe, SecretRef } from '../types/recipe.generated';
import { hostPath, recipeHostFiles } from '../facts/host-files';
import type { HostPath } from '../facts/host-files';
import { servedDatastores } from '../facts/recipe-facts';
import type { RecipeFacts, ServedRef } from '../facts/recipe-facts';
import type { Locator } from '../load/locate';
import type { ResolvedHostFile, ResolvedRecipe, ResolvedSecret, ServedDatastore } from './resolved';
import { vendorRepositories } from './vendor-repositories';

export const DEFAULT_DATASOURCES = ['ConfigDrive', 'OpenStack'] as const;
export const DEFAULT_AGENT_USER = 'trove';
export const DEFAULT_LOG_DIR = '/var/log/trove';
export const DEFAULT_CONFIG_DIR = '/etc/trove/conf.d';
export const DEFAULT_OUTPUT_DIR = 'images';
export const DEFAULT_ACCESS_USER = 'devuser';

/**
 * Fills every default from the catalog. Runs only on recipes that passed both
 * validation passes, so lookups that validation guarded are asserted, not re-checked.
 */
export function resolveRecipe(recipe: Recipe, facts: RecipeFacts, locator: Locator, recipePath: string): ResolvedRecipe {
  const release = facts.release;
  const trove = facts.agent;
  const model = facts.model;
  if (!release || !trove || !model) throw new Error('resolveRecipe: validation should have established release, agent and model');
  const recipeDir = path.dirname(path.normalize(recipePath));
  const at = (p: (string | number)[], written: string) => hostPath(locator, recipeDir, p, written);
  const hostFiles: ResolvedHostFile[] = recipeHostFiles(recipe).map((ref) => ({
    ...ref,
    ...hostPath(locator, recipeDir, ref.at, ref.written),
  }));
  const file = (id: string): HostPath => {
    const found = hostFiles.find((f) => f.id === id);
    if (!found) throw new Error(`resolveRecipe: no host file ${id}`);
    return found;
  };
  const secret = (ref: SecretRef, p: (string | number)[]): ResolvedSecret => ({
    ref,
    at: p,
    ...('file' in ref ? { file: at([...p, 'file'], ref.file) } : {}),
  });

  const type = recipe.datastore.type as Datastore;
  const expectations = DATASTORES[type];
  const s = support(type, release, model, trove.series);
  const version = recipe.datastore.version ?? (s.ok ? s.defaultVersion : '');
  const family = release.family;
  const source = recipe.base.image?.source ?? release.defaultImageSource;
  const osElement = release.osElements[source] ?? '';

  const ga = recipe.guestagent;
  const distroPackage = DISTRO_AGENT_PACKAGES[releaseKey(release)];
  const agentUser =
    ga.user ?? (ga.source === 'package' ? distroPackage?.user : ga.source === 'rdo' ? RDO_AGENT.user : undefined) ?? DEFAULT_AGENT_USER;
  const service =
    ga.source === 'package' ? (distroPackage?.unit ?? 'trove-guestagent') : ga.source === 'rdo' ? RDO_AGENT.unit : 'trove-guestagent';
  const install = AGENT_SOURCES[ga.source].install;
  const binary =
    install === 'venv'
      ? VENV_AGENT_BINARY
      : ga.source === 'rdo'
        ? RDO_AGENT.binary
        : (distroPackage?.binary ?? '/usr/bin/trove-guestagent');
  const rdo = ga.source === 'rdo' ? rdoEnablement(release.distro, release.release, trove.series) : undefined;

  const cloud = release.cloudImage;
  const cloudFile = cloud?.files[recipe.base.arch ?? 'amd64'];
  const imageUrl =
    recipe.base.image?.url ??
    (cloud && cloudFile && (source === 'download' || source === 'cache') ? `${cloud.baseUrl}${cloudFile}` : undefined);

  const resolved: ResolvedRecipe = {
    name: recipe.name ?? path.basename(recipePath).replace(/\.ya?ml$/i, ''),
    purpose: recipe.purpose ?? 'production',
    release,
    arch: recipe.base.arch ?? 'amd64',
    image: {
      source,
      osElement,
      ...(imageUrl ? { url: imageUrl } : {}),
      ...(recipe.base.image?.sha256 ? { sha256: recipe.base.image.sha256 } : {}),
      ...(recipe.base.image?.source === 'local' && recipe.base.image.path ? { path: file('base-image') } : {}),
      ...(cloud && !recipe.base.image?.url && !recipe.base.image?.sha256 ? { checksumList: `${cloud.baseUrl}${cloud.checksumList}` } : {}),
    },
    mirror: recipe.base.mirror ?? release.mirror,
    securityUpdates: recipe.base.securityUpdates !== false,
    ...((recipe.base.securityMirror ?? release.securityMirror)
      ? { securityMirror: recipe.base.securityMirror ?? release.securityMirror }
      : {}),
    model,
    agent: {
      source: ga.source,
      install,
      binary,
      runtime: agentRuntime(trove.major, model, model === 'native' ? [type] : servedDatastores(recipe).map((d) => d.type)),
      trove,
      user: agentUser,
      group: agentUser,
      logDir: ga.logDir ?? DEFAULT_LOG_DIR,
      configDir: ga.configDir ?? DEFAULT_CONFIG_DIR,
      service,
      ...(ga.source === 'package' && distroPackage ? { packageName: distroPackage.package, packageVersion: distroPackage.version } : {}),
      ...(ga.source === 'rdo' ? { packageName: RDO_AGENT.package } : {}),
      ...(rdo ? { rdo } : {}),
      ...(ga.source === 'git' ? { git: { repo: ga.repo ?? DEFAULT_GIT_REPO, ref: ga.ref ?? 'master' } } : {}),
      ...(ga.source === 'local' && ga.path ? { localPath: file('agent-tree') } : {}),
      ...(ga.source === 'git' || ga.source === 'local'
        ? {
            requirements: {
              ...(ga.requirements?.file ? { file: ga.requirements.file } : {}),
              ...(ga.requirements?.constraints ? { constraints: ga.requirements.constraints } : {}),
              index: ga.requirements?.index ?? 'pypi',
            },
          }
        : {}),
    },
    datastore: {
      type,
      version,
      expectations,
      ...(model === 'native' ? { native: nativeVersion(type, release, version) } : {}),
      ...(model === 'container' ? { docker: dockerEngine(release) } : {}),
      ...(recipe.datastore.package
        ? {
            package: {
              file: file('datastore-package'),
              ...(recipe.datastore.package.sha256 ? { sha256: recipe.datastore.package.sha256 } : {}),
            },
          }
        : {}),
      images: (recipe.datastore.images ?? []).map((img, i) => ({
        file: file(`image-archive-${i}`),
        ...(img.sha256 ? { sha256: img.sha256 } : {}),
      })),
      dataDir: recipe.datastore.paths?.dataDir ?? expectations.dataDir,
      ...((recipe.datastore.paths?.configIncludeDir ?? expectations.configIncludeDir)
        ? { configIncludeDir: recipe.datastore.paths?.configIncludeDir ?? expectations.configIncludeDir }
        : {}),
      autostart: recipe.datastore.autostart ?? false,
      host: DATASTORE_HOST[type],
      kernel: model === 'native' ? kernelSettings(type, version) : { sysctl: {}, cmdline: [], why: '' },
      rootAccess: model === 'native' ? rootAccess(type, version) : 'none',
    },
    served: model === 'container' ? servedDatastores(recipe).map((ref) => served(ref, release, trove)) : [],
    init: recipe.system?.init ?? release.defaultInit,
    security:
      family === 'deb'
        ? { apparmor: recipe.system?.security?.apparmor ?? 'enforce' }
        : { selinux: recipe.system?.security?.selinux ?? 'permissive' },
    datasources: recipe.system?.cloudInit?.datasources ?? [...DEFAULT_DATASOURCES],
    repositories: [],
    packages: recipe.system?.packages ?? [],
    ...((recipe.system?.slim ?? true) ? { slim: slimSettings(release, recipe.base.arch ?? 'amd64') } : {}),
    ...(recipe.rhel?.subscription
      ? {
          subscription: {
            method: recipe.rhel.subscription.method,
            ...(recipe.rhel.subscription.user ? { user: recipe.rhel.subscription.user } : {}),
            ...(recipe.rhel.subscription.password
              ? { password: secret(recipe.rhel.subscription.password, ['rhel', 'subscription', 'password']) }
              : {}),
            ...(recipe.rhel.subscription.activationKey
              ? { activationKey: secret(recipe.rhel.subscription.activationKey, ['rhel', 'subscription', 'activationKey']) }
              : {}),
            ...(recipe.rhel.subscription.org ? { org: recipe.rhel.subscription.org } : {}),
            ...(recipe.rhel.subscription.pool ? { pool: recipe.rhel.subscription.pool } : {}),
            ...(recipe.rhel.subscription.autoAttach !== undefined ? { autoAttach: recipe.rhel.subscription.autoAttach } : {}),
            repos: recipe.rhel.subscription.repos ?? [],
            ...(recipe.rhel.subscription.satelliteUrl ? { satelliteUrl: recipe.rhel.subscription.satelliteUrl } : {}),
            unregister: recipe.rhel.subscription.unregister ?? true,
          },
        }
      : {}),
    ...(recipe.access
      ? {
          access: {
            user: recipe.access.user ?? DEFAULT_ACCESS_USER,
            inlineKeys: (recipe.access.sshKeys ?? []).filter((k): k is string => typeof k === 'string').map((k) => k.trim()),
            keyFiles: hostFiles.filter((f) => f.role === 'ssh-key'),
            ...(recipe.access.password ? { password: secret(recipe.access.password, ['access', 'password']) } : {}),
          },
        }
      : {}),
    output: {
      directory: recipe.output?.directory
        ? { path: at(['output', 'directory'], recipe.output.directory).path, relativeTo: 'recipe' }
        : { path: DEFAULT_OUTPUT_DIR, relativeTo: 'cwd' },
      formats: recipe.output?.formats ?? ['qcow2'],
      ...(recipe.output?.sizeGb !== undefined ? { sizeGb: recipe.output.sizeGb } : {}),
      checksums: recipe.output?.checksums ?? true,
    },
    extraElements: recipe.elements?.add ?? [],
    elementPaths: hostFiles.filter((f) => f.role === 'element-path'),
    hostFiles,
    environment: Object.fromEntries(Object.entries(recipe.environment ?? {}).map(([k, v]) => [k, String(v)])),
  };
  return { ...resolved, repositories: vendorRepositories(resolved, recipe, file) };
}

function slimSettings(release: DistroRelease, arch: Arch): NonNullable<ResolvedRecipe['slim']> {
  const kernel = release.cloudKernel?.[arch];
  return kernel ? { kernel } : {};
}

/** A served datastore with its agent section, image and settings (validation made sure it exists). */
function served(ref: ServedRef, release: DistroRelease, trove: TroveRelease): ServedDatastore {
  const offer = containerOffer(ref.type, trove.series);
  if (!offer) throw new Error(`resolveRecipe: no container offer for ${ref.type}`);
  const build = ref.image === 'packages' ? packagedImage(releaseKey(release), ref.type) : undefined;
  const s = support(ref.type, release, 'container', trove.series);
  const version = ref.version ?? build?.version ?? (s.ok ? s.defaultVersion : '');
  return {
    type: ref.type,
    version,
    section: offer.section,
    image: offer.image,
    ...(offer.backupImage ? { backupImage: offer.backupImage } : {}),
    source: ref.image,
    ...(build ? { build } : {}),
    settings: agentDatastoreSettings(trove.major, ref.type),
    drivers: DATASTORES[ref.type].pythonDrivers,
  };
}
