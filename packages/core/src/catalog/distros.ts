/**
 * Distribution releases tib can build, and how DIB builds each. This table (not the
 * host tib runs on) is where defaults come from. Facts: docs/facts/distributions.md §1
 * (end of life), §2 (Debian packages and Python), §6 (cloud-init, DHCP, systemd), §7
 * (Ubuntu), §8 (CentOS, RHEL); docs/facts/dib.md §1, §2 (DIB versions and elements), §4
 * (Debian with DIB 3.13). Values no source here confirms (Ubuntu's and EL's packages and
 * Python, CentOS image names) are listed in docs/facts/README.md §6.
 */
export type Distro = 'ubuntu' | 'debian' | 'centos' | 'rhel' | 'fedora';
export type Family = 'deb' | 'rpm';
export type ImageSource = 'download' | 'cache' | 'local' | 'bootstrap';
export type InitSystem = 'systemd' | 'sysvinit';
export type Arch = 'amd64' | 'arm64';

export interface CloudImage {
  /** Directory URL holding the image and its checksum list. */
  readonly baseUrl: string;
  /** File name per architecture. */
  readonly files: Readonly<Partial<Record<Arch, string>>>;
  /** Name of the checksum list in baseUrl (sha256), used when the recipe gives no sha256. */
  readonly checksumList: string;
}

/**
 * How a verified base image file is handed to DIB: most OS elements read DIB_LOCAL_IMAGE;
 * DIB 3.13's `ubuntu` element only knows DIB_CLOUD_IMAGES + BASE_IMAGE_FILE (+ SHA256SUMS),
 * which also accept a file:// directory.
 */
export type BaseImageHandoff = 'local-image' | 'cloud-images-dir';

export interface DistroRelease {
  readonly distro: Distro;
  readonly release: string;
  readonly family: Family;
  /** Value for DIB_RELEASE. */
  readonly dibRelease: string;
  /** Human name for messages and the matrix. */
  readonly title: string;
  /** The DIB operating-system element per image source tib supports for this release. */
  readonly osElements: Readonly<Partial<Record<ImageSource, string>>>;
  readonly defaultImageSource: ImageSource;
  readonly cloudImage?: CloudImage;
  readonly handoff?: BaseImageHandoff;
  readonly inits: readonly InitSystem[];
  readonly defaultInit: InitSystem;
  readonly arches: readonly Arch[];
  readonly mirror: string;
  readonly securityMirror?: string;
  /** System Python of the release (the agent's venv or package uses it). */
  readonly python: string;
  /**
   * systemd's major version on the release: what unit syntax its PID 1 understands
   * (docs/facts/distributions.md §6 has each value and its source).
   */
  readonly systemd: number;
  /**
   * Versions of Python modules the release packages that decide how a packaged agent
   * behaves (catalog/agent-defects.ts), from its Packages index.
   */
  readonly pythonModules?: Readonly<Record<string, string>>;
  /** End of (standard) life; builds need archive mirrors after it. */
  readonly eol?: string;
  /**
   * The release needs tib-dib-compat with a DIB older than `below`: that DIB's own elements
   * assume things the release no longer has.
   */
  readonly dibCompat?: { readonly below: string; readonly why: string };
  /** Lowest/highest DIB that can build it, when not every 3.x can. */
  readonly dib?: { readonly min?: string; readonly maxExclusive?: string; readonly note: string };
  /** Package names for the guest base, per concern. */
  readonly basePackages: {
    readonly dhcp: readonly string[];
    readonly timeSync: readonly string[];
    readonly tools: readonly string[];
  };
  /**
   * What building the agent's virtualenv needs (git/local sources): compilers and headers
   * for wheels pip builds from source, or, offline, the packaging tools pip needs to
   * build the tree without an index.
   */
  readonly agentBuild: { readonly pypi: readonly string[]; readonly offline: readonly string[] };
  /**
   * system.slim: the kernel flavour made for virtual machines, per arch, that replaces the
   * generic one (whose modules for physical hardware are most of a guest's /usr/lib).
   * Absent where tib has not built and booted such an image.
   */
  readonly cloudKernel?: Readonly<Partial<Record<Arch, { readonly package: string; readonly replaces: string }>>>;
}

const DEB_BASE_TOOLS = [
  'sudo',
  'ca-certificates',
  'curl',
  'gnupg',
  'logrotate',
  'rsyslog',
  'cron',
  'acl',
  'iproute2',
  'python3',
  'python3-venv',
];
const RPM_BASE_TOOLS = ['sudo', 'ca-certificates', 'curl', 'gnupg2', 'logrotate', 'rsyslog', 'cronie', 'acl', 'iproute', 'python3'];
const DEB_AGENT_BUILD = {
  pypi: ['build-essential', 'python3-dev', 'libffi-dev', 'libssl-dev', 'git'],
  offline: ['python3-setuptools', 'python3-wheel', 'python3-pip'],
};
const RPM_AGENT_BUILD = {
  pypi: ['gcc', 'python3-devel', 'libffi-devel', 'openssl-devel', 'git'],
  offline: ['python3-setuptools', 'python3-wheel', 'python3-pip'],
};

const debian = (
  release: string,
  version: string,
  python: string,
  systemd: number,
  eol: string,
  psycopg2: string,
  extra: Partial<DistroRelease> = {},
): DistroRelease => ({
  distro: 'debian',
  release,
  family: 'deb',
  dibRelease: release,
  title: `Debian ${version} (${release})`,
  // DIB's debian elements always debootstrap; there is no Debian cloud-image element (docs/facts/dib.md §4).
  osElements: { bootstrap: 'debian-minimal' },
  defaultImageSource: 'bootstrap',
  inits: ['systemd', 'sysvinit'],
  defaultInit: 'systemd',
  arches: ['amd64', 'arm64'],
  mirror: 'http://deb.debian.org/debian',
  securityMirror: 'http://deb.debian.org/debian-security',
  python,
  systemd,
  pythonModules: { psycopg2 },
  eol,
  // debian-minimal in DIB 3.13 installs no DHCP client: the guest would boot offline
  // (docs/facts/distributions.md §6).
  basePackages: { dhcp: ['ifupdown', 'isc-dhcp-client'], timeSync: ['systemd-timesyncd'], tools: DEB_BASE_TOOLS },
  agentBuild: DEB_AGENT_BUILD,
  // Debian's own OpenStack images (genericcloud) boot this kernel: virtio, ext4/xfs,
  // iso9660 config drives and Docker's netfilter/overlay modules, without hardware drivers
  // (docs/facts/distributions.md §2; the arm64 package was not checked, docs/facts/README.md §6).
  cloudKernel: {
    amd64: { package: 'linux-image-cloud-amd64', replaces: 'linux-image-amd64' },
    arm64: { package: 'linux-image-cloud-arm64', replaces: 'linux-image-arm64' },
  },
  ...extra,
});

const ubuntu = (
  release: string,
  version: string,
  python: string,
  systemd: number,
  eol: string,
  extra: Partial<DistroRelease> = {},
): DistroRelease => ({
  distro: 'ubuntu',
  release,
  family: 'deb',
  dibRelease: release,
  title: `Ubuntu ${version} (${release})`,
  osElements: { bootstrap: 'ubuntu-minimal', download: 'ubuntu', cache: 'ubuntu', local: 'ubuntu' },
  defaultImageSource: 'bootstrap',
  cloudImage: {
    baseUrl: `https://cloud-images.ubuntu.com/${release}/current/`,
    files: { amd64: `${release}-server-cloudimg-amd64.squashfs`, arm64: `${release}-server-cloudimg-arm64.squashfs` },
    checksumList: 'SHA256SUMS',
  },
  handoff: 'cloud-images-dir',
  inits: ['systemd'],
  defaultInit: 'systemd',
  arches: ['amd64', 'arm64'],
  mirror: 'http://archive.ubuntu.com/ubuntu',
  python,
  systemd,
  eol,
  basePackages: { dhcp: ['netplan.io', 'isc-dhcp-client'], timeSync: ['chrony'], tools: DEB_BASE_TOOLS },
  agentBuild: DEB_AGENT_BUILD,
  ...extra,
});

export const DISTRO_RELEASES: readonly DistroRelease[] = [
  // trixie: isc-dhcp-client is deprecated there; ifupdown drives dhcpcd (dhcpcd-base). DIB
  // before 3.40 needs tib-dib-compat for it (its base element installs a package trixie no
  // longer has) and bookworm's debootstrap needs the trixie script of 1.0.128+nmu2+deb12u2
  // (docs/facts/distributions.md §2, §5; docs/facts/dib.md §4).
  debian('trixie', '13', '3.13', 257, '2030-06-30', '2.9.10', {
    basePackages: { dhcp: ['ifupdown', 'dhcpcd-base'], timeSync: ['systemd-timesyncd'], tools: DEB_BASE_TOOLS },
    dibCompat: {
      below: '3.40.0',
      why: "DIB's base element installs software-properties-common, which trixie no longer has (DIB 3.40 knows)",
    },
  }),
  debian('bookworm', '12', '3.11', 252, '2028-06-30', '2.9.5'),
  debian('bullseye', '11', '3.9', 247, '2026-08-31', '2.8.6'),
  ubuntu('bionic', '18.04', '3.6', 237, '2023-05-31'),
  ubuntu('focal', '20.04', '3.8', 245, '2025-05-29'),
  ubuntu('jammy', '22.04', '3.10', 249, '2027-06-01'),
  ubuntu('noble', '24.04', '3.12', 255, '2029-05-31'),
  {
    distro: 'centos',
    release: '7',
    family: 'rpm',
    dibRelease: '7',
    title: 'CentOS 7',
    // Only DIB releases before the 2024 removal still carry `centos7` (Debian's 3.13 does;
    // docs/facts/distributions.md §8). Image name and checksum list: docs/facts/README.md §6.
    osElements: { download: 'centos7', cache: 'centos7', local: 'centos7' },
    defaultImageSource: 'download',
    cloudImage: {
      baseUrl: 'https://cloud.centos.org/centos/7/images/',
      files: { amd64: 'CentOS-7-x86_64-GenericCloud-2211.qcow2' },
      checksumList: 'sha256sum.txt',
    },
    handoff: 'local-image',
    inits: ['systemd', 'sysvinit'],
    defaultInit: 'systemd',
    arches: ['amd64'],
    // DIB's centos element rewrites CentOS-Base.repo to <mirror>/$releasever/os/…; the vault
    // keeps the final tree at vault.centos.org/centos/7 (docs/facts/distributions.md §1; the vault layout is
    // listed unverified in docs/facts/README.md §6).
    mirror: 'http://vault.centos.org/centos',
    python: '2.7',
    // 219: no '+' prefix on Exec lines, which systemd 231 introduced (docs/facts/distributions.md §6).
    systemd: 219,
    eol: '2024-06-30',
    // DIB removed centos7 in eb395ec5, first released in 3.34.0 (docs/facts/dib.md §2).
    dib: { maxExclusive: '3.34.0', note: 'centos 7 needs a DIB before 3.34.0, which removed the centos7 element' },
    basePackages: { dhcp: ['dhclient', 'initscripts'], timeSync: ['chrony'], tools: RPM_BASE_TOOLS },
    // CentOS 7's python3 (3.6) has no python3-wheel package in the base repos (UNVERIFIED).
    agentBuild: { pypi: RPM_AGENT_BUILD.pypi, offline: ['python3-setuptools', 'python3-pip'] },
  },
  {
    distro: 'centos',
    release: '9-stream',
    family: 'rpm',
    dibRelease: '9-stream',
    title: 'CentOS Stream 9',
    osElements: { download: 'centos', cache: 'centos', local: 'centos', bootstrap: 'centos-minimal' },
    defaultImageSource: 'download',
    cloudImage: {
      baseUrl: 'https://cloud.centos.org/centos/9-stream/x86_64/images/',
      files: { amd64: 'CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2' },
      checksumList: 'CHECKSUM',
    },
    handoff: 'local-image',
    inits: ['systemd'],
    defaultInit: 'systemd',
    arches: ['amd64', 'arm64'],
    mirror: 'http://mirror.stream.centos.org',
    python: '3.9',
    systemd: 252,
    basePackages: { dhcp: ['NetworkManager'], timeSync: ['chrony'], tools: RPM_BASE_TOOLS },
    agentBuild: RPM_AGENT_BUILD,
  },
  ...(['8', '9'] as const).map((v): DistroRelease => ({
    distro: 'rhel',
    release: v,
    family: 'rpm',
    dibRelease: v,
    title: `Red Hat Enterprise Linux ${v}`,
    // DIB's rhel element needs the KVM guest image from the Customer Portal (DIB_LOCAL_IMAGE).
    osElements: { local: 'rhel' },
    defaultImageSource: 'local',
    handoff: 'local-image',
    inits: ['systemd'],
    defaultInit: 'systemd',
    arches: ['amd64', 'arm64'],
    mirror: 'https://cdn.redhat.com',
    python: v === '8' ? '3.6' : '3.9',
    systemd: v === '8' ? 239 : 252,
    basePackages: { dhcp: ['NetworkManager'], timeSync: ['chrony'], tools: RPM_BASE_TOOLS },
    agentBuild: RPM_AGENT_BUILD,
  })),
];

export const DISTROS: readonly Distro[] = ['ubuntu', 'debian', 'centos', 'rhel', 'fedora'];

/** Why a distro has no releases in this catalog, when it has none. */
export const DISTRO_NOTES: Readonly<Partial<Record<Distro, string>>> = {
  fedora: 'Fedora is optional in recipe v1 and this tib has no Fedora catalog yet (Trove never shipped Fedora guests after 2020)',
};

export function findRelease(distro: string, release: string): DistroRelease | undefined {
  return DISTRO_RELEASES.find((r) => r.distro === distro && r.release === release);
}

export function releasesOf(distro: string): DistroRelease[] {
  return DISTRO_RELEASES.filter((r) => r.distro === distro);
}

/** Key used in the support tables: `debian/bookworm`. */
export function releaseKey(r: { readonly distro: string; readonly release: string }): string {
  return `${r.distro}/${r.release}`;
}
