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

/**
 * What Trove 13.0.1's controller code imports, as Debian 11 packages: the guest agent's own
 * modules (its RPC API and templates) plus the controller's. Derived by running the code
 * in a bullseye chroot (docs/facts/controller.md). The security suite's mistralclient is
 * pinned to the main suite's, whose file the archive serves.
 */
const TROVE13_ON_BULLSEYE = [
  'python3',
  'python3-oslo.config',
  'python3-oslo.context',
  'python3-oslo.i18n',
  'python3-oslo.log',
  'python3-oslo.messaging',
  'python3-oslo.middleware',
  'python3-oslo.serialization',
  'python3-oslo.service',
  'python3-oslo.utils',
  'python3-oslo.concurrency',
  'python3-oslo.db',
  'python3-oslo.policy',
  'python3-osprofiler',
  'python3-eventlet',
  'python3-sqlalchemy',
  'python3-migrate',
  'python3-jinja2',
  'python3-netaddr',
  'python3-cryptography',
  'python3-passlib',
  'python3-paste',
  'python3-pastedeploy',
  'python3-routes',
  'python3-webob',
  'python3-xmltodict',
  'python3-iso8601',
  'python3-six',
  'python3-stevedore',
  'python3-pbr',
  'python3-pexpect',
  'python3-redis',
  'python3-jsonschema',
  'python3-lxml',
  'python3-keystoneclient',
  'python3-keystonemiddleware',
  'python3-novaclient',
  'python3-cinderclient',
  'python3-swiftclient',
  'python3-glanceclient',
  'python3-neutronclient',
  'python3-troveclient',
  'python3-mistralclient=1:4.1.1-2',
];

export const CONTROLLER_SOURCES: readonly ControllerSource[] = [
  { major: 13, version: '13.0.1', suite: 'bullseye', packages: [...TROVE13_ON_BULLSEYE, ...QUERY_CLIENTS], tree: { tag: '13.0.1' } },
  { major: 18, version: '18.0.0', suite: 'bookworm', packages: ['python3-trove', ...QUERY_CLIENTS] },
  { major: 23, version: '23.0.0', suite: 'trixie', packages: ['python3-trove', ...QUERY_CLIENTS] },
];

export function controllerSource(major: number): ControllerSource | undefined {
  return CONTROLLER_SOURCES.find((c) => c.major === major);
}
