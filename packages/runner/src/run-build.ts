import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Plan } from '@tib/core';
import { acquireBaseImage, BaseImageError } from './base-image';
import type { BaseImage } from './base-image';
import { runPaths } from './run-paths';
import type { RunPaths } from './run-paths';
import { dibArgv, dibProcessEnvironment, resolveDibEnvironment } from './dib-environment';
import type { BuildHost } from './host';
import { checkInputs } from './inputs';
import { BuildLock } from './lock';
import type { Manifest } from './manifest';
import { fingerprint, hostFacts, manifestPath, MANIFEST_VERSION, readManifest, writeManifest } from './manifest';
import { materialize } from './materialize';
import { existingOutputs, installOutputs, lockFile, partialDir } from './output';
import { preflight } from './preflight';
import { Redactor } from './redact';
import { Reporter } from './reporter';
import type { JsonEvents } from './reporter';
import { resolveSecrets } from './secrets';
import { spawnDib } from './spawn-dib';
import { dibVersionFor, elementSearchDirs } from './dib-info';
import { LAYER_ROOT_ELEMENT } from '@tib/core';
import { carryLayerElements, layerRecord } from './layers/carry';

export interface RunOptions {
  readonly plan: Plan;
  /** The merged recipe, for the manifest (secret fields are references only). */
  readonly recipeValue: unknown;
  readonly host: BuildHost;
  readonly cwd: string;
  readonly tibVersion: string;
  readonly out?: string;
  readonly force: boolean;
  readonly offline: boolean;
  readonly dryRun: boolean;
  readonly logFile?: string;
  readonly keepWorkdir: boolean;
  readonly stderr: NodeJS.WritableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly tty: boolean;
  /** Build the image from a shared layer: DIB runs the leaf's plan on top of the layer's file system. */
  readonly fromLayer?: LayerUse;
  /** Where progress goes (tib run of several recipes); by default a reporter of the run's own on stderr. */
  readonly reporter?: RunReporter;
  /** `tib run --json`: the build's events also go here, as JSON Lines. */
  readonly events?: JsonEvents;
}

/** The leaf plan of `plan` (compileLayered) and the layer it starts from, as built. */
export interface LayerUse {
  readonly leaf: Plan;
  /** The layer's raw file system image. */
  readonly image: string;
  /** The layer build's manifest (absent in a dry run, where nothing was built). */
  readonly manifest?: Manifest;
}

export type RunReporter = Pick<Reporter, 'info' | 'event' | 'tick' | 'clearLive'>;

export type RunOutcome =
  | { readonly kind: 'built'; readonly manifest: Manifest; readonly manifestFile: string; readonly paths: RunPaths }
  | { readonly kind: 'up-to-date'; readonly manifest: Manifest; readonly manifestFile: string; readonly paths: RunPaths }
  /** wouldStop: why the build would stop (pre-flight, an existing image without --force). */
  | { readonly kind: 'dry-run'; readonly wouldStop?: RefusalReason }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly diagnostics: Diagnostic[]; readonly logFile?: string };

/**
 * Why a run built nothing: the host failed pre-flight (or an input or the base image did),
 * an image is already there, DIB failed, or the run was interrupted. The CLI turns these
 * into its exit codes.
 */
export type RefusalReason = 'preflight' | 'output-exists' | 'dib-failed' | 'interrupted';

/**
 * `tib run`: pre-flight → up-to-date check → lock → base image → element tree → DIB →
 * outputs moved into place → manifest. The same plan the compiled script runs.
 */
export async function runBuild(o: RunOptions): Promise<RunOutcome> {
  const { plan, host } = o;
  const paths = runPaths(plan, o.cwd, host.env, o.out);
  const manifestFile = manifestPath(paths.outputDir, plan.image.name);
  const previous = readManifest(manifestFile);
  const secrets = resolveSecrets(plan, host, paths.recipeDir);
  const redactor = new Redactor([...secrets.values.values()]);

  if (!o.force && !o.dryRun) {
    const current = await upToDate(o);
    if (current) return current;
  }
  // A layered build runs the leaf's plan; the image, its fingerprint and manifest are the plan's.
  const exec = o.fromLayer?.leaf ?? plan;

  const pre = preflight(exec, host, paths);
  const problems: Diagnostic[] = [...pre.diagnostics, ...secrets.diagnostics];
  const existing = existingOutputs(plan, paths.outputDir);

  if (o.dryRun) {
    printDryRun(o, exec, paths, secrets.values, problems, existing);
    const wouldStop: RefusalReason | undefined = problems.some((d) => d.severity === 'error')
      ? 'preflight'
      : existing.length > 0 && !o.force
        ? 'output-exists'
        : undefined;
    return { kind: 'dry-run', ...(wouldStop ? { wouldStop } : {}) };
  }
  if (problems.some((d) => d.severity === 'error')) return { kind: 'refused', reason: 'preflight', diagnostics: problems };
  if (existing.length > 0 && !o.force) {
    return {
      kind: 'refused',
      reason: 'output-exists',
      diagnostics: [
        {
          code: 'TIB5016',
          severity: 'error',
          file: plan.recipe.path,
          message: `${existing.join(', ')} exists; pass --force to replace it (the old image is kept until the new one is complete)`,
        },
      ],
    };
  }
  try {
    fs.mkdirSync(paths.outputDir, { recursive: true });
    fs.accessSync(paths.outputDir, fs.constants.W_OK);
  } catch (err) {
    return {
      kind: 'refused',
      reason: 'preflight',
      diagnostics: [
        {
          code: 'TIB5017',
          severity: 'error',
          file: plan.recipe.path,
          message: `output directory ${paths.outputDir} cannot be created or written: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
    };
  }

  const lock = await BuildLock.acquire(lockFile(paths.outputDir, plan.image.name));
  if (!lock)
    return {
      kind: 'refused',
      reason: 'preflight',
      diagnostics: [
        {
          code: 'TIB5018',
          severity: 'error',
          file: plan.recipe.path,
          message: `another build into ${path.join(paths.outputDir, plan.image.name)} is running (lock ${lockFile(paths.outputDir, plan.image.name)})`,
        },
      ],
    };

  const reporter = o.reporter ?? new Reporter(o.stderr, o.tty, previous?.timings.totalSeconds, o.events);
  const dibCache = host.env['DIB_IMAGE_CACHE'] || path.join(host.env['HOME'] || os.homedir(), '.cache', 'image-create');
  fs.mkdirSync(dibCache, { recursive: true });
  // A build beside others of the same tib run has DIB's apt cache turned off
  // (DIB_APT_LOCAL_CACHE=0, layers/run-matrix.ts) and needs no turn; any other waits.
  const cacheLock =
    host.env['DIB_APT_LOCAL_CACHE'] === '0'
      ? undefined
      : await BuildLock.wait(path.join(dibCache, '.tib-dib.lock'), () =>
          reporter.info(`waiting for another build that uses DIB's cache ${dibCache} (DIB does not share it safely)`),
        );
  const partial = partialDir(paths.outputDir, plan.image.name);
  const workDir = fs.mkdtempSync(path.join(host.env['TMPDIR'] || os.tmpdir(), 'tib-build.'));
  const logFile = path.resolve(o.cwd, o.logFile ?? path.join(paths.outputDir, `${plan.image.name}.log`));
  const startedAt = new Date();
  try {
    const inputs = await checkInputs(plan, paths, previous);
    if (inputs.diagnostics.length > 0) return { kind: 'refused', reason: 'preflight', diagnostics: inputs.diagnostics };
    let base: BaseImage | undefined;
    try {
      base = await acquireBaseImage(plan, paths, o.offline, (line) => reporter.info(line));
    } catch (err) {
      if (err instanceof BaseImageError) return { kind: 'refused', reason: 'preflight', diagnostics: [err.diagnostic] };
      throw err;
    }
    const tree = materialize(exec, workDir, base);
    const dib = pre.dib;
    if (!dib) throw new Error('pre-flight passed without finding DIB');
    if (exec.layer) carryLayerElements(exec, path.join(tree.elementsDir, LAYER_ROOT_ELEMENT), elementSearchDirs(exec, paths, dib));
    const env = resolveDibEnvironment({
      plan: exec,
      paths,
      elementsDir: tree.elementsDir,
      ...(base ? { baseImage: base } : {}),
      ...(tree.baseImageDir ? { baseImageDir: tree.baseImageDir } : {}),
      ...(o.fromLayer ? { layerImage: o.fromLayer.image } : {}),
      secrets: secrets.values,
    });
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    const argv = dibArgv(exec, path.join(partial, plan.image.name));
    reporter.info(`building ${plan.image.name} with diskimage-builder ${dib.version}; full log: ${logFile}`);
    const result = await spawnDib({
      command: dib.command,
      argv,
      env: dibProcessEnvironment(stringEnv(host.env), env),
      logFile,
      redactor,
      onEvent: (event, tracker) => reporter.event(event, tracker),
      onTick: (tracker) => reporter.tick(tracker),
    });
    reporter.clearLive();
    if (result.interrupted) {
      return { kind: 'refused', reason: 'interrupted', diagnostics: [], logFile };
    }
    if (result.exitCode !== 0) {
      reporter.info(`disk-image-create failed (exit status ${result.exitCode}); no image was written. Last lines of ${logFile}:`);
      for (const line of result.lastLines.slice(-20)) o.stderr.write(`  | ${line}\n`);
      return { kind: 'refused', reason: 'dib-failed', diagnostics: [], logFile };
    }
    const outputs = await installOutputs(plan, partial, paths.outputDir);
    const manifest: Manifest = {
      manifestVersion: MANIFEST_VERSION,
      tib: { version: o.tibVersion },
      recipe: { path: plan.recipe.path, sha256: plan.recipe.sha256, files: plan.recipe.files, resolved: o.recipeValue },
      fingerprint: fingerprint({
        tibVersion: o.tibVersion,
        plan,
        dibVersion: dib.version,
        ...(base ? { base } : {}),
        inputs: inputs.records,
      }),
      dib: {
        version: dib.version,
        ...(host.stat(dib.command)
          ? { binary: { path: dib.command, ...(host.stat(dib.command) as { size: number; mtimeMs: number }) } }
          : {}),
        ...(dib.elementsDir ? { elementsDir: dib.elementsDir } : {}),
        argv: [dib.command, ...argv],
        environment: env.shown.map((e) => ({ name: e.name, value: redactor.redact(e.value) })),
      },
      host: hostFacts(),
      elements: plan.dib.elements.map((e) => ({
        name: e.name,
        origin: e.origin,
        ...(pre.elementPaths.get(e.name) ? { path: pre.elementPaths.get(e.name) } : {}),
      })),
      ...(base ? { baseImage: { source: base.source, ...(base.url ? { url: base.url } : {}), file: base.file, sha256: base.sha256 } } : {}),
      ...(o.fromLayer && exec.layer ? { layer: layerRecord(exec.layer, o.fromLayer) } : {}),
      inputs: inputs.records,
      outputs,
      timings: {
        totalSeconds: round(result.tracker.elapsedSeconds(Date.now())),
        phases: Object.fromEntries([...result.tracker.phaseSeconds].map(([k, v]) => [k, round(v)])),
      },
      status: { exitCode: 0, result: 'success' },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      controller: plan.controller,
    };
    writeManifest(manifestFile, manifest);
    return { kind: 'built', manifest, manifestFile, paths };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
    if (o.keepWorkdir) reporter.info(`work directory kept: ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
    await cacheLock?.release();
    await lock.release();
  }
}

/**
 * The image is up to date when its manifest's fingerprint (tib, plan, DIB, base image,
 * every input) is the current one and its outputs are untouched. Cheap: the plan is
 * compiled, inputs reuse recorded checksums, outputs are stat()ed.
 */
export async function upToDate(
  o: Pick<RunOptions, 'plan' | 'host' | 'cwd' | 'out' | 'tibVersion'>,
): Promise<Extract<RunOutcome, { kind: 'up-to-date' }> | undefined> {
  const paths = runPaths(o.plan, o.cwd, o.host.env, o.out);
  const manifestFile = manifestPath(paths.outputDir, o.plan.image.name);
  const previous = readManifest(manifestFile);
  if (!previous) return undefined;
  const inputs = await checkInputs(o.plan, paths, previous);
  const base = previous.baseImage ? ({ sha256: previous.baseImage.sha256 } as BaseImage) : undefined;
  const fp = fingerprint({
    tibVersion: o.tibVersion,
    plan: o.plan,
    dibVersion: dibVersionFor(o.host, previous.dib),
    ...(base ? { base } : {}),
    inputs: inputs.records,
  });
  const untouched = previous.outputs.every((out) => {
    try {
      const st = fs.statSync(out.path);
      return st.size === out.size && Math.floor(st.mtimeMs) === out.mtimeMs;
    } catch {
      return false;
    }
  });
  if (fp === previous.fingerprint && untouched && inputs.diagnostics.length === 0)
    return { kind: 'up-to-date', manifest: previous, manifestFile, paths };
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

function printDryRun(
  o: RunOptions,
  plan: Plan,
  paths: RunPaths,
  secrets: ReadonlyMap<string, string>,
  problems: readonly Diagnostic[],
  existing: readonly string[],
): void {
  const w = (s: string) => o.stdout.write(`${s}\n`);
  const placeholderTree = path.join('<workdir>', 'elements');
  const env = resolveDibEnvironment({
    plan,
    paths,
    elementsDir: placeholderTree,
    ...(plan.baseImage.source !== 'bootstrap'
      ? { baseImage: { file: '<verified base image>', fileName: '', sha256: '', source: 'local' }, baseImageDir: '<workdir>/base-image' }
      : {}),
    ...(plan.layer ? { layerImage: `<file system image of ${plan.layer.name}>` } : {}),
    secrets,
  });
  w(`# tib run --dry-run ${plan.recipe.path}: nothing is built`);
  w(
    `output: ${path.join(paths.outputDir, plan.image.files[0] ?? plan.image.name)}${existing.length > 0 ? ' (exists: --force would replace it)' : ''}`,
  );
  w('');
  w('argv:');
  w(`  disk-image-create ${dibArgv(plan, path.join(partialDir(paths.outputDir, plan.image.name), plan.image.name)).join(' ')}`);
  w('');
  if (env.unset.length > 0) w(`removed from the inherited environment: ${env.unset.join(' ')}`);
  w('environment (added to the inherited one; secrets redacted):');
  for (const e of env.shown) w(`  ${e.name}=${e.value.includes('\n') ? JSON.stringify(e.value) : e.value}`);
  w('');
  w(`element tree (${placeholderTree}):`);
  for (const f of plan.elementTree) w(`  ${f.mode.toString(8).padStart(4, '0')} ${String(f.content.length).padStart(6)} ${f.path}`);
  if (problems.length > 0) {
    w('');
    w('pre-flight would stop the build:');
    for (const p of problems) w(`  ${p.code}: ${p.message}`);
  } else if (existing.length > 0 && !o.force) {
    w('');
    w(`the build would stop: ${existing.join(', ')} exists; pass --force to replace it`);
  }
}
