/**
 * Where the controller side of a Trove release can run on a Debian build host, for verify's
 * controller conversation: the Debian release that packages that Trove (its python3-trove,
 * in a chroot when it is not the host's own), or, for a release Debian never packaged, the
 * Debian release whose Python libraries run Trove's own source tree. Facts:
 * docs/facts/distributions.md (python3-trove per release), docs/facts/controller.md.
 */
export interface ControllerSource {
  /** The Trove major release whose controller code this is. */
  readonly major: number;
  readonly version: string;
  /** The Debian release to bootstrap (or the host's own, when it matches). */
  readonly suite: 'bullseye' | 'bookworm' | 'trixie';
  /** Packages to install into it (no recommends). */
  readonly packages: readonly string[];
  /** A Trove source tree at this tag goes on PYTHONPATH (the suite packages no Trove of this release). */
  readonly tree?: { readonly tag: string };
}

/** The database clients the conversation's one real query uses. */
const QUERY_CLIENTS = ['python3-pymysql', 'python3-psycopg2'];

export const CONTROLLER_SOURCES: readonly ControllerSource[] = [
  { major: 18, version: '18.0.0', suite: 'bookworm', packages: ['python3-trove', ...QUERY_CLIENTS] },
  { major: 23, version: '23.0.0', suite: 'trixie', packages: ['python3-trove', ...QUERY_CLIENTS] },
];

export function controllerSource(major: number): ControllerSource | undefined {
  return CONTROLLER_SOURCES.find((c) => c.major === major);
}
