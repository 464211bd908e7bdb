import type { Diagnostic, Plan, Requirement } from '@tib/core';
import type { RunPaths } from './run-paths';
import { inputPath } from './run-paths';
import type { DibInfo } from './dib-info';
import { compareVersions, elementSearchDirs, findDib, locatePlanElements } from './dib-info';
import type { BuildHost } from './host';
import { loopDevices, partitionMapping, privileges, writableDirectory } from './host-checks';

export interface PreflightResult {
  readonly diagnostics: Diagnostic[];
  readonly dib?: DibInfo;
  /** Where each DIB/recipe element of the plan was found (tib's own come from the plan). */
  readonly elementPaths: ReadonlyMap<string, string>;
}

const GiB = 1024 ** 3;
/** Where debootstrap keeps its script per suite. */
const DEBOOTSTRAP_SCRIPTS = '/usr/share/debootstrap/scripts';

type Problem = Omit<Diagnostic, 'file'>;
type RequirementKind = Requirement['kind'];
type Req<K extends RequirementKind> = Extract<Requirement, { kind: K }>;

/** What a check knows: the plan, this host, the run's paths, and DIB once found. */
interface CheckContext {
  readonly plan: Plan;
  readonly host: BuildHost;
  readonly paths: RunPaths;
  readonly dib: DibInfo | undefined;
  /** The plan's DIB/recipe elements located once, for the element checks and the manifest. */
  readonly elements: {
    readonly found: ReadonlyMap<string, string>;
    readonly missing: ReadonlySet<string>;
    readonly dirs: readonly string[];
  };
}

const error = (code: Diagnostic['code'], message: string): Problem => ({ code, severity: 'error', message });

/**
 * One check per requirement kind the plan can list: pre-flight is the plan's own list of
 * requirements, probed on this host (as verify's checks follow the plan's expectations).
 */
const CHECKS: { readonly [K in RequirementKind]: (req: Req<K>, ctx: CheckContext) => Problem[] } = {
  root: (_req, { host }) => {
    const p = privileges(host);
    return p.ok ? [] : [error('TIB5001', p.detail)];
  },
  dib: (req, { dib }) => {
    if (!dib) {
      return [
        error(
          'TIB5002',
          'disk-image-create not found on PATH: install diskimage-builder (Debian/Ubuntu: apt-get install python3-diskimage-builder; elsewhere: pip install diskimage-builder)',
        ),
      ];
    }
    if (dib.version === 'unknown')
      return [error('TIB5003', `${dib.command} --version did not answer with a version; is diskimage-builder installed correctly?`)];
    const out: Problem[] = [];
    if (req.min && compareVersions(dib.version, req.min) < 0)
      out.push(error('TIB5003', `diskimage-builder ${dib.version} is too old: tib needs ${req.min} or newer`));
    if (req.maxExclusive && compareVersions(dib.version, req.maxExclusive) >= 0) {
      out.push(
        error(
          'TIB5003',
          `${req.why ?? 'this recipe needs an older DIB'} (found diskimage-builder ${dib.version}; needs < ${req.maxExclusive})`,
        ),
      );
    }
    return out;
  },
  element: (req, { plan, dib, elements }) => {
    if (req.origin === 'tib') {
      return plan.missingElements.includes(req.name)
        ? [error('TIB5004', `element ${req.name} is needed but this tib version does not ship it yet`)]
        : [];
    }
    // Without DIB there is nothing to look in; the dib check has said so.
    if (!dib || !elements.missing.has(req.name)) return [];
    const element = plan.dib.elements.find((e) => e.name === req.name);
    const os = req.origin === 'dib' && req.name === plan.dib.elements[0]?.name;
    return [
      os
        ? error('TIB5005', `diskimage-builder ${dib.version} has no ${req.name} element, so it cannot build ${plan.target.title}`)
        : error(
            'TIB5004',
            `element ${req.name} not found in ${elements.dirs.join(', ') || 'any element directory'} (${element?.reason ?? ''})`,
          ),
    ];
  },
  command: (req, { host }) =>
    host.which(req.name) ? [] : [error('TIB5010', `${req.name} not found (${req.why}): install ${req.package}`)],
  // Secrets are read (and their problems reported) once, by the run's secret resolution.
  secret: () => [],
  disk: (req, { host, paths }) => {
    const out: Problem[] = [];
    for (const [what, dir] of [
      ['output directory', paths.outputDir],
      ['temporary directory', host.env['TMPDIR'] || '/tmp'],
    ] as const) {
      const free = host.freeBytes(dir);
      if (free !== undefined && free < req.gib * GiB) {
        out.push(error('TIB5006', `${what} ${dir} has ${(free / GiB).toFixed(1)} GiB free; this build needs about ${req.gib} GiB`));
      }
    }
    return out;
  },
  memory: (req, { host }) => {
    const mem = host.memAvailableBytes();
    if (mem === undefined || mem >= req.gib * GiB) return [];
    return [
      {
        code: 'TIB5007',
        severity: 'warning',
        message: `${(mem / GiB).toFixed(1)} GiB of memory available: DIB builds in tmpfs only with at least twice its 2 GiB minimum, so it will build on disk (slower)`,
      },
    ];
  },
  'loop-devices': (_req, { host }) => {
    const loop = loopDevices(host);
    return loop.ok ? [] : [error('TIB5008', loop.detail)];
  },
  'partition-mapping': (_req, { host }) => {
    const mapping = partitionMapping(host);
    return mapping.ok ? [] : [error('TIB5009', mapping.detail)];
  },
  input: (req, { plan, host, paths }) => {
    const input = plan.inputs.find((i) => i.id === req.id);
    if (!input) return [];
    const file = inputPath(paths, input);
    const ok = input.kind === 'directory' ? host.isDirectory(file) : host.exists(file);
    return ok
      ? []
      : [error('TIB5011', `${input.role} ${file} does not exist${input.kind === 'directory' ? ' (or is not a directory)' : ''}`)];
  },
  'debootstrap-suite': (req, { host }) =>
    host.which('debootstrap') === undefined || host.exists(`${DEBOOTSTRAP_SCRIPTS}/${req.suite}`)
      ? []
      : [error('TIB5010', `${DEBOOTSTRAP_SCRIPTS}/${req.suite} not found: ${req.why}`)],
  'output-directory': (_req, { host, paths }) => {
    const writable = writableDirectory(host, paths.outputDir);
    return writable.ok ? [] : [error('TIB5017', `output directory ${paths.outputDir} cannot be written: ${writable.detail}`)];
  },
};

function check<K extends RequirementKind>(req: Req<K>, ctx: CheckContext): Problem[] {
  return (CHECKS[req.kind] as (r: Req<K>, c: CheckContext) => Problem[])(req, ctx);
}

/**
 * Everything that can be known about the host before a build writes anything: each of
 * the plan's requirements, probed. All problems are collected (exit 3 lists them at
 * once); nothing here changes the host.
 */
export function preflight(plan: Plan, host: BuildHost, paths: RunPaths): PreflightResult {
  const dib = plan.preflight.some((r) => r.kind === 'dib') ? findDib(host) : undefined;
  const dirs = elementSearchDirs(plan, paths, dib);
  const located = dib ? locatePlanElements(plan, dirs, host) : { found: new Map<string, string>(), missing: [] };
  const ctx: CheckContext = {
    plan,
    host,
    paths,
    dib,
    elements: { found: located.found, missing: new Set(located.missing.map((e) => e.name)), dirs },
  };
  const problems = plan.preflight.flatMap((req) => check(req, ctx));
  return { diagnostics: problems.map((d) => ({ ...d, file: plan.recipe.path })), ...(dib ? { dib } : {}), elementPaths: located.found };
}
