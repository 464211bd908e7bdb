import type { Diagnostic, Plan } from '@tib/core';
import type { RunPaths } from './context';
import { inputPath } from './context';
import type { DibInfo } from './dib-info';
import { compareVersions, elementSearchDirs, findDib, locatePlanElements } from './dib-info';
import type { BuildHost } from './host';
import { partitionMapping, writableDirectory } from './host-checks';

export interface PreflightResult {
  readonly diagnostics: Diagnostic[];
  readonly dib?: DibInfo;
  /** Where each DIB/recipe element of the plan was found (tib's own come from the plan). */
  readonly elementPaths: ReadonlyMap<string, string>;
}

const GiB = 1024 ** 3;

/**
 * Everything that can be known about the host before a build writes anything. All
 * problems are collected (exit 3 lists them at once); nothing here changes the host.
 */
export function preflight(plan: Plan, host: BuildHost, paths: RunPaths): PreflightResult {
  const out: Diagnostic[] = [];
  const problem = (code: Diagnostic['code'], message: string, severity: 'error' | 'warning' = 'error') =>
    out.push({ code, severity, message });

  if (host.uid() !== 0 && host.exec('sudo', ['-n', 'true'], 5000).status !== 0) {
    problem('TIB5001', 'DIB needs root: run tib as root, or give this user passwordless sudo (DIB calls sudo throughout the build)');
  }

  const dib = findDib(host);
  let elementPaths: ReadonlyMap<string, string> = new Map();
  if (!dib) {
    problem(
      'TIB5002',
      'disk-image-create not found on PATH: install diskimage-builder (Debian/Ubuntu: apt-get install python3-diskimage-builder; elsewhere: pip install diskimage-builder)',
    );
  } else {
    if (dib.version === 'unknown')
      problem('TIB5003', `${dib.command} --version did not answer with a version; is diskimage-builder installed correctly?`);
    for (const req of plan.preflight) {
      if (req.kind !== 'dib' || dib.version === 'unknown') continue;
      if (req.min && compareVersions(dib.version, req.min) < 0)
        problem('TIB5003', `diskimage-builder ${dib.version} is too old: tib needs ${req.min} or newer`);
      if (req.maxExclusive && compareVersions(dib.version, req.maxExclusive) >= 0) {
        problem(
          'TIB5003',
          `${req.why ?? 'this recipe needs an older DIB'} (found diskimage-builder ${dib.version}; needs < ${req.maxExclusive})`,
        );
      }
    }
    const dirs = elementSearchDirs(plan, paths, dib);
    const located = locatePlanElements(plan, dirs, host);
    elementPaths = located.found;
    for (const e of located.missing) {
      const os = e.origin === 'dib' && e.name === plan.dib.elements[0]?.name;
      problem(
        os ? 'TIB5005' : 'TIB5004',
        os
          ? `diskimage-builder ${dib.version} has no ${e.name} element, so it cannot build ${plan.target.title}`
          : `element ${e.name} not found in ${dirs.join(', ') || 'any element directory'} (${e.reason})`,
      );
    }
  }
  for (const name of plan.missingElements) {
    problem('TIB5004', `element ${name} is needed but this tib version does not ship it yet`);
  }

  for (const req of plan.preflight) {
    if (req.kind === 'command' && !host.which(req.name)) problem('TIB5010', `${req.name} not found (${req.why}): install ${req.package}`);
  }
  if (!host.exists('/dev/loop-control') || host.exec('losetup', ['--find'], 5000).status !== 0) {
    problem(
      'TIB5008',
      'loop devices are not usable (no /dev/loop-control, or `losetup --find` fails): DIB writes the disk through a loop device; containers need --privileged or loop devices passed in',
    );
  }
  const mapping = partitionMapping(host);
  if (!mapping.ok) problem('TIB5009', mapping.detail);

  for (const input of plan.inputs) {
    const file = inputPath(paths, input);
    if (input.kind === 'directory' ? !host.isDirectory(file) : !host.exists(file)) {
      problem('TIB5011', `${input.role} ${file} does not exist${input.kind === 'directory' ? ' (or is not a directory)' : ''}`);
    }
  }

  const writable = writableDirectory(host, paths.outputDir);
  if (!writable.ok) problem('TIB5017', `output directory ${paths.outputDir} cannot be written: ${writable.detail}`);

  const disk = plan.preflight.find((r) => r.kind === 'disk');
  if (disk && disk.kind === 'disk') {
    for (const [what, dir] of [
      ['output directory', paths.outputDir],
      ['temporary directory', host.env['TMPDIR'] || '/tmp'],
    ] as const) {
      const free = host.freeBytes(dir);
      if (free !== undefined && free < disk.gib * GiB) {
        problem('TIB5006', `${what} ${dir} has ${(free / GiB).toFixed(1)} GiB free; this build needs about ${disk.gib} GiB`);
      }
    }
  }
  const mem = host.memAvailableBytes();
  if (mem !== undefined && mem < 4 * GiB) {
    problem(
      'TIB5007',
      `${(mem / GiB).toFixed(1)} GiB of memory available: DIB builds in tmpfs only with at least twice its 2 GiB minimum, so it will build on disk (slower)`,
      'warning',
    );
  }
  return { diagnostics: out.map((d) => ({ ...d, file: plan.recipe.path })), ...(dib ? { dib } : {}), elementPaths };
}
