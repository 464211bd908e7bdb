import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { interruptDib } from './process-group';
import { ProgressTracker } from './progress';
import type { ProgressEvent } from './progress';
import type { Redactor } from './redact';

export interface DibRun {
  readonly exitCode: number;
  readonly interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  readonly tracker: ProgressTracker;
  readonly lastLines: string[];
}

export interface SpawnOptions {
  readonly command: string;
  readonly argv: readonly string[];
  readonly env: Record<string, string>;
  readonly logFile: string;
  readonly redactor: Redactor;
  readonly onEvent: (event: ProgressEvent, tracker: ProgressTracker) => void;
  readonly onTick?: (tracker: ProgressTracker) => void;
}

const KILL_AFTER_MS = 5 * 60 * 1000;

/**
 * Runs disk-image-create with an argument array and an explicit environment (never a
 * shell string), in its own process group. Every output line (stdout and stderr, each
 * line whole) goes, redacted, to the log file and through the progress tracker.
 * SIGINT/SIGTERM to tib are passed to DIB's processes (see interruptDib) so DIB's own
 * cleanup unmounts and frees its loop devices; only if it does not finish within
 * minutes is the whole group killed. Node's child_process is all this needs, which also
 * lets the build path be tested in-process (an ESM-only spawner could not be loaded there).
 */
export async function spawnDib(options: SpawnOptions): Promise<DibRun> {
  const log = fs.createWriteStream(options.logFile, { flags: 'w', mode: 0o640 });
  const tracker = new ProgressTracker(Date.now());
  const lastLines: string[] = [];
  const onLine = (raw: string) => {
    const line = options.redactor.redact(raw);
    log.write(`${line}\n`);
    lastLines.push(line);
    if (lastLines.length > 40) lastLines.shift();
    const event = tracker.feed(line, Date.now());
    if (event) options.onEvent(event, tracker);
  };
  const child = spawn(options.command, [...options.argv], { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      onLine(`tib: cannot run ${options.command}: ${err.message}`);
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const streams = [child.stdout, child.stderr].map((input) => {
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    lines.on('line', onLine);
    return new Promise<void>((resolve) => lines.once('close', () => resolve()));
  });
  let interrupted: DibRun['interrupted'];
  let killTimer: NodeJS.Timeout | undefined;
  const forward = (signal: 'SIGINT' | 'SIGTERM') => {
    interrupted ??= signal;
    if (child.pid === undefined) return;
    interruptDib(child.pid, signal);
    killTimer ??= setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, KILL_AFTER_MS);
  };
  const onInt = () => forward('SIGINT');
  const onTerm = () => forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const ticker = options.onTick ? setInterval(() => options.onTick?.(tracker), 1000) : undefined;
  try {
    const { code, signal } = await ended;
    await Promise.all(streams);
    tracker.finish(Date.now());
    const exitCode = typeof code === 'number' ? code : signal ? 128 + signalNumber(signal) : 1;
    return { exitCode, interrupted, tracker, lastLines };
  } finally {
    if (ticker) clearInterval(ticker);
    if (killTimer) clearTimeout(killTimer);
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await new Promise<void>((resolve) => log.end(() => resolve()));
  }
}

function signalNumber(signal: string): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
