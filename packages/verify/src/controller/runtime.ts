/**
 * Where the controller side of the conversation runs: Trove's own controller code for the
 * agent's release. The host's python3-trove when it is that release, else a chroot that
 * `tib controller prepare` made (cached on this host), or one named with --controller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadExeca, runTool } from '../exec';

export interface ControllerRuntime {
  readonly where: 'host' | 'chroot';
  /** The chroot's directory. */
  readonly root?: string;
  /** A Trove source tree inside the chroot, put on PYTHONPATH. */
  readonly treeInRoot?: string;
  readonly troveVersion: string;
  readonly label: string;
}

/** What `tib controller prepare` leaves in a chroot: which Trove it holds. */
export const CONTROLLER_MARKER = 'etc/tib-controller.json';

export interface ControllerMarker {
  readonly troveVersion: string;
  readonly suite: string;
  /** A Trove source tree inside the chroot (for releases Debian never packaged). */
  readonly tree?: string;
  readonly preparedBy: string;
}

/** The host's Python for Debian's modules (another python3 may come first on PATH). */
export const HOST_PYTHON = '/usr/bin/python3';

export function controllerCacheDir(cacheDir: string, major: number): string {
  return path.join(cacheDir, 'controllers', `trove-${major}`);
}

export type ControllerChoice = 'auto' | 'host' | 'none' | { readonly root: string };

/** Finds Trove `major`'s controller code, or says why there is none. */
export async function findController(
  major: number,
  choice: ControllerChoice,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ runtime?: ControllerRuntime; why: string }> {
  if (choice === 'none') return { why: 'the controller conversation was turned off (--controller none)' };
  if (typeof choice === 'object') return fromChroot(choice.root, major);
  const host = await hostTroveVersion(env);
  if (host && majorOf(host) === major) {
    return { runtime: { where: 'host', troveVersion: host, label: `this host's python3-trove ${host}` }, why: '' };
  }
  const hostNote = host ? `this host has Trove ${host}` : "this host has no python3-trove (Debian's Trove controller code)";
  if (choice === 'host') return { why: `the image's agent is Trove ${major}, but ${hostNote}` };
  const cached = controllerCacheDir(cacheDir, major);
  if (fs.existsSync(path.join(cached, CONTROLLER_MARKER))) return fromChroot(cached, major);
  return { why: `no Trove ${major} controller code: ${hostNote}, and none is prepared (tib controller prepare --trove ${major})` };
}

function fromChroot(root: string, major: number): { runtime?: ControllerRuntime; why: string } {
  let marker: ControllerMarker;
  try {
    marker = JSON.parse(fs.readFileSync(path.join(root, CONTROLLER_MARKER), 'utf8')) as ControllerMarker;
  } catch {
    return { why: `${root} holds no controller prepared by tib (${CONTROLLER_MARKER} is missing or unreadable)` };
  }
  if (majorOf(marker.troveVersion) !== major) {
    return { why: `${root} holds Trove ${marker.troveVersion}, but the image's agent is Trove ${major}` };
  }
  return {
    runtime: {
      where: 'chroot',
      root,
      ...(marker.tree ? { treeInRoot: marker.tree } : {}),
      troveVersion: marker.troveVersion,
      label: `Trove ${marker.troveVersion} in a Debian ${marker.suite} chroot (${root})`,
    },
    why: '',
  };
}

async function hostTroveVersion(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!fs.existsSync(HOST_PYTHON)) return undefined;
  const r = await runTool(HOST_PYTHON, ['-c', 'import importlib.metadata as m; print(m.version("trove"))'], {
    timeoutMs: 30_000,
    env,
    allowFailure: true,
  });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

export function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

export interface HelperRun {
  readonly exitCode: number;
  readonly stderrTail: string;
  /** Trove's and oslo's log of the run (the helper's stderr). */
  readonly logFile: string;
}

let helperRuns = 0;

/**
 * Runs tib's controller helper (python3 -m tib_controller ARGS) with the runtime's Python,
 * calling `onRow` for each JSON line it prints. In a chroot, the helper is copied in and
 * /proc is mounted in a private mount namespace that ends with the process.
 */
/**
 * `unshare` arguments that run a command in a controller chroot, with /proc mounted in a
 * private mount namespace that ends with it.
 */
export function chrootArgv(root: string, command: readonly string[]): string[] {
  return [
    '--mount',
    '--propagation',
    'private',
    '--',
    '/bin/sh',
    '-euc',
    'r=$1; shift; mount -t proc proc "$r/proc"; exec chroot "$r" "$@"',
    'sh',
    root,
    ...command,
  ];
}

export async function runHelper(
  rt: ControllerRuntime,
  helperDir: string,
  args: readonly string[],
  o: {
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    onRow: (row: Record<string, unknown>) => void;
    scratch: string;
    /** Stops the helper early (the guest showed it cannot answer). */
    cancel?: AbortSignal;
  },
): Promise<HelperRun> {
  const { execa } = await loadExeca();
  let command: string;
  let argv: string[];
  const base = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: '/root', PYTHONDONTWRITEBYTECODE: '1' };
  if (rt.where === 'host') {
    command = HOST_PYTHON;
    argv = ['-m', 'tib_controller', ...args];
    Object.assign(base, { PYTHONPATH: helperDir });
  } else {
    const root = rt.root ?? '';
    const inside = `/run/tib-controller-${process.pid}`;
    fs.rmSync(path.join(root, inside), { recursive: true, force: true });
    fs.cpSync(helperDir, path.join(root, inside), { recursive: true });
    const pythonPath = [inside, ...(rt.treeInRoot ? [rt.treeInRoot] : [])].join(':');
    command = 'unshare';
    argv = chrootArgv(root, [
      '/usr/bin/env',
      `PYTHONPATH=${pythonPath}`,
      ...(rt.treeInRoot ? [`PBR_VERSION=${rt.troveVersion}`] : []),
      '/usr/bin/python3',
      '-m',
      'tib_controller',
      ...args,
    ]);
  }
  const logFile = path.join(o.scratch, `controller-${args[0] ?? 'run'}-${++helperRuns}.log`);
  const child = execa(command, argv, {
    env: base,
    extendEnv: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: { file: logFile },
    reject: false,
    timeout: o.timeoutMs,
    forceKillAfterDelay: 5000,
    buffer: false,
    ...(o.cancel ? { cancelSignal: o.cancel } : {}),
  });
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        o.onRow(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a report line (a library printing to stdout): ignore it.
      }
    }
  });
  const r = await child;
  return { exitCode: r.exitCode ?? -1, stderrTail: tail(logFile), logFile };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n').slice(-2000);
  } catch {
    return '';
  }
}
