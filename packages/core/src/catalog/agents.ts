/**
 * Trove releases and where a guest agent of each comes from. Facts:
 * docs/facts/trove-releases.md §1 (versions, release ids, Python, CI guest OS), §2 (guest
 * model), §3 (config injection and its owner), §8 (git refs); docs/facts/distributions.md
 * §3, §7 (distribution packages); docs/facts/vendors.md §10 (RDO).
 */
export type GuestModel = 'native' | 'container';
export type Series =
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

export interface TroveRelease {
  readonly series: Series;
  /** OpenStack's release id (2023.1 …) from antelope on; branches, end tags and constraints use it. */
  readonly releaseId?: string;
  /** Major Trove version: 6 (Newton) … 25 (Gazpacho); hibiscus is in development. */
  readonly major: number;
  readonly version: string;
  readonly model: GuestModel;
  /** Oldest Python the agent runs on (setup.cfg python_requires / classifiers; docs/facts/trove-releases.md §1.1). */
  readonly minPython: string;
  /** Default guest OS of devstack/trovestack in that release: what Trove's CI tested (docs/facts/trove-releases.md §1.2). */
  readonly testedOn: readonly string[];
  /** How the controller injects config files into the guest. */
  readonly injection: 'nova-files' | 'cloud-init-write-files';
  /** Controller defaults for the injected files' owner/group; undefined when not configurable. */
  readonly injectedConfigOwner?: { readonly owner: string; readonly group: string };
}

const r = (series: Series, major: number, version: string, testedOn: readonly string[], minPython: string): TroveRelease => ({
  series,
  ...(RELEASE_IDS[series] ? { releaseId: RELEASE_IDS[series] } : {}),
  major,
  version,
  testedOn,
  minPython,
  model: major >= 14 ? 'container' : 'native',
  // 17.0.0 (Yoga) moved injection to cloud-init write_files (commit 99df090a); 18.0.0 made
  // the owner/group configurable with defaults ubuntu/root (in 17 it was trove:trove)
  // (docs/facts/trove-releases.md §3.2, §3.3). Containers from 14.0.0 (§2).
  injection: major >= 17 ? 'cloud-init-write-files' : 'nova-files',
  ...(major >= 18
    ? { injectedConfigOwner: { owner: 'ubuntu', group: 'root' } }
    : major === 17
      ? { injectedConfigOwner: { owner: 'trove', group: 'trove' } }
      : {}),
});

/** openstack/releases data/series_status.yaml (docs/facts/trove-releases.md §1): zed and older have none. */
const RELEASE_IDS: Readonly<Partial<Record<Series, string>>> = {
  antelope: '2023.1',
  bobcat: '2023.2',
  caracal: '2024.1',
  dalmatian: '2024.2',
  epoxy: '2025.1',
  flamingo: '2025.2',
  gazpacho: '2026.1',
  hibiscus: '2026.2',
};

// testedOn: devstack's TROVE_IMAGE_OS_RELEASE default at each tag from 12.1.0 on; before,
// trovestack used the build host's release and no upstream file names one (the values up
// to stein are unverified, docs/facts/README.md §6).
export const TROVE_RELEASES: readonly TroveRelease[] = [
  r('newton', 6, '6.0.0', ['ubuntu/trusty', 'ubuntu/xenial'], '2.7'),
  r('ocata', 7, '7.0.0', ['ubuntu/trusty', 'ubuntu/xenial'], '2.7'),
  r('pike', 8, '8.0.1', ['ubuntu/trusty', 'ubuntu/xenial'], '2.7'),
  r('queens', 9, '9.0.0', ['ubuntu/xenial', 'ubuntu/bionic'], '2.7'),
  r('rocky', 10, '10.0.0', ['ubuntu/xenial', 'ubuntu/bionic'], '2.7'),
  r('stein', 11, '11.0.0', ['ubuntu/xenial', 'ubuntu/bionic'], '2.7'),
  r('train', 12, '12.1.0', ['ubuntu/xenial'], '2.7'),
  r('ussuri', 13, '13.0.1', ['ubuntu/xenial'], '3.6'),
  r('victoria', 14, '14.1.0', ['ubuntu/bionic'], '3.6'),
  r('wallaby', 15, '15.0.0', ['ubuntu/bionic'], '3.6'),
  r('xena', 16, '16.0.1', ['ubuntu/bionic'], '3.6'),
  r('yoga', 17, '17.0.1', ['ubuntu/bionic'], '3.6'),
  r('zed', 18, '18.0.1', ['ubuntu/focal'], '3.8'),
  r('antelope', 19, '19.0.1', ['ubuntu/focal'], '3.8'),
  r('bobcat', 20, '20.0.0', ['ubuntu/jammy'], '3.8'),
  r('caracal', 21, '21.1.0', ['ubuntu/jammy'], '3.8'),
  r('dalmatian', 22, '22.0.1', ['ubuntu/jammy'], '3.8'),
  r('epoxy', 23, '23.1.0', ['ubuntu/jammy'], '3.9'),
  r('flamingo', 24, '24.0.0', ['ubuntu/noble'], '3.10'),
  r('gazpacho', 25, '25.0.0', ['ubuntu/noble'], '3.10'),
  r('hibiscus', 26, 'master', ['ubuntu/noble'], '3.10'),
];

export const NEWEST_SERIES: Series = 'hibiscus';

export function troveRelease(series: string): TroveRelease | undefined {
  return TROVE_RELEASES.find((t) => t.series === series);
}

/** A distribution's own `trove-guestagent` package. */
export interface DistroAgentPackage {
  readonly package: string;
  readonly version: string;
  readonly series: Series;
  /** The systemd unit the package ships, and the account it runs the agent as. */
  readonly unit: string;
  readonly user: string;
  readonly binary: string;
}

/**
 * `source: package`: what each distribution release ships. Releases absent here have no
 * agent package (Debian bullseye skipped Trove 14 entirely; Ubuntu noble has none).
 * Debian: docs/facts/distributions.md §3 (read from the packages); Ubuntu: docs/facts/distributions.md §7 (from
 * packaging changelogs; the Ubuntu archive itself was not reachable, docs/facts/README.md §6).
 */
export const DISTRO_AGENT_PACKAGES: Readonly<Record<string, DistroAgentPackage>> = {
  'debian/trixie': {
    package: 'trove-guestagent',
    version: '1:23.0.0-2',
    series: 'epoxy',
    unit: 'trove-guestagent',
    user: 'trove',
    binary: '/usr/bin/trove-guestagent',
  },
  'debian/bookworm': {
    package: 'trove-guestagent',
    version: '1:18.0.0-2',
    series: 'zed',
    unit: 'trove-guestagent',
    user: 'trove',
    binary: '/usr/bin/trove-guestagent',
  },
  'ubuntu/bionic': {
    package: 'trove-guestagent',
    version: '1:9.0.0-0ubuntu1',
    series: 'queens',
    unit: 'trove-guestagent',
    user: 'trove',
    binary: '/usr/bin/trove-guestagent',
  },
  'ubuntu/focal': {
    package: 'trove-guestagent',
    version: '1:13.0.0-0ubuntu0.20.04.1',
    series: 'ussuri',
    unit: 'trove-guestagent',
    user: 'trove',
    binary: '/usr/bin/trove-guestagent',
  },
  'ubuntu/jammy': {
    package: 'trove-guestagent',
    version: '2:17.0.0-0ubuntu1.1',
    series: 'yoga',
    unit: 'trove-guestagent',
    user: 'trove',
    binary: '/usr/bin/trove-guestagent',
  },
};

export const NO_AGENT_PACKAGE_REASON: Readonly<Record<string, string>> = {
  'debian/bullseye':
    'Debian bullseye has no trove-guestagent (Debian went from 13.0.0 straight to 15.0.0 in experimental, after bullseye froze)',
  'ubuntu/noble': 'Ubuntu noble does not package trove-guestagent (the last Ubuntu upload is 2:20.0.0 in mantic)',
};

/**
 * `source: rdo`: RDO releases with an openstack-trove build, per EL major. CentOS 7's
 * last RDO release is Train; EL9 starts at Yoga. Versions are rdoinfo's -release tags
 * (docs/facts/vendors.md §10.1; dalmatian/epoxy builds are unverified, docs/facts/README.md §6).
 */
export const RDO_BUILDS: Readonly<Record<'el7' | 'el8' | 'el9', Readonly<Partial<Record<Series, string>>>>> = {
  el7: { newton: '6.0.0', ocata: '7.0.0', pike: '8.0.1', queens: '9.0.0', rocky: '10.0.0', stein: '11.0.0', train: '12.1.0' },
  el8: { train: '12.1.0', ussuri: '13.0.1', victoria: '14.1.0', wallaby: '15.0.0', xena: '16.0.1', yoga: '17.0.1' },
  el9: { yoga: '17.0.1', zed: '18.0.1', antelope: '19.0.1', bobcat: '20.0.0', caracal: '21.0.1', dalmatian: '22.0.0', epoxy: '23.0.0' },
};

/** The RDO package's unit and user (rdo-packages/trove-distgit; docs/facts/vendors.md §10.3). */
export const RDO_AGENT = {
  package: 'openstack-trove-guestagent',
  unit: 'openstack-trove-guestagent',
  user: 'trove',
  binary: '/usr/bin/trove-guestagent',
} as const;

/** RDO's signing key (CentOS Cloud SIG), checked when the release package is installed (docs/facts/vendors.md §10.2). */
export const RDO_SIGNING_KEY_FINGERPRINT = '736AF5116D9C40E2AF6B074BF9B9FEE7764429E6';

/** Where openstack/trove is cloned from (docs/facts/trove-releases.md §8). */
export const DEFAULT_GIT_REPO = 'https://opendev.org/openstack/trove';

/**
 * Series named by a git ref of openstack/trove (docs/facts/trove-releases.md §8): a branch
 * stable/<name> or unmaintained/<name>, an end tag <name>-eol, -em or -eom, or a release
 * tag. <name> is the codename up to zed and the release id (2023.1 …) from antelope on.
 */
export function seriesFromRef(ref: string): Series | 'master' | undefined {
  if (ref === 'master' || ref === 'main') return 'master';
  const named = /^(?:stable|unmaintained)\/([a-z]+|\d{4}\.\d)$/.exec(ref) ?? /^([a-z]+|\d{4}\.\d)-(?:eol|em|eom)$/.exec(ref);
  if (named?.[1]) {
    const name = named[1];
    return TROVE_RELEASES.find((t) => t.series === name || t.releaseId === name)?.series;
  }
  const tag = /^(\d+)\.\d+\.\d+(?:\.0[a-z]+\d+)?$/.exec(ref);
  if (tag?.[1]) {
    const major = Number(tag[1]);
    return TROVE_RELEASES.find((t) => t.major === major)?.series;
  }
  return undefined;
}

/** EL major of a distro release, for RDO lookups. */
export function elMajor(distro: string, release: string): 'el7' | 'el8' | 'el9' | undefined {
  if (distro === 'centos' && release === '7') return 'el7';
  if (distro === 'centos' && release === '9-stream') return 'el9';
  if (distro === 'rhel' && release === '8') return 'el8';
  if (distro === 'rhel' && release === '9') return 'el9';
  return undefined;
}

/**
 * How an RDO release reaches an image (docs/facts/vendors.md §10.2). On CentOS the RDO release package is
 * centos-release-openstack-<series> from CentOS Extras (it installs the Cloud SIG repo
 * files and key). CentOS 7's mirrors are gone since its end of life: the repo files are
 * pointed at the vault. RHEL has no Extras: tib writes the Cloud SIG repository that
 * rdo-release would configure, with the key pinned by fingerprint.
 */
export type RdoEnablement =
  | { readonly kind: 'release-package'; readonly package: string; readonly vault?: string }
  | { readonly kind: 'repository'; readonly base: string };

export function rdoEnablement(distro: string, release: string, series: Series): RdoEnablement | undefined {
  if (distro === 'centos' && release === '7')
    return { kind: 'release-package', package: `centos-release-openstack-${series}`, vault: 'http://vault.centos.org/centos' };
  if (distro === 'centos') return { kind: 'release-package', package: `centos-release-openstack-${series}` };
  // CentOS Stream 8 (RDO's el8 builds) is archived; its vault path is UNVERIFIED.
  if (distro === 'rhel' && release === '8') return { kind: 'repository', base: 'https://vault.centos.org/8-stream/cloud/$basearch' };
  if (distro === 'rhel' && release === '9')
    return { kind: 'repository', base: 'http://mirror.stream.centos.org/SIGs/9-stream/cloud/$basearch' };
  return undefined;
}
