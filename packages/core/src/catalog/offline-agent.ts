/**
 * With `requirements.index: none` nothing comes from a package index: the agent's tree is
 * installed without its dependencies into a virtualenv that sees the system's Python, so
 * the distribution must provide them. Per distribution release and Trove major, the
 * packages measured to import and run that agent (docs/facts/guest-agent-contract.md §2.8).
 * The datastore drivers (datastores.ts pythonDrivers) and the programs the agent runs
 * (agent-runtime.ts: sudo, rsync, procps) are added separately.
 */
const BULLSEYE_TROVE_13 = [
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
  'python3-osprofiler',
  'python3-eventlet',
  'python3-sqlalchemy',
  'python3-pymysql',
  'python3-psycopg2',
  'python3-redis',
  'python3-pexpect',
  'python3-jinja2',
  'python3-netaddr',
  'python3-cryptography',
  'python3-passlib',
  'python3-paste',
  'python3-webob',
  'python3-xmltodict',
  'python3-iso8601',
  'python3-six',
  'python3-stevedore',
  'python3-pbr',
  'python3-keystoneclient',
  'python3-novaclient',
  'python3-cinderclient',
  'python3-swiftclient',
  'python3-glanceclient',
  'python3-neutronclient',
] as const;

export const OFFLINE_AGENT_PACKAGES: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  'debian/bullseye': { 13: BULLSEYE_TROVE_13 },
};

/** The distribution packages an offline agent of this major needs on this release, when known. */
export function offlineAgentPackages(releaseKey: string, major: number): readonly string[] | undefined {
  return OFFLINE_AGENT_PACKAGES[releaseKey]?.[major];
}
