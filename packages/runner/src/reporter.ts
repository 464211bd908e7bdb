import type { ProgressEvent, ProgressTracker } from './progress';
import { clock, statusLine } from './progress';

/**
 * How a run talks to its user: on a terminal one live status line (phase, script,
 * elapsed, estimate); elsewhere (CI, pipes) plain timestamped lines, one per phase and
 * per element script, so logs read top to bottom.
 */
export class Reporter {
  private live = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly tty: boolean,
    private readonly previousTotal: number | undefined,
  ) {}

  info(line: string): void {
    this.clearLive();
    this.out.write(this.tty ? `${line}\n` : `${stamp()} ${line}\n`);
  }

  event(event: ProgressEvent, tracker: ProgressTracker): void {
    if (this.tty) {
      this.tick(tracker);
      return;
    }
    const text = event.kind === 'phase' ? `phase ${event.phase}` : `  ${event.phase}/${event.script}`;
    this.out.write(`${stamp()} [${clock(tracker.elapsedSeconds(event.at))}] ${text}\n`);
  }

  tick(tracker: ProgressTracker): void {
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
