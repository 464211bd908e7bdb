/**
 * The build plan: one immutable value from which everything else derives — the script
 * (`tib compile`), the run (`tib run`), the report (`tib plan`) and the checks
 * (`tib verify`). Versioned so a runner can refuse a plan from a newer tib.
 */
export const PLAN_VERSION = 1;

export type ElementOrigin = 'dib' | 'tib' | 'rendered' | 'recipe';

export interface PlanElement {
  readonly name: string;
  readonly origin: ElementOrigin;
  /** Why the element is in the image, for `tib plan`. */
  readonly reason: string;
}

/** One file of the element tree written for DIB (paths relative to the elements dir). */
export interface ElementFile {
  readonly path: string;
  readonly mode: number;
  readonly content: string;
}

/**
 * A file of the element tree as the planner designs it: its content known (tib's static
 * elements, lists tib writes), or a template and the data to render it with. Rendering
 * (render/element-tree.ts) turns every source into an ElementFile.
 */
export type ElementSource =
  | { readonly kind: 'text'; readonly path: string; readonly mode: number; readonly content: string }
  | {
      readonly kind: 'template';
      readonly path: string;
      readonly mode: number;
      readonly template: string;
      readonly context: Readonly<Record<string, unknown>>;
    };

export type SecretSource = { readonly env: string } | { readonly file: string };

/** An environment variable for disk-image-create. Secrets are references, never values. */
export type EnvEntry =
  | { readonly kind: 'value'; readonly name: string; readonly value: string }
  | { readonly kind: 'secret'; readonly name: string; readonly from: SecretSource; readonly what: string }
  /** The absolute path of a plan input, known only where the build runs. */
  | { readonly kind: 'input-path'; readonly name: string; readonly input: string; readonly prefix?: string }
  /** The verified base image: its file path, or a file:// URL of a directory holding it and SHA256SUMS. */
  | { readonly kind: 'base-image'; readonly name: string; readonly form: 'file' | 'dir-url' | 'sums-url' }
  /** A layered build's leaf: the raw file system image of its layer, known only where the layer was built. */
  | { readonly kind: 'layer-image'; readonly name: string }
  /** ELEMENTS_PATH: the materialized element tree first, then the recipe's element paths. */
  | { readonly kind: 'elements-path'; readonly name: 'ELEMENTS_PATH'; readonly extra: readonly string[] };

/** A host file or directory the build reads, verified before DIB runs. */
export interface PlanInput {
  readonly id: string;
  readonly role: 'base-image' | 'datastore-package' | 'image-archive' | 'ssh-key' | 'agent-tree' | 'repository-key' | 'element-path';
  readonly kind: 'file' | 'directory';
  /** Relative to the recipe's directory, or absolute. */
  readonly path: string;
  readonly sha256?: string;
}

/** How the base image reaches DIB. */
export type BaseImagePlan =
  | { readonly source: 'bootstrap' }
  | {
      readonly source: 'download' | 'cache';
      readonly url: string;
      /** The expected sha256, or where to read it (the publisher's checksum list). */
      readonly sha256?: string;
      readonly checksumList?: string;
      readonly fileName: string;
      readonly handoff: 'local-image' | 'cloud-images-dir';
    }
  | { readonly source: 'local'; readonly input: string; readonly handoff: 'local-image' | 'cloud-images-dir'; readonly fileName: string };

export type Requirement =
  | { readonly kind: 'root' }
  | { readonly kind: 'dib'; readonly min?: string; readonly maxExclusive?: string; readonly why?: string }
  | { readonly kind: 'element'; readonly name: string; readonly origin: ElementOrigin }
  | { readonly kind: 'command'; readonly name: string; readonly package: string; readonly why: string }
  | { readonly kind: 'secret'; readonly from: SecretSource; readonly what: string }
  | { readonly kind: 'disk'; readonly gib: number }
  /** Below this, DIB builds on disk instead of in tmpfs (a warning, not a stop). */
  | { readonly kind: 'memory'; readonly gib: number }
  | { readonly kind: 'loop-devices' }
  | { readonly kind: 'partition-mapping' }
  /** A plan input (by id) must exist on the build host, as a file or a directory. */
  | { readonly kind: 'input'; readonly id: string }
  /** debootstrap must know the release (its script for the suite), or DIB stops at root.d. */
  | { readonly kind: 'debootstrap-suite'; readonly suite: string; readonly why: string }
  /** The output directory (known where the build runs) must be creatable and writable. */
  | { readonly kind: 'output-directory' };

/**
 * What `tib verify` checks in the built image; derived from the resolved recipe (and the
 * files rendered for it) in plan/expectations.ts, so it is never a second list.
 */
export type Expectation =
  | { readonly kind: 'os-release'; readonly id: string; readonly versionId?: string; readonly codename?: string }
  /**
   * `version`: the installed version must be it or start with it at a component
   * boundary. With `versionIsUpstream` the epoch is ignored (a datastore version such
   * as 10.11 against 1:10.11.6-0+deb12u1).
   */
  | {
      readonly kind: 'package';
      readonly name: string;
      readonly installed: boolean;
      readonly version?: string;
      readonly versionIsUpstream?: boolean;
      readonly why: string;
    }
  | {
      readonly kind: 'service';
      readonly name: string;
      readonly enabled: boolean;
      readonly init: 'systemd' | 'sysvinit';
      readonly why: string;
    }
  | { readonly kind: 'user'; readonly name: string; readonly groups: readonly string[]; readonly why: string }
  | {
      readonly kind: 'path';
      readonly path: string;
      readonly type: 'dir' | 'file' | 'executable';
      readonly owner?: string;
      readonly group?: string;
      readonly mode?: number;
      readonly why: string;
    }
  | { readonly kind: 'file-contains'; readonly path: string; readonly text: string; readonly why: string }
  | { readonly kind: 'file-absent'; readonly path: string; readonly why: string }
  | { readonly kind: 'datasources'; readonly list: readonly string[] }
  | { readonly kind: 'kernel-cmdline'; readonly args: readonly string[]; readonly why: string }
  /** git/local agents: the virtualenv, the installed distribution's major version, the git source DIB recorded. */
  | {
      readonly kind: 'agent-source';
      readonly source: 'git' | 'local';
      readonly venv: string;
      readonly entryPoint: string;
      readonly distribution: string;
      readonly major: number;
      readonly git?: { readonly repo: string; readonly ref: string; readonly dest: string; readonly manifest: string };
    }
  | {
      readonly kind: 'repository';
      readonly name: string;
      readonly type: 'apt' | 'yum';
      readonly file: string;
      readonly source: string;
      readonly keyFile: string;
      readonly fingerprints: readonly string[];
    }
  /** AppArmor (deb) or SELinux (rpm) as the recipe set it; `paths` are the datastore paths the profiles must allow. */
  | {
      readonly kind: 'security';
      readonly framework: 'apparmor' | 'selinux';
      readonly mode: string;
      readonly profiles: readonly string[];
      readonly paths: readonly string[];
    }
  | {
      readonly kind: 'ssh-keys';
      readonly user: string;
      readonly present: boolean;
      readonly keys: readonly string[];
      readonly keyFiles: number;
    }
  | { readonly kind: 'no-secrets'; readonly names: readonly string[]; readonly manifestsDir: string }
  | {
      readonly kind: 'agent-boot';
      readonly service: string;
      readonly docker: boolean;
      readonly dockerService?: string;
      readonly datastoreService?: string;
      readonly datastorePackages?: readonly string[];
      readonly injection: 'nova-files' | 'cloud-init-write-files';
      readonly owner: string;
      readonly group: string;
      readonly configDir: string;
      readonly logFile: string;
      readonly manager: string;
      readonly datastoreVersion: string;
      readonly init: 'systemd' | 'sysvinit';
    };

/** A setting the Trove controller must have for this image to work. */
export interface ControllerSetting {
  readonly file: 'trove.conf' | 'trove-guestagent.conf';
  readonly section: string;
  readonly key: string;
  readonly value: string;
  readonly why: string;
}

/** One Glance image, then every datastore version it serves. */
export interface Registration {
  readonly imageName: string;
  /** The image's file name as built; the commands take the real path where one is known. */
  readonly imageFile: string;
  readonly diskFormat: 'qcow2' | 'raw';
  /** Trove 15+ finds the image by its `trove` tag; older releases need the image id. */
  readonly byTag: boolean;
  readonly versions: readonly {
    readonly datastore: string;
    readonly version: string;
    readonly manager: string;
    readonly packages: readonly string[];
  }[];
}

export interface ControllerContract {
  readonly trove: { readonly series: string; readonly version: string };
  readonly settings: readonly ControllerSetting[];
  readonly datastore: { readonly name: string; readonly version: string; readonly manager: string };
  readonly datasources: readonly string[];
  /** What registering the image takes: render/controller-commands.ts spells it as commands. */
  readonly registration: Registration;
  /**
   * Datastore config templates the controller must have for this image (installed under
   * its template_path, default /etc/trove/templates/): `path` is relative to it.
   */
  readonly templates: readonly { readonly path: string; readonly content: string; readonly why: string }[];
  readonly notes: readonly string[];
}

/** The planner's output: the plan with its element tree still to be rendered. */
export type PlanDesign = Omit<Plan, 'elementTree'> & { readonly elementSources: readonly ElementSource[] };

export interface Plan {
  readonly planVersion: typeof PLAN_VERSION;
  readonly tibVersion: string;
  readonly recipe: {
    readonly path: string;
    readonly name: string;
    /** sha256 over every recipe file merged (path and content), so any change shows. */
    readonly sha256: string;
    readonly files: readonly { readonly path: string; readonly sha256: string }[];
  };
  readonly image: {
    readonly name: string;
    readonly purpose: 'production' | 'development';
    readonly outputDir: { readonly path: string; readonly relativeTo: 'cwd' | 'recipe' };
    readonly formats: readonly string[];
    readonly sizeGb?: number;
    readonly checksums: boolean;
    /** File names DIB writes for the formats (qcow2 -> <name>.qcow2, tar -> <name>.tar …). */
    readonly files: readonly string[];
  };
  readonly target: {
    readonly distro: string;
    readonly release: string;
    readonly title: string;
    readonly arch: string;
    readonly family: 'deb' | 'rpm';
    readonly model: 'native' | 'container';
    readonly init: 'systemd' | 'sysvinit';
  };
  readonly agent: {
    readonly source: string;
    readonly series: string;
    /** The agent's Trove version as the recipe pins it (plan/agent-version.ts): 23.0.0, or 13.x for a branch. */
    readonly troveVersion: string;
    readonly user: string;
    readonly service: string;
    readonly configDir: string;
    readonly logDir: string;
  };
  readonly datastore: { readonly type: string; readonly version: string; readonly model: 'native' | 'container' };
  readonly dib: {
    /** Arguments before `-o` and the element names. */
    readonly args: readonly string[];
    readonly elements: readonly PlanElement[];
    readonly environment: readonly EnvEntry[];
    /** Variables removed from the environment DIB inherits (the plan sets none of them). */
    readonly unset: readonly string[];
  };
  readonly baseImage: BaseImagePlan;
  readonly inputs: readonly PlanInput[];
  readonly elementTree: readonly ElementFile[];
  readonly preflight: readonly Requirement[];
  readonly expectations: readonly Expectation[];
  readonly controller: ControllerContract;
  /** tib elements the plan needs that this tib version does not ship (named in pre-flight). */
  readonly missingElements: readonly string[];
  /** Only in the plan of a layered build's leaf: the layer it starts from (matrix/layers.ts). */
  readonly layer?: LayerRef;
}

/** The layer a leaf builds on: which elements it covers, and the DIB elements whose environment and last phases the leaf carries. */
export interface LayerRef {
  readonly name: string;
  readonly key: string;
  readonly covers: readonly string[];
  readonly dibElements: readonly string[];
}
