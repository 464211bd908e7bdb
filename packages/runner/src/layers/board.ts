import type { ProgressEvent, ProgressTracker } from '../progress';
import { clock } from '../progress';
import type { RunReporter } from '../run-build';

export type JobState = 'waiting' | 'building' | 'done' | 'up to date' | 'copied' | 'failed' | 'skipped';

export interface BoardJob {
  readonly name: string;
  readonly kind: 'layer' | 'image' | 'copy';
  state: JobState;
  /** Seconds, from the job's last manifest (same kind of build), when there is one. */
  readonly estimate: number | undefined;
  started?: number;
  finished?: number;
  where?: string;
  note?: string;
}

const FINISHED: readonly JobState[] = ['done', 'up to date', 'copied', 'failed', 'skipped'];

/**
 * Progress of a whole matrix: every layer, image and copy with its state (done /
 * building / waiting), the elapsed time and an estimate of what is left from previous
 * manifests. On a terminal one block redrawn in place; elsewhere timestamped lines, one
 * per state change and per DIB phase of each build, and a summary line after each change.
 */
export class MatrixBoard {
  private readonly jobs = new Map<string, BoardJob>();
  private drawn = 0;
  private readonly started = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly tty: boolean,
    private readonly jobsAtOnce: number,
  ) {}

  add(job: Omit<BoardJob, 'state'>): void {
    this.jobs.set(job.name, { ...job, state: 'waiting' });
  }

  set(name: string, state: JobState, note?: string): void {
    const job = this.jobs.get(name);
    if (!job) return;
    job.state = state;
    if (note !== undefined) job.note = note;
    if (state === 'building') job.started = Date.now();
    if (FINISHED.includes(state)) job.finished = Date.now();
    if (this.tty) this.draw();
    else
      this.line(
        `${job.name}: ${state}${job.note ? ` (${job.note})` : ''}${job.finished && job.started ? ` in ${clock((job.finished - job.started) / 1000)}` : ''}`,
        this.summary(),
      );
  }

  /** The reporter one build of the matrix gives its progress to. */
  reporterFor(name: string): RunReporter {
    return {
      info: (line: string) => {
        if (this.tty) return;
        this.line(`${name}: ${line}`);
      },
      event: (event: ProgressEvent, tracker: ProgressTracker) => {
        const job = this.jobs.get(name);
        if (job) job.where = tracker.phase ? `${tracker.phase}${tracker.script ? ` ${tracker.script}` : ''}` : undefined;
        if (this.tty) this.draw();
        else if (event.kind === 'phase') this.line(`${name}: [${clock(tracker.elapsedSeconds(event.at))}] phase ${event.phase}`);
      },
      tick: () => {
        if (this.tty) this.draw();
      },
      clearLive: () => undefined,
    };
  }

  /** done / building / waiting, elapsed, and the estimate of what is left. */
  summary(now = Date.now()): string {
    const all = [...this.jobs.values()];
    const count = (states: readonly JobState[]) => all.filter((j) => states.includes(j.state)).length;
    const left = this.secondsLeft(now);
    return [
      `matrix: ${count(['done', 'up to date', 'copied'])} done, ${count(['building'])} building, ${count(['waiting'])} waiting`,
      count(['failed', 'skipped']) > 0 ? `, ${count(['failed'])} failed, ${count(['skipped'])} skipped` : '',
      `; ${clock((now - this.started) / 1000)} elapsed`,
      left === undefined
        ? ''
        : left.seconds > 0
          ? `, about ${clock(left.seconds)} left${left.unknown > 0 ? ` (+${left.unknown} never built before)` : ''}`
          : `, no estimate (${left.unknown} never built before)`,
    ].join('');
  }

  private secondsLeft(now: number): { seconds: number; unknown: number } | undefined {
    let seconds = 0;
    let unknown = 0;
    for (const j of this.jobs.values()) {
      if (j.kind === 'copy' || FINISHED.includes(j.state)) continue;
      if (j.estimate === undefined) unknown++;
      else seconds += j.state === 'building' && j.started ? Math.max(0, j.estimate - (now - j.started) / 1000) : j.estimate;
    }
    if (seconds === 0 && unknown === 0) return undefined;
    return { seconds: seconds / Math.max(1, this.jobsAtOnce), unknown };
  }

  /** The terminal block: one line per job, then the summary. */
  render(now = Date.now()): string[] {
    const rows = [...this.jobs.values()].map((j) => {
      const took = j.started ? clock(((j.finished ?? now) - j.started) / 1000) : '';
      const est = j.estimate !== undefined ? `~${clock(j.estimate)}` : '';
      const detail = j.state === 'building' ? (j.where ?? 'starting') : (j.note ?? '');
      return `  ${j.state.padEnd(10)} ${j.name.padEnd(40)} ${took.padStart(6)} ${est.padStart(7)}  ${detail}`.trimEnd();
    });
    return [...rows, this.summary(now)];
  }

  finish(): void {
    if (this.tty) this.draw();
    else this.line(this.summary());
  }

  private draw(): void {
    const lines = this.render();
    const up = this.drawn > 0 ? `\u001b[${this.drawn}A` : '';
    this.out.write(`${up}${lines.map((l) => `\r\u001b[2K${l}`).join('\n')}\n`);
    this.drawn = lines.length;
  }

  private line(...lines: string[]): void {
    for (const l of lines) this.out.write(`${stamp()} ${l}\n`);
  }
}

function stamp(): string {
  return new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}
