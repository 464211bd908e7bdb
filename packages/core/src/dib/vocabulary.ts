/**
 * Words of diskimage-builder's own that tib uses in several places: its hook phases,
 * its operating-system elements, and the variables tib sets for it. One list each.
 */

/** Hook directories DIB runs, in the order it runs them (disk-image-create's main loop). */
export const DIB_HOOK_PHASES = [
  'root.d',
  'extra-data.d',
  'pre-install.d',
  'install.d',
  'post-install.d',
  'post-root.d',
  'block-device.d',
  'pre-finalise.d',
  'finalise.d',
  'cleanup.d',
] as const;
export type DibHookPhase = (typeof DIB_HOOK_PHASES)[number];

/**
 * DIB's operating-system elements: exactly one may be in a build, and tib picks it from
 * base.distro and base.image (catalog/distros.ts names the ones it uses).
 */
export const DIB_OS_ELEMENTS: readonly string[] = [
  'ubuntu',
  'ubuntu-minimal',
  'debian',
  'debian-minimal',
  'centos',
  'centos7',
  'centos-minimal',
  'rhel',
  'rhel7',
  'fedora',
  'fedora-minimal',
  'opensuse',
  'opensuse-minimal',
  'gentoo',
];

/** OS elements that build from packages and leave out cloud-init and sshd. */
export const DIB_MINIMAL_OS_ELEMENTS: ReadonlySet<string> = new Set([
  'debian-minimal',
  'ubuntu-minimal',
  'centos-minimal',
  'fedora-minimal',
]);

/** DIB's default kernel arguments (its bootloader element), kept when tib sets the variable. */
export const DIB_DEFAULT_KERNEL_ARGS = ['nofb', 'nomodeset', 'gfxpayload=text'] as const;

/**
 * Variables whose value tib derives from the recipe (plan/dib-environment.ts sets them,
 * and the recipe's `environment:` may not). Includes DIB's own names for what the
 * recipe's keys control.
 */
export const TIB_CONTROLLED_VARIABLES: ReadonlySet<string> = new Set([
  'DIB_RELEASE',
  'DISTRO_NAME',
  'ELEMENTS_PATH',
  'ARCH',
  'IMAGE_NAME',
  'DIB_IMAGE_SIZE',
  'DIB_CHECKSUM',
  'DIB_CLOUD_INIT_DATASOURCES',
  'DIB_LOCAL_IMAGE',
  'DIB_CLOUD_IMAGES',
  'BASE_IMAGE_FILE',
  'SHA256SUMS',
  'DIB_INIT_SYSTEM',
  'DIB_DISTRIBUTION_MIRROR',
  'DIB_DEBIAN_SECURITY_MIRROR',
  'DIB_APT_SOURCES_CONF',
  'DIB_BOOTLOADER_DEFAULT_CMDLINE',
  'DIB_DEV_USER_PASSWORD',
  'DIB_PASSWORD',
  'DIB_CLOUD_INIT_ETC_HOSTS',
  'DIB_DEBOOTSTRAP_CACHE',
  'DIB_DEBIAN_USE_DEBOOTSTRAP_CACHE',
  'DIB_REPOLOCATION_guest_agent',
  'DIB_REPOREF_guest_agent',
  'DIB_REPOLOCATION_upper_constraints',
]);

/**
 * Every variable DIB's rhel-common registration reads (docs/facts/dib.md §3). Several act
 * on mere presence (REG_AUTO_ATTACH: any value, "false" too, means --auto-attach), so a
 * RHEL build must not inherit one the recipe did not set.
 */
export const RHEL_COMMON_VARIABLES = [
  'REG_ACTIVATION_KEY',
  'REG_AUTO_ATTACH',
  'REG_BASE_URL',
  'REG_ENVIRONMENT',
  'REG_FORCE',
  'REG_HALT_UNREGISTER',
  'REG_MACHINE_NAME',
  'REG_METHOD',
  'REG_ORG',
  'REG_PASSWORD',
  'REG_POOL_ID',
  'REG_RELEASE',
  'REG_REPOS',
  'REG_SAT_CERT',
  'REG_SAT_REPO',
  'REG_SAT_URL',
  'REG_SERVER_URL',
  'REG_SERVICE_LEVEL',
  'REG_TYPE',
  'REG_USER',
] as const;

/** Prefixes of variables that belong to tib's elements (TIB_*) and DIB's rhel-common (REG_*). */
export const TIB_CONTROLLED_PREFIXES = ['TIB_', 'REG_'] as const;

/**
 * OS elements whose root a layered build can replace with tib-layer-root: they build the
 * root with debootstrap (root.d), and tib-layer-root brings the build tools debootstrap
 * would (its element-deps: dpkg, modprobe, sysprep).
 */
export const DIB_LAYERABLE_OS_ELEMENTS: ReadonlySet<string> = new Set(['debian-minimal']);

/** DIB variables only a leaf's elements read, kept out of its layer's environment (and key). */
export const DIB_LEAF_VARIABLES: Readonly<Record<string, string>> = {
  DIB_BOOTLOADER_DEFAULT_CMDLINE: "the bootloader (vm element) installs the kernel's command line, which datastores extend",
};
