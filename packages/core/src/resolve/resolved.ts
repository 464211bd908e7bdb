import type { AgentRuntime } from '../catalog/agent-runtime';
import type { AgentSource } from '../catalog/agent-sources';
import type { GuestModel, RdoEnablement, TroveRelease } from '../catalog/agents';
import type { DatastoreHost, KernelSettings, RootAccess } from '../catalog/datastore-host';
import type { AgentExpectations, Datastore } from '../catalog/datastores';
import type { DockerEngine } from '../catalog/docker-engines';
import type { Arch, DistroRelease, ImageSource, InitSystem } from '../catalog/distros';
import type { NativeVersion } from '../catalog/native-offers';
import type { PackagedImage } from '../catalog/packaged-images';
import type { KeyPath } from '../diagnostics/diagnostic';
import type { HostFileRef, HostPath } from '../facts/host-files';
import type { SecretRef } from '../types/recipe.generated';

export type { HostPath } from '../facts/host-files';

/** A host file the recipe names (facts/host-files.ts), with its path resolved. */
export type ResolvedHostFile = HostFileRef & HostPath;

export interface ResolvedSecret {
  readonly ref: SecretRef;
  /** For {file} refs: the file resolved like other recipe paths. */
  readonly file?: HostPath;
  readonly at: KeyPath;
}

/** A recipe with every default filled in from the catalog; input to the planner. */
export interface ResolvedRecipe {
  readonly name: string;
  readonly purpose: 'production' | 'development';
  readonly release: DistroRelease;
  readonly arch: Arch;
  readonly image: {
    readonly source: ImageSource;
    readonly osElement: string;
    readonly url?: string;
    readonly sha256?: string;
    readonly path?: HostPath;
    readonly checksumList?: string;
  };
  readonly mirror: string;
  readonly securityMirror?: string;
  /** false: no security suite in the image's package sources (debian; base.securityUpdates). */
  readonly securityUpdates: boolean;
  readonly model: GuestModel;
  readonly agent: {
    readonly source: AgentSource;
    /** How it is installed (catalog/agent-sources.ts): a package with its unit, or tib's virtualenv. */
    readonly install: 'package' | 'venv';
    /** The agent's executable inside the image. */
    readonly binary: string;
    /** What the agent of this release uses on the guest beyond its package (catalog/agent-runtime.ts). */
    readonly runtime: AgentRuntime;
    readonly trove: TroveRelease;
    readonly user: string;
    readonly group: string;
    readonly logDir: string;
    readonly configDir: string;
    /** The service the image runs the agent as. */
    readonly service: string;
    readonly packageName?: string;
    readonly packageVersion?: string;
    readonly git?: { readonly repo: string; readonly ref: string };
    readonly localPath?: HostPath;
    readonly requirements?: { readonly file?: string; readonly constraints?: string; readonly index: 'pypi' | 'none' };
    /** rdo: how the RDO release is enabled on this distribution. */
    readonly rdo?: RdoEnablement;
  };
  readonly datastore: {
    readonly type: Datastore;
    readonly version: string;
    readonly expectations: AgentExpectations;
    readonly native?: NativeVersion;
    readonly docker?: DockerEngine;
    readonly package?: { readonly file: HostPath; readonly sha256?: string };
    readonly images: readonly { readonly file: HostPath; readonly sha256?: string }[];
    readonly dataDir: string;
    readonly configIncludeDir?: string;
    readonly autostart: boolean;
    /** Native model: AppArmor/SELinux facts, kernel settings, and how the agent first logs in. */
    readonly host: DatastoreHost;
    readonly kernel: KernelSettings;
    readonly rootAccess: RootAccess;
  };
  /**
   * Container model: every datastore the image serves (`datastore`, then `datastore.also`),
   * each with the agent's settings for it and where its container image comes from.
   * Empty in the native model.
   */
  readonly served: readonly ServedDatastore[];
  readonly init: InitSystem;
  readonly security: {
    readonly selinux?: 'enforcing' | 'permissive' | 'disabled';
    readonly apparmor?: 'enforce' | 'complain' | 'disabled';
  };
  readonly datasources: readonly string[];
  readonly repositories: readonly ResolvedRepository[];
  readonly packages: readonly string[];
  /** system.slim: prune docs/man/locales; `kernel` replaces the generic kernel when set. */
  readonly slim?: { readonly kernel?: { readonly package: string; readonly replaces: string } };
  readonly subscription?: {
    readonly method: 'portal' | 'satellite' | 'disable';
    readonly user?: string;
    readonly password?: ResolvedSecret;
    readonly activationKey?: ResolvedSecret;
    readonly org?: string;
    readonly pool?: string;
    readonly autoAttach?: boolean;
    readonly repos: readonly string[];
    readonly satelliteUrl?: string;
    readonly unregister: boolean;
  };
  readonly access?: {
    readonly user: string;
    readonly inlineKeys: readonly string[];
    readonly keyFiles: readonly HostPath[];
    readonly password?: ResolvedSecret;
  };
  readonly output: {
    readonly directory: OutputDirectory;
    readonly formats: readonly ('qcow2' | 'raw' | 'vhd' | 'tar')[];
    readonly sizeGb?: number;
    readonly checksums: boolean;
  };
  readonly extraElements: readonly string[];
  readonly elementPaths: readonly HostPath[];
  /** Every host file the recipe names, in the order the build verifies them. */
  readonly hostFiles: readonly ResolvedHostFile[];
  readonly environment: Readonly<Record<string, string>>;
}

/** A datastore a container-model image serves. */
export interface ServedDatastore {
  readonly type: Datastore;
  readonly version: string;
  /** The agent's configuration section for it (its manager). */
  readonly section: string;
  /** docker_image: the agent runs <image>:<version>. */
  readonly image: string;
  readonly backupImage?: string;
  /** registry: the agent pulls the image; packages: tib builds it and the image preloads it. */
  readonly source: 'registry' | 'packages';
  readonly build?: PackagedImage;
  /** Further agent settings this release needs for it (catalog/agent-runtime.ts). */
  readonly settings: readonly { readonly key: string; readonly value: string; readonly why: string }[];
  /** Python modules the agent's manager for it imports, beyond the agent's own requirements. */
  readonly drivers: AgentExpectations['pythonDrivers'];
}

/** The output directory: recipe-relative when the recipe names one, else `images/` in the cwd. */
export interface OutputDirectory {
  readonly path: string;
  readonly relativeTo: 'cwd' | 'recipe';
}

export interface ResolvedRepository {
  readonly name: string;
  readonly kind: 'apt' | 'yum';
  readonly uri?: string;
  readonly suite?: string;
  readonly components: readonly string[];
  readonly baseurl?: string;
  readonly keyUrl?: string;
  readonly keyFile?: HostPath;
  readonly fingerprints: readonly string[];
  /** Where it came from: the recipe, or tib's vendor catalog. */
  readonly origin: 'recipe' | 'catalog';
}
