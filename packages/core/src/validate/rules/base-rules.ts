import { DISTRO_NOTES, releasesOf } from '../../catalog/distros';
import { CATALOG_DATE } from '../../catalog/catalog-date';
import { didYouMean } from '../did-you-mean';
import { familyOf } from '../../facts/recipe-facts';
import { rule } from './rule';

/** base.release must be one the catalog knows for base.distro. */
export const releaseKnown = rule('releaseKnown', ({ recipe, facts, locator }) => {
  if (facts.release) return [];
  const { distro, release } = recipe.base;
  const known = releasesOf(distro).map((r) => r.release);
  if (known.length === 0) {
    return [
      locator.diagnostic(
        'TIB3001',
        ['base', 'distro'],
        `${distro}: ${DISTRO_NOTES[distro as keyof typeof DISTRO_NOTES] ?? 'no releases in the catalog'}`,
      ),
    ];
  }
  return [
    locator.diagnostic(
      'TIB3001',
      ['base', 'release'],
      `${distro} has no release '${release}' in tib's catalog${didYouMean(release, known)}`,
      { hint: `${distro} releases: ${known.join(', ')}` },
    ),
  ];
});

export const archSupported = rule('archSupported', ({ recipe, facts, locator }) => {
  const arch = recipe.base.arch ?? 'amd64';
  if (!facts.release || facts.release.arches.includes(arch)) return [];
  return [
    locator.diagnostic(
      'TIB3029',
      ['base', 'arch'],
      `${facts.release.title} is built for ${facts.release.arches.join(', ')} only, not ${arch}`,
    ),
  ];
});

/** End-of-life releases still build, from archives; say so once. */
export const releaseNotEol = rule('releaseNotEol', ({ facts, locator }) => {
  const eol = facts.release?.eol;
  if (!eol || eol > CATALOG_DATE) return [];
  return [
    locator.diagnostic(
      'TIB3030',
      ['base', 'release'],
      `${facts.release?.title} reached end of life on ${eol}; its packages come from archive mirrors and get no security updates`,
    ),
  ];
});

/** An image built without its security suite is said to be, every time (and where it means nothing). */
export const securityUpdatesOff = rule('securityUpdatesOff', ({ recipe, locator }) => {
  if (recipe.base.securityUpdates !== false) return [];
  const debian = recipe.base.distro === 'debian';
  return [
    locator.diagnostic(
      'TIB3037',
      ['base', 'securityUpdates'],
      debian
        ? "the image is built without Debian's security suite: it gets none of its security updates"
        : `base.securityUpdates applies to debian only; ${recipe.base.distro} images keep their distribution's sources`,
    ),
  ];
});

/** The base image source must be one DIB supports for the release, with the fields it needs. */
export const imageSourceFits = rule('imageSourceFits', ({ recipe, facts, locator }) => {
  const image = recipe.base.image;
  const out = [];
  const source = image?.source ?? facts.release?.defaultImageSource;
  if (facts.release && source && !facts.release.osElements[source]) {
    const allowed = Object.keys(facts.release.osElements);
    const why =
      recipe.base.distro === 'debian'
        ? ' (DIB builds Debian only with debootstrap)'
        : recipe.base.distro === 'rhel'
          ? ' (RHEL needs the KVM guest image downloaded from the Red Hat Customer Portal)'
          : '';
    out.push(
      locator.diagnostic(
        'TIB3021',
        image ? ['base', 'image', 'source'] : ['base'],
        `${facts.release.title} cannot be built from base.image.source: ${source}${why}`,
        { hint: `use one of: ${allowed.join(', ')}` },
      ),
    );
  }
  if (source === 'local' && !image?.path) {
    // A release whose only base is a local file (RHEL) needs it named even when the recipe
    // leaves base.image out: the build would otherwise stop in pre-flight.
    out.push(
      locator.diagnostic(
        'TIB3021',
        image ? ['base', 'image'] : ['base'],
        image
          ? 'base.image.source: local needs base.image.path (and its sha256)'
          : `${facts.release?.title ?? recipe.base.distro} is built from a local base image: base.image needs source: local, path and sha256`,
        { hint: 'image: {source: local, path: images/<the vendor guest image>.qcow2, sha256: <its sha256>}' },
      ),
    );
  }
  if (!image) return out;
  if (image.path !== undefined && image.source !== 'local') {
    out.push(
      locator.diagnostic(
        'TIB3020',
        ['base', 'image', 'path'],
        `base.image.path is only used with source: local (source is ${image.source})`,
        { part: 'key' },
      ),
    );
  }
  if (image.url !== undefined && image.source !== 'download' && image.source !== 'cache') {
    out.push(
      locator.diagnostic(
        'TIB3020',
        ['base', 'image', 'url'],
        `base.image.url is only used with source: download or cache (source is ${image.source})`,
        { part: 'key' },
      ),
    );
  }
  if (image.source === 'bootstrap' && image.sha256 !== undefined) {
    out.push(
      locator.diagnostic(
        'TIB3020',
        ['base', 'image', 'sha256'],
        'base.image.sha256 has nothing to check with source: bootstrap (no image file is used)',
        { part: 'key' },
      ),
    );
  }
  return out;
});

export const initAvailable = rule('initAvailable', ({ recipe, facts, locator }) => {
  const init = recipe.system?.init;
  if (!init || !facts.release || facts.release.inits.includes(init)) return [];
  return [
    locator.diagnostic(
      'TIB3022',
      ['system', 'init'],
      `${facts.release.title} has no ${init}; it supports ${facts.release.inits.join(', ')}`,
    ),
  ];
});

export const selinuxOnRpm = rule('selinuxOnRpm', ({ recipe, locator }) => {
  if (recipe.system?.security?.selinux === undefined || familyOf(recipe.base.distro) === 'rpm') return [];
  return [
    locator.diagnostic(
      'TIB3011',
      ['system', 'security', 'selinux'],
      `SELinux settings apply to rpm distributions; ${recipe.base.distro} uses AppArmor (system.security.apparmor)`,
      { part: 'key' },
    ),
  ];
});

export const apparmorOnDeb = rule('apparmorOnDeb', ({ recipe, locator }) => {
  if (recipe.system?.security?.apparmor === undefined || familyOf(recipe.base.distro) === 'deb') return [];
  return [
    locator.diagnostic(
      'TIB3012',
      ['system', 'security', 'apparmor'],
      `AppArmor settings apply to deb distributions; ${recipe.base.distro} uses SELinux (system.security.selinux)`,
      { part: 'key' },
    ),
  ];
});
