import { importEsm } from '@tib/core';
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
 * shell string), in its own process group. Every output line goes, redacted, to the log
 * file and through the progress tracker. SIGINT/SIGTERM to tib are passed to DIB's
 * processes (see interruptDib) so DIB's own cleanup unmounts and frees its loop devices;
 * only if it does not finish within minutes is the whole group killed.
 */
export async function spawnDib(options: SpawnOptions): Promise<DibRun> {
  const { execa } = await importEsm<typeof import('execa', { with: { 'resolution-mode': 'import' } })>('execa');
  const log = fs.createWriteStream(options.logFile, { flags: 'w', mode: 0o640 });
  const tracker = new ProgressTracker(Date.now());
  const lastLines: string[] = [];
  const child = execa(options.command, [...options.argv], {
    env: options.env,
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    all: true,
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
    if (child.all) {
      const lines = readline.createInterface({ input: child.all, crlfDelay: Infinity });
      for await (const raw of lines) {
        const line = options.redactor.redact(raw);
        log.write(`${line}\n`);
        lastLines.push(line);
        if (lastLines.length > 40) lastLines.shift();
        const event = tracker.feed(line, Date.now());
        if (event) options.onEvent(event, tracker);
      }
    }
    const result = await child;
    tracker.finish(Date.now());
    const exitCode = typeof result.exitCode === 'number' ? result.exitCode : result.signal ? 128 + signalNumber(result.signal) : 1;
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
