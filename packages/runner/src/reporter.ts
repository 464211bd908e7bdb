import type { ProgressEvent, ProgressTracker } from './progress';
import { clock, statusLine } from './progress';

/** How often `tib run --json` reports progress between phase and script events. */
const JSON_PROGRESS_EVERY_MS = 5000;

/**
 * The machine-readable sink of `tib run --json`: JSON Lines, one event object per line,
 * each with its `type` and `time` (schemas/run-events.schema.json). The runner writes the
 * events of a build through the Reporter; the CLI writes the opening and closing ones
 * (start, warning, done, refused) through the same sink.
 */
export class JsonEvents {
  private lastProgress = 0;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly now: () => number = Date.now,
  ) {}

  emit(type: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.out.write(`${JSON.stringify({ type, time: new Date(this.now()).toISOString(), ...fields })}\n`);
  }

  progress(tracker: ProgressTracker, previousTotal: number | undefined): void {
    const now = this.now();
    if (now - this.lastProgress < JSON_PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.emit('progress', {
      ...(tracker.phase ? { phase: tracker.phase } : {}),
      ...(tracker.script ? { script: tracker.script } : {}),
      elapsed: seconds(tracker.elapsedSeconds(now)),
      ...(previousTotal !== undefined ? { previousTotal } : {}),
    });
  }

  /** A phase or script event; the script that opened a phase is reported as one too. */
  step(event: ProgressEvent, tracker: ProgressTracker): void {
    this.lastProgress = this.now();
    const elapsed = seconds(tracker.elapsedSeconds(event.at));
    this.emit(event.kind, { phase: event.phase, ...(event.kind === 'script' ? { script: event.script } : {}), elapsed });
    if (event.kind === 'phase' && tracker.script) this.emit('script', { phase: event.phase, script: tracker.script, elapsed });
  }
}

/**
 * How a run talks to its user: on a terminal one live status line (phase, script,
 * elapsed, estimate); elsewhere (CI, pipes) plain timestamped lines, one per phase and
 * per element script, so logs read top to bottom. With `--json`, every report also goes
 * to the JSON sink as an event.
 */
export class Reporter {
  private live = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly tty: boolean,
    private readonly previousTotal: number | undefined,
    private readonly json?: JsonEvents,
  ) {}

  info(line: string): void {
    this.json?.emit('info', { message: line });
    this.clearLive();
    this.out.write(this.tty ? `${line}\n` : `${stamp()} ${line}\n`);
  }

  event(event: ProgressEvent, tracker: ProgressTracker): void {
    this.json?.step(event, tracker);
    if (this.tty) {
      this.tick(tracker, false);
      return;
    }
    const text = event.kind === 'phase' ? `phase ${event.phase}` : `  ${event.phase}/${event.script}`;
    this.out.write(`${stamp()} [${clock(tracker.elapsedSeconds(event.at))}] ${text}\n`);
  }

  tick(tracker: ProgressTracker, report = true): void {
    if (report) this.json?.progress(tracker, this.previousTotal);
    if (!this.tty) return;
    const line = statusLine(tracker, Date.now(), this.previousTotal);
    this.out.write(`\r\u001b[2K${line}`);
    this.live = true;
  }

  clearLive(): void {
    if (this.live) this.out.write('\r\u001b[2K');
    this.live = false;
  }
}

function stamp(): string {
  return new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

function seconds(n: number): number {
  return Math.round(n * 10) / 10;
}
