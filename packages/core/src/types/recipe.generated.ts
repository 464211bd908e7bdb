/* Generated from schemas/recipe.schema.json by `npm run gen`. Do not edit. */

/**
 * A secret given by reference only: an environment variable read at build time, or a file read at build time. Literal values are refused.
 *
 * This interface was referenced by `Recipe`'s JSON-Schema
 * via the `definition` "secretRef".
 */
export type SecretRef =
  | {
      /**
       * Name of the environment variable holding the secret at build time.
       */
      env: string;
    }
  | {
      /**
       * Path of a file holding the secret (first line, trailing newline removed), relative to this recipe.
       */
      file: string;
    };

/**
 * A tib recipe (format version 1): one Trove guest image for one environment.
 */
export interface Recipe {
  /**
   * Optional JSON Schema reference for editors; ignored by tib.
   */
  $schema?: string;
  /**
   * Recipe format version. Must be 1.
   */
  tib: 1;
  /**
   * Image name; the output file is <output.directory>/<name>.<format>. Default: the recipe file name without extension.
   */
  name?: string;
  /**
   * Recipe files merged before this one, in order (paths relative to this recipe, or absolute). Maps merge deeply; scalars and lists are replaced.
   *
   * Items: A recipe file to merge first.
   */
  extends?: string[];
  /**
   * production (default) or development. Only development images may carry debug access (`access`).
   */
  purpose?: 'production' | 'development';
  /**
   * The operating system of the image.
   */
  base: {
    /**
     * Distribution.
     */
    distro: 'ubuntu' | 'debian' | 'centos' | 'rhel' | 'fedora';
    /**
     * Distribution release: ubuntu bionic/focal/jammy/noble, debian trixie/bookworm/bullseye, centos 7/9-stream, rhel 8/9, fedora <n>. Quote numeric releases ("9").
     */
    release: string;
    /**
     * Target architecture (default amd64).
     */
    arch?: 'amd64' | 'arm64';
    /**
     * Where the base operating system comes from.
     */
    image?: {
      /**
       * download: fetch the distribution cloud image (cached); cache: use the cached copy only; local: a file on the build host (`path` + `sha256`); bootstrap: build from packages (debootstrap/dnf), no cloud image.
       */
      source: 'download' | 'cache' | 'local' | 'bootstrap';
      /**
       * Override of the cloud image URL (download/cache).
       */
      url?: string;
      /**
       * Path of the local base image (source: local), relative to this recipe.
       */
      path?: string;
      /**
       * SHA-256 of the base image; required for `local`, optional override for download (64 lowercase hex digits)
       */
      sha256?: string;
    };
    /**
     * Distribution mirror used for package installs (default from the distro catalog).
     */
    mirror?: string;
    /**
     * Security-updates mirror (debian; default from the distro catalog).
     */
    securityMirror?: string;
    /**
     * debian: false leaves the security suite out of the image's package sources, for an archived release or a mirror that cannot serve its security pool; the image then gets no security updates (warning TIB3037).
     */
    securityUpdates?: boolean;
  };
  /**
   * The database the image serves.
   */
  datastore: {
    /**
     * Datastore (Trove manager name).
     */
    type:
      | 'cassandra'
      | 'couchbase'
      | 'couchdb'
      | 'db2'
      | 'mariadb'
      | 'mongodb'
      | 'mysql'
      | 'percona'
      | 'postgresql'
      | 'pxc'
      | 'redis'
      | 'vertica';
    /**
     * Datastore version, checked against the catalog for this distro/release and model. Quote it: YAML reads 8.0 as the number 8.
     */
    version?: string;
    /**
     * native (packages in the image; agents up to Trove 13 Ussuri) or container (Docker; agents from Trove 14 Victoria). Default: from the agent release.
     */
    runtime?: 'native' | 'container';
    /**
     * Vendor-supplied package file (vertica, db2, or couchbase offline) with its sha256.
     */
    package?: {
      /**
       * Path of the file on the build host, relative to this recipe.
       */
      file: string;
      /**
       * Expected SHA-256 of the file; tib verifies it before DIB sees the file (64 lowercase hex digits)
       */
      sha256?: string;
    };
    /**
     * Container model: where the datastore's container image comes from. registry (default): the agent pulls <docker_image>:<version> at prepare. packages: tib builds it from the distribution's own packages and preloads it, for clouds whose instances reach no registry.
     */
    image?: 'registry' | 'packages';
    /**
     * Container model: further datastores the same image serves (Trove runs each in its own container, so one image can be registered for several datastore versions).
     *
     * @maxItems 8
     */
    also?: {
      /**
       * Datastore (Trove manager name).
       */
      type:
        | 'cassandra'
        | 'couchbase'
        | 'couchdb'
        | 'db2'
        | 'mariadb'
        | 'mongodb'
        | 'mysql'
        | 'percona'
        | 'postgresql'
        | 'pxc'
        | 'redis'
        | 'vertica';
      /**
       * Datastore version, checked against the catalog for this distro/release and model. Quote it: YAML reads 8.0 as the number 8.
       */
      version?: string;
      /**
       * Where its container image comes from (see datastore.image).
       */
      image?: 'registry' | 'packages';
    }[];
    /**
     * Container model: image archives (docker save) loaded at first boot, before the agent starts.
     *
     * Items: An image archive and its sha256.
     */
    images?: {
      /**
       * Path of the file on the build host, relative to this recipe.
       */
      file: string;
      /**
       * Expected SHA-256 of the file; tib verifies it before DIB sees the file (64 lowercase hex digits)
       */
      sha256?: string;
    }[];
    /**
     * Config path changes (native model). Defaults are what the guest agent expects.
     */
    paths?: {
      /**
       * Data directory (e.g. /var/lib/mysql).
       */
      dataDir?: string;
      /**
       * Config include directory (e.g. /etc/mysql/conf.d).
       */
      configIncludeDir?: string;
    };
    /**
     * Start the database at boot. Default false: the guest agent starts it.
     */
    autostart?: boolean;
  };
  /**
   * The Trove guest agent and where it comes from.
   */
  guestagent: {
    /**
     * git (repo + ref), package (the distribution's trove-guestagent), rdo (RDO openstack-trove-guestagent), local (a trove tree on the build host).
     */
    source: 'git' | 'package' | 'rdo' | 'local';
    /**
     * git: repository URL (default https://opendev.org/openstack/trove).
     */
    repo?: string;
    /**
     * git: branch, tag or commit (master; stable/ or unmaintained/<series or release id>; a <series>-eol tag; a release tag; a sha).
     */
    ref?: string;
    /**
     * local: path of a trove source tree on the build host, relative to this recipe.
     */
    path?: string;
    /**
     * The agent's Trove release series (e.g. ussuri, zed). Required for local trees and commit ids; for rdo, the RDO release.
     */
    release?:
      | 'newton'
      | 'ocata'
      | 'pike'
      | 'queens'
      | 'rocky'
      | 'stein'
      | 'train'
      | 'ussuri'
      | 'victoria'
      | 'wallaby'
      | 'xena'
      | 'yoga'
      | 'zed'
      | 'antelope'
      | 'bobcat'
      | 'caracal'
      | 'dalmatian'
      | 'epoxy'
      | 'flamingo'
      | 'gazpacho'
      | 'hibiscus';
    /**
     * git/local: how pip installs the agent.
     */
    requirements?: {
      /**
       * Requirements file: a path inside the source tree, a host path, or a URL. Default: the tree's requirements.txt.
       */
      file?: string;
      /**
       * Upper-constraints: a URL or a host path. Default: releases.openstack.org for the release; `none` for no constraints.
       */
      constraints?: string;
      /**
       * pypi (default): install dependencies from the package index; none: install offline, dependencies from distro packages only.
       */
      index?: 'pypi' | 'none';
    };
    /**
     * The account the agent runs as (default: the source's own, trove). The controller contract sets injected_config_owner to it.
     */
    user?: string;
    /**
     * Agent log directory (default /var/log/trove).
     */
    logDir?: string;
    /**
     * Agent config directory passed as --config-dir (default /etc/trove/conf.d).
     */
    configDir?: string;
  };
  /**
   * Operating system settings.
   */
  system?: {
    /**
     * Init system for the agent's and datastore's services (default from distro/release).
     */
    init?: 'systemd' | 'sysvinit';
    /**
     * Leave out what a database guest never uses: documentation (copyright files stay), man and info pages, translations other than English, and on Debian the generic kernel for the cloud kernel (default true; false gives a stock DIB image, e.g. to measure the difference).
     */
    slim?: boolean;
    /**
     * Mandatory access control.
     */
    security?: {
      /**
       * rpm distros: SELinux mode; enforcing labels moved data/config paths.
       */
      selinux?: 'enforcing' | 'permissive' | 'disabled';
      /**
       * deb distros: AppArmor mode for the datastore profile, with local additions for moved paths and backup/restore dirs.
       */
      apparmor?: 'enforce' | 'complain' | 'disabled';
    };
    /**
     * cloud-init settings.
     */
    cloudInit?: {
      /**
       * cloud-init datasources, in order (default [ConfigDrive, OpenStack]).
       *
       * @minItems 1
       *
       * Items: A cloud-init datasource name.
       */
      datasources?: (
        | 'ConfigDrive'
        | 'OpenStack'
        | 'NoCloud'
        | 'Ec2'
        | 'None'
        | 'Azure'
        | 'GCE'
        | 'OVF'
        | 'MAAS'
        | 'CloudStack'
        | 'VMware'
      )[];
    };
    /**
     * Extra apt/yum repositories, each with its signing key.
     *
     * Items: One repository.
     */
    repositories?: {
      /**
       * Short name: the sources.list.d / yum.repos.d file name.
       */
      name: string;
      /**
       * apt: the repository URI.
       */
      uri?: string;
      /**
       * apt: suite (default the release codename).
       */
      suite?: string;
      /**
       * apt: components (default [main]).
       *
       * Items: A component.
       */
      components?: string[];
      /**
       * yum: base URL ($releasever and $basearch allowed).
       */
      baseurl?: string;
      /**
       * Signing key: a file or a URL, plus its full fingerprint (checked at build time).
       */
      key?: {
        /**
         * Key file (ASCII-armored or binary), relative to this recipe.
         */
        file?: string;
        /**
         * Key URL.
         */
        url?: string;
        /**
         * Full key fingerprint, 40 uppercase hex digits without spaces.
         */
        fingerprint: string;
      };
    }[];
    /**
     * Extra packages to install.
     *
     * Items: A package name, optionally name=version.
     */
    packages?: string[];
  };
  /**
   * Red Hat Enterprise Linux settings (distro rhel only).
   */
  rhel?: {
    /**
     * Subscription used during the build (DIB rhel-common). Secrets by reference only.
     */
    subscription?: {
      /**
       * portal (Customer Portal), satellite, or disable (no registration).
       */
      method: 'portal' | 'satellite' | 'disable';
      /**
       * Account user name (not secret).
       */
      user?: string;
      password?: SecretRef;
      activationKey?: SecretRef;
      /**
       * Organization id.
       */
      org?: string;
      /**
       * Pool id to attach (without autoAttach).
       */
      pool?: string;
      /**
       * Attach the best-matching subscription automatically.
       */
      autoAttach?: boolean;
      /**
       * Repository ids to enable (replaces the default base repos).
       *
       * Items: A repository id.
       */
      repos?: string[];
      /**
       * Satellite server URL (method satellite).
       */
      satelliteUrl?: string;
      /**
       * Unregister at the end of the build (default true).
       */
      unregister?: boolean;
    };
  };
  /**
   * Debug access, only for purpose: development.
   */
  access?: {
    /**
     * Login user that receives the keys (default devuser; created with sudo).
     */
    user?: string;
    /**
     * SSH public keys: inline strings or {file: PATH}.
     *
     * Items: An ssh public key line, or a file holding one or more.
     */
    sshKeys?: (
      | string
      | {
          /**
           * Public key file, relative to this recipe.
           */
          file: string;
        }
    )[];
    password?: SecretRef;
  };
  /**
   * What the build writes.
   */
  output?: {
    /**
     * Output directory (default images/ under the current directory; relative paths are relative to this recipe).
     */
    directory?: string;
    /**
     * Output formats (default [qcow2]).
     *
     * @minItems 1
     *
     * Items: An output format.
     */
    formats?: ('qcow2' | 'raw' | 'vhd' | 'tar')[];
    /**
     * Disk size in GB (default from the datastore; at least what the packages need).
     */
    sizeGb?: number;
    /**
     * Write .sha256 files beside the image (default true).
     */
    checksums?: boolean;
  };
  /**
   * Escape hatch: extra DIB elements.
   */
  elements?: {
    /**
     * Extra elements appended to the DIB command.
     *
     * Items: An element name.
     */
    add?: string[];
    /**
     * Extra element directories, searched before tib's and DIB's.
     *
     * Items: An element directory, relative to this recipe.
     */
    paths?: string[];
  };
  /**
   * Escape hatch: extra non-secret DIB variables.
   */
  environment?: {
    /**
     * Value (numbers and booleans are written as strings).
     */
    [k: string]: string | number | boolean | undefined;
  };
}
