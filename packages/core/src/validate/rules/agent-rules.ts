import { DISTRO_AGENT_PACKAGES, elMajor, NO_AGENT_PACKAGE_REASON, RDO_BUILDS } from '../../catalog/agents';
import type { Series } from '../../catalog/agents';
import { releaseKey } from '../../catalog/distros';
import { offlineAgentPackages } from '../../catalog/offline-agent';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { rule } from './rule';

type AgentField = 'repo' | 'ref' | 'path' | 'release' | 'requirements';

/** Which guestagent fields each source reads; anything else set is a mistake. */
const FIELDS: Readonly<Record<string, readonly AgentField[]>> = {
  git: ['repo', 'ref', 'release', 'requirements'],
  package: [],
  rdo: ['release'],
  local: ['path', 'release', 'requirements'],
};

export const agentSourceFields = rule('agentSourceFields', ({ recipe, locator }) => {
  const ga = recipe.guestagent;
  const out: Diagnostic[] = [];
  const allowed = FIELDS[ga.source] ?? [];
  for (const field of ['repo', 'ref', 'path', 'release', 'requirements'] as const) {
    if (ga[field] !== undefined && !allowed.includes(field)) {
      const hint =
        ga.source === 'package' && field === 'release'
          ? 'the distribution package fixes the release; remove guestagent.release'
          : undefined;
      out.push(
        locator.diagnostic('TIB3020', ['guestagent', field], `guestagent.${field} is not used with source: ${ga.source}`, {
          part: 'key',
          ...(hint ? { hint } : {}),
        }),
      );
    }
  }
  if (ga.source === 'local' && !ga.path) {
    out.push(
      locator.diagnostic(
        'TIB3007',
        ['guestagent'],
        'guestagent.source: local needs guestagent.path (a trove source tree on the build host)',
        { part: 'key' },
      ),
    );
  }
  if (ga.source === 'rdo' && !ga.release) {
    out.push(
      locator.diagnostic(
        'TIB3007',
        ['guestagent'],
        'guestagent.source: rdo needs guestagent.release: the RDO release to install from (e.g. train, zed)',
        { part: 'key' },
      ),
    );
  }
  return out;
});

/** Local trees and bare commit ids do not say which Trove release they are. */
export const agentReleaseKnown = rule('agentReleaseKnown', ({ recipe, facts, locator }) => {
  const ga = recipe.guestagent;
  if (ga.source === 'local' && !ga.release && ga.path) {
    return [
      locator.diagnostic(
        'TIB3006',
        ['guestagent'],
        'guestagent.release is required with source: local; tib cannot tell which Trove release a source tree is',
        { part: 'key', hint: 'add guestagent.release: <series>, e.g. ussuri or zed' },
      ),
    ];
  }
  if (ga.source === 'git' && !ga.release && !facts.agent) {
    return [
      locator.diagnostic(
        'TIB3006',
        ['guestagent', 'ref'],
        `guestagent.release is required: the git ref '${ga.ref ?? 'master'}' does not name a Trove series (commit ids and custom branches do not)`,
        { hint: 'add guestagent.release: <series> matching the ref' },
      ),
    ];
  }
  if (ga.source === 'git' && ga.release && facts.refSeries && facts.refSeries !== 'master' && facts.refSeries !== ga.release) {
    return [
      locator.diagnostic(
        'TIB3006',
        ['guestagent', 'release'],
        `guestagent.release: ${ga.release} contradicts the git ref '${ga.ref}', which is ${facts.refSeries}`,
      ),
    ];
  }
  return [];
});

export const agentSourceAvailable = rule('agentSourceAvailable', ({ recipe, facts, locator }) => {
  const ga = recipe.guestagent;
  const release = facts.release;
  if (!release) return [];
  const key = releaseKey(release);
  if (ga.source === 'package' && !DISTRO_AGENT_PACKAGES[key]) {
    const reason = NO_AGENT_PACKAGE_REASON[key] ?? `${release.title} has no trove-guestagent package in tib's catalog`;
    return [
      locator.diagnostic('TIB3008', ['guestagent', 'source'], reason, {
        hint: 'use source: git or local (an agent installed into a virtualenv), or rdo on CentOS/RHEL',
      }),
    ];
  }
  if (ga.source === 'rdo') {
    const el = elMajor(release.distro, release.release);
    if (!el) {
      return [
        locator.diagnostic('TIB3008', ['guestagent', 'source'], `RDO packages are built for CentOS and RHEL, not ${release.title}`, {
          hint: release.family === 'deb' ? "use source: package (the distribution's trove-guestagent) or git" : undefined,
        }),
      ];
    }
    if (ga.release && !RDO_BUILDS[el][ga.release as Series]) {
      const built = Object.keys(RDO_BUILDS[el]);
      return [
        locator.diagnostic(
          'TIB3008',
          ['guestagent', 'release'],
          `RDO has no ${ga.release} build of openstack-trove for ${el.toUpperCase()}`,
          { hint: `RDO releases with trove on ${el.toUpperCase()}: ${built.join(', ')}` },
        ),
      ];
    }
  }
  return [];
});

/**
 * The Victoria rule: agents up to Trove 13 drive natively installed databases; from
 * Trove 14 they run the database as a Docker container. An image that mixes the two
 * boots and runs the agent, and still never becomes a working instance.
 */
export const runtimeMatchesAgent = rule('runtimeMatchesAgent', ({ recipe, facts, locator }) => {
  const runtime = recipe.datastore.runtime;
  if (!runtime || !facts.agent || facts.agent.model === runtime) return [];
  const a = facts.agent;
  const why =
    a.model === 'container'
      ? `Trove ${a.major} (${a.series}) runs every datastore as a Docker container (since 14, Victoria); its image needs a Docker engine, not ${recipe.datastore.type} packages`
      : `Trove ${a.major} (${a.series}) drives a natively installed ${recipe.datastore.type}; containers arrived in Trove 14 (Victoria)`;
  return [
    locator.diagnostic(
      'TIB3005',
      ['datastore', 'runtime'],
      `datastore.runtime: ${runtime} contradicts the guest agent: ${why} (${facts.agentVia})`,
      {
        hint: `remove datastore.runtime (it defaults to ${a.model}) or choose an agent release ${runtime === 'native' ? 'up to ussuri' : 'from victoria on'}`,
      },
    ),
  ];
});

/** A git/local agent on a distro release Trove's CI never used is allowed, with a warning. */
export const agentDistroTested = rule('agentDistroTested', ({ recipe, facts, locator }) => {
  const { agent, release } = facts;
  if (!agent || !release) return [];
  if (recipe.guestagent.source !== 'git' && recipe.guestagent.source !== 'local') return [];
  if (agent.testedOn.includes(releaseKey(release))) return [];
  return [
    locator.diagnostic(
      'TIB3009',
      ['base', 'release'],
      `Trove ${agent.major} (${agent.series}) was tested on ${agent.testedOn.join(', ')}, not ${releaseKey(release)}; the agent may still work`,
    ),
  ];
});

/**
 * `requirements.index: none` installs the agent's tree without its dependencies: they must
 * be the release's packages, which tib knows only for some agent releases.
 */
export const offlineAgentDependencies = rule('offlineAgentDependencies', ({ recipe, facts, locator }) => {
  const { agent, release } = facts;
  if (recipe.guestagent.requirements?.index !== 'none' || !agent || !release) return [];
  if (offlineAgentPackages(releaseKey(release), agent.major)) return [];
  return [
    locator.diagnostic(
      'TIB3036',
      ['guestagent', 'requirements', 'index'],
      `tib knows no list of ${release.title}'s packages that the Trove ${agent.major} (${agent.series}) agent needs: offline, the image gets the agent's tree and its datastore drivers only`,
      { hint: "add the agent's Python dependencies as system.packages, or install from an index" },
    ),
  ];
});
