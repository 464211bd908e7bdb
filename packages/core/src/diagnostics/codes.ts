/**
 * The catalog of diagnostic codes. Codes are stable: once released, a code keeps its
 * meaning forever (retired codes stay listed). `docs/diagnostics.md` is generated from
 * this table (`npm run gen`), and a test fails when the two drift.
 *
 *   TIB1xxx  reading the recipe: YAML, files, `extends`, `--set`
 *   TIB2xxx  shape: the JSON Schema of recipe v1
 *   TIB3xxx  meaning: the named semantic rules and the support matrix
 *   TIB4xxx  compiling: elements and templates
 *   TIB5xxx  the build host: pre-flight of `tib run` and `tib doctor`
 */
export interface CodeInfo {
  readonly name: string;
  readonly severity: 'error' | 'warning';
  readonly summary: string;
}

export const DIAGNOSTIC_CODES = {
  TIB1001: { name: 'yaml-syntax', severity: 'error', summary: 'The file is not valid YAML. Nothing else is checked until it parses.' },
  TIB1002: { name: 'file-unreadable', severity: 'error', summary: 'A recipe or overlay file could not be read.' },
  TIB1003: {
    name: 'not-a-mapping',
    severity: 'error',
    summary: 'A recipe must be one YAML mapping (key: value pairs) in a single document.',
  },
  TIB1004: {
    name: 'duplicate-key',
    severity: 'error',
    summary: 'The same key appears twice in one mapping; YAML forbids it and the second would silently win elsewhere.',
  },
  TIB1005: {
    name: 'extends-not-found',
    severity: 'error',
    summary:
      'A file listed in `extends` does not exist (a relative path is taken from the recipe that lists it; an absolute one as it is).',
  },
  TIB1006: { name: 'extends-cycle', severity: 'error', summary: '`extends` files include each other in a cycle.' },
  TIB1007: { name: 'set-syntax', severity: 'error', summary: 'A `--set` override is not of the form `path.to.key=value`.' },
  TIB1008: { name: 'set-path', severity: 'error', summary: 'A `--set` override walks through a value that is not a mapping.' },
  TIB1009: {
    name: 'yaml-feature',
    severity: 'error',
    summary: 'The recipe uses a YAML feature tib does not accept (custom tags, merge keys, several documents).',
  },
  TIB1010: {
    name: 'not-a-regular-file',
    severity: 'error',
    summary:
      'A file tib reads — the recipe, an `extends` file, a secret, key or input file — is a directory, device, FIFO or socket, or is larger than tib reads for that purpose (recipes 1 MiB, secrets and keys 64 KiB).',
  },
  TIB1011: {
    name: 'yaml-too-large',
    severity: 'error',
    summary:
      'The YAML document holds, or its aliases (`*name`) expand to, more values or deeper nesting than a recipe can (10,000 values, 64 levels, 100 aliases); an alias bomb is refused before it is built.',
  },
  TIB1012: {
    name: 'fmt-would-change-meaning',
    severity: 'error',
    summary:
      '`tib fmt` cannot put the file in canonical form without changing what it means (e.g. an alias would come before its anchor); it is left as it is.',
  },

  TIB2001: {
    name: 'unknown-key',
    severity: 'error',
    summary: 'A key that recipe v1 does not define; usually a typo (the message suggests the closest key).',
  },
  TIB2002: { name: 'missing-key', severity: 'error', summary: 'A required key is missing.' },
  TIB2003: { name: 'wrong-type', severity: 'error', summary: 'A value has the wrong type (e.g. a list where a mapping is expected).' },
  TIB2004: { name: 'not-allowed-value', severity: 'error', summary: 'A value is not one of the allowed choices (the message lists them).' },
  TIB2005: {
    name: 'bad-format',
    severity: 'error',
    summary: 'A string does not have the required form (checksum, URL, name, path, version …).',
  },
  TIB2006: { name: 'out-of-range', severity: 'error', summary: 'A number, string or list is too small or too large.' },
  TIB2007: { name: 'format-version', severity: 'error', summary: '`tib:` must be 1: this tib reads recipe format version 1.' },
  TIB2008: {
    name: 'secret-literal',
    severity: 'error',
    summary: 'A secret field holds a literal value; secrets are given only as `{env: NAME}` or `{file: PATH}`.',
  },
  TIB2009: { name: 'no-variant-matches', severity: 'error', summary: 'A value matches none of the shapes allowed at that place.' },
  TIB2010: { name: 'duplicate-item', severity: 'error', summary: 'A list that must hold unique items holds the same item twice.' },

  TIB3001: { name: 'release-unknown', severity: 'error', summary: 'The release is not one tib knows for that distribution.' },
  TIB3002: {
    name: 'datastore-unsupported',
    severity: 'error',
    summary: 'The support matrix has no build for this datastore on this distribution release in this guest model; the message says why.',
  },
  TIB3003: {
    name: 'datastore-version',
    severity: 'error',
    summary: 'The datastore version is not in the catalog for this distribution release and guest model.',
  },
  TIB3004: {
    name: 'datastore-not-in-agent',
    severity: 'error',
    summary:
      'The guest agent release has no manager for this datastore in the container model (Trove 14+ manages mysql, mariadb and postgresql).',
  },
  TIB3005: {
    name: 'runtime-mismatch',
    severity: 'error',
    summary:
      '`datastore.runtime` contradicts the guest agent release: agents up to Trove 13 (Ussuri) drive native packages, agents from Trove 14 (Victoria) run Docker containers.',
  },
  TIB3006: {
    name: 'agent-release-required',
    severity: 'error',
    summary: '`guestagent.release` is required where tib cannot know the agent release (local trees, bare commit ids).',
  },
  TIB3007: { name: 'agent-field-required', severity: 'error', summary: 'A field the chosen guest agent source needs is missing.' },
  TIB3008: {
    name: 'agent-source-unavailable',
    severity: 'error',
    summary: 'The chosen guest agent source has no agent for this distribution release (no distro package, no RDO build).',
  },
  TIB3009: {
    name: 'agent-distro-untested',
    severity: 'warning',
    summary: 'Trove never tested this agent release on this distribution release; it may work.',
  },
  TIB3010: { name: 'subscription-not-rhel', severity: 'error', summary: '`rhel.subscription` is only valid with `base.distro: rhel`.' },
  TIB3011: {
    name: 'selinux-not-rpm',
    severity: 'error',
    summary: '`system.security.selinux` applies only to rpm distributions (centos, rhel, fedora).',
  },
  TIB3012: {
    name: 'apparmor-not-deb',
    severity: 'error',
    summary: '`system.security.apparmor` applies only to deb distributions (debian, ubuntu).',
  },
  TIB3013: {
    name: 'access-in-production',
    severity: 'error',
    summary: '`access` (ssh keys, passwords) is only allowed with `purpose: development`.',
  },
  TIB3014: {
    name: 'private-key',
    severity: 'error',
    summary: 'A private key was found where a public key belongs; it must never go into an image or a recipe.',
  },
  TIB3015: {
    name: 'sha256-required',
    severity: 'error',
    summary: 'A local base image, vendor package or image archive needs its sha256 so tib can verify it before DIB sees it.',
  },
  TIB3016: {
    name: 'file-missing',
    severity: 'warning',
    summary:
      'A referenced file does not exist here; the compiled script checks again on the host that runs it (`tib run` makes this an error).',
  },
  TIB3017: {
    name: 'datasources-without-openstack',
    severity: 'warning',
    summary: 'The cloud-init datasource list lacks `OpenStack`; Trove injects its config through metadata when config drive is off.',
  },
  TIB3018: {
    name: 'vendor-package',
    severity: 'error',
    summary: '`datastore.package` is required for vendor-supplied datastores (vertica, db2) and only allowed for those and couchbase.',
  },
  TIB3019: {
    name: 'images-not-container',
    severity: 'error',
    summary: '`datastore.images` (preloaded image archives) exist only in the container model.',
  },
  TIB3020: {
    name: 'field-not-for-choice',
    severity: 'error',
    summary: 'A field is set that the chosen option does not use (e.g. `guestagent.ref` with `source: package`).',
  },
  TIB3021: {
    name: 'base-image-source',
    severity: 'error',
    summary:
      'The base image source does not fit the distribution (e.g. rhel needs a local image; bootstrap needs a debootstrap/dnf-capable distro).',
  },
  TIB3022: { name: 'init-unsupported', severity: 'error', summary: 'The init system is not available on this distribution release.' },
  TIB3023: {
    name: 'environment-reserved',
    severity: 'error',
    summary:
      'An `environment` entry sets a variable that tib derives from the recipe, or carries what looks like a secret (DIB copies `DIB_*` into the image).',
  },
  TIB3024: {
    name: 'element-conflict',
    severity: 'error',
    summary: 'An extra element clashes with one tib selects, or is not a valid element name.',
  },
  TIB3025: {
    name: 'subscription-fields',
    severity: 'error',
    summary: 'The RHEL subscription method lacks a field it needs, or sets one it ignores.',
  },
  TIB3026: {
    name: 'repository-family',
    severity: 'error',
    summary: 'A repository is of the wrong kind for the distribution family (apt on rpm, yum on deb), or lacks what that kind needs.',
  },
  TIB3027: {
    name: 'autostart',
    severity: 'warning',
    summary: 'The datastore is set to start at boot; the guest agent normally starts it after configuring it.',
  },
  TIB3028: {
    name: 'container-field',
    severity: 'error',
    summary: 'A field that only the native model uses is set in a container-model recipe.',
  },
  TIB3029: { name: 'arch-unsupported', severity: 'error', summary: 'The architecture is not available for this distribution release.' },
  TIB3030: {
    name: 'eol-release',
    severity: 'warning',
    summary: 'The distribution release or its repositories are end of life; builds depend on archive mirrors.',
  },
  TIB3031: {
    name: 'container-only-field',
    severity: 'error',
    summary: 'datastore.image and datastore.also describe container images; a native-model image installs one datastore from packages.',
  },
  TIB3032: {
    name: 'packaged-image-unavailable',
    severity: 'error',
    summary:
      "tib cannot build this datastore's container image from this distribution release's packages (or not at the version asked for).",
  },
  TIB3033: { name: 'served-twice', severity: 'error', summary: 'The image names the same datastore version twice.' },
  TIB3034: {
    name: 'agent-known-defect',
    severity: 'warning',
    summary:
      "The agent of this release has a known defect with this datastore: the image builds and instances start, but part of Trove's API fails.",
  },
  TIB3035: {
    name: 'config-drive-required',
    severity: 'error',
    summary:
      'The guest agent (Trove 16 or older) receives its config files only through a config drive, and the cloud-init datasource list lacks `ConfigDrive`.',
  },
  TIB3036: {
    name: 'offline-agent-dependencies',
    severity: 'warning',
    summary:
      "`requirements.index: none` and tib's catalog lists no distribution packages for this agent release on this distribution release: the agent's dependencies must come from `system.packages`.",
  },
  TIB3038: {
    name: 'secret-in-dib-variable',
    severity: 'error',
    summary: 'A secret is read from a DIB_* variable, which DIB records in the image.',
  },
  TIB3039: {
    name: 'environment-host-control',
    severity: 'error',
    summary:
      '`environment:` sets a variable that changes how the build host runs programs (PATH, LD_*, BASH_ENV, …) or makes DIB log every command (DIB_DEBUG_TRACE).',
  },
  TIB3037: {
    name: 'no-security-updates',
    severity: 'warning',
    summary:
      "`base.securityUpdates: false`: the image is built without its distribution's security suite (Debian only; other distributions ignore it).",
  },

  TIB4001: { name: 'template-failed', severity: 'error', summary: 'A template could not be rendered; this is a bug in tib.' },
  TIB4002: {
    name: 'element-not-written',
    severity: 'warning',
    summary: 'The plan needs a tib element this version does not ship yet; the compiled script names it and stops in pre-flight.',
  },
  TIB4003: {
    name: 'duplicate-hook',
    severity: 'error',
    summary: 'Two elements provide a script with the same phase and name; DIB would stop with "duplicated hook".',
  },

  TIB5001: { name: 'privileges', severity: 'error', summary: 'DIB needs root or passwordless sudo.' },
  TIB5002: { name: 'dib-missing', severity: 'error', summary: '`disk-image-create` is not installed or not on PATH.' },
  TIB5003: { name: 'dib-version', severity: 'error', summary: 'The installed DIB version cannot build this recipe.' },
  TIB5004: {
    name: 'element-not-found',
    severity: 'error',
    summary: "An element the plan needs is in no element directory (DIB's, tib's or the recipe's).",
  },
  TIB5005: { name: 'dib-release', severity: 'error', summary: 'This DIB has no support for the distribution release.' },
  TIB5006: { name: 'disk-space', severity: 'error', summary: 'Not enough free disk space for the build and its output.' },
  TIB5007: { name: 'memory-tmpfs', severity: 'warning', summary: "Not enough memory for DIB's tmpfs; the build will use disk (slower)." },
  TIB5008: { name: 'loop-devices', severity: 'error', summary: 'Loop devices are not usable; DIB cannot create the disk image.' },
  TIB5009: { name: 'kpartx', severity: 'error', summary: 'kpartx/device-mapper cannot map partitions on this host.' },
  TIB5010: { name: 'tool-missing', severity: 'error', summary: 'A host tool the build needs is missing (the message names the package).' },
  TIB5011: { name: 'input-missing', severity: 'error', summary: 'An input file of the recipe does not exist or is not readable.' },
  TIB5012: { name: 'checksum-mismatch', severity: 'error', summary: 'An input file does not have the sha256 the recipe promises.' },
  TIB5013: { name: 'cache-miss', severity: 'error', summary: "`base.image.source: cache` but the image is not in tib's cache." },
  TIB5014: { name: 'download', severity: 'error', summary: 'A download failed, or `--offline` forbids it.' },
  TIB5015: {
    name: 'secret-missing',
    severity: 'error',
    summary: 'A secret the recipe references is not set (environment variable) or not readable (file).',
  },
  TIB5016: { name: 'output-exists', severity: 'error', summary: 'The output image exists; tib keeps it unless `--force` is given.' },
  TIB5017: { name: 'output-unwritable', severity: 'error', summary: 'The output directory cannot be created or written.' },
  TIB5018: { name: 'build-locked', severity: 'error', summary: 'Another build into the same output path is running.' },
  TIB5030: {
    name: 'layer-failed',
    severity: 'error',
    summary: 'A shared layer of `tib run` of several recipes was not built, so the images on it were not built either.',
  },
  TIB5031: {
    name: 'same-image-not-copied',
    severity: 'error',
    summary: "An image whose plan is another's of the same run (its name aside) could not be copied from it.",
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
