import { DIB_HOOK_PHASES } from '@tib/core';

/**
 * Follows DIB's output to know where a build is: the phase (root.d … cleanup.d, then
 * the disk image and the conversion) and the element script running. Pure: feed lines,
 * read state. The terminal renderer and the plain-line logger both read it.
 */
export const DIB_PHASES: readonly string[] = [
  // block-device.d's hooks run inside DIB's block-device stage, which its log marks as a whole.
  ...DIB_HOOK_PHASES.map((p) => (p === 'block-device.d' ? 'block-device' : p)),
  'convert',
];

export type ProgressEvent =
  | { readonly kind: 'phase'; readonly phase: string; readonly at: number }
  | { readonly kind: 'script'; readonly phase: string; readonly script: string; readonly at: number };

const PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \| /;
const RUNNING = /^dib-run-parts Running \S*\/([a-z-]+\.d)\/([0-9A-Za-z_-]+)$/;
const MARKERS: readonly [RegExp, string][] = [
  [/^Running hooks from \S*\/([a-z-]+\.d)$/, '$1'],
  [/block_device\.blockdevice \[-\] create\(\) called|Calculating image size/, 'block-device'],
  [/Converting image using qemu-img convert|qemu-img convert/, 'convert'],
];

export class ProgressTracker {
  phase: string | undefined;
  script: string | undefined;
  /** Seconds spent per phase, closed phases only (the current one is open). */
  readonly phaseSeconds = new Map<string, number>();
  private phaseStart = 0;

  constructor(private readonly startedAt: number) {
    this.phaseStart = startedAt;
  }

  /** Feeds one line of DIB output; returns what changed, if anything. */
  feed(rawLine: string, now: number): ProgressEvent | undefined {
    const line = rawLine.replace(PREFIX, '').trim();
    const running = RUNNING.exec(line);
    if (running?.[1] && running[2]) {
      const phaseEvent = this.enter(running[1], now);
      this.script = running[2];
      return phaseEvent ?? { kind: 'script', phase: running[1], script: running[2], at: now };
    }
    for (const [pattern, replacement] of MARKERS) {
      const m = pattern.exec(line);
      if (m) return this.enter(replacement.startsWith('$') ? (m[1] ?? '') : replacement, now);
    }
    return undefined;
  }

  /** Closes the open phase at the end of the build. */
  finish(now: number): void {
    if (this.phase) this.phaseSeconds.set(this.phase, (this.phaseSeconds.get(this.phase) ?? 0) + (now - this.phaseStart) / 1000);
    this.phase = undefined;
  }

  elapsedSeconds(now: number): number {
    return (now - this.startedAt) / 1000;
  }

  private enter(phase: string, now: number): ProgressEvent | undefined {
    if (phase === '' || phase === this.phase) return undefined;
    this.finish(now);
    this.phase = phase;
    this.script = undefined;
    this.phaseStart = now;
    return { kind: 'phase', phase, at: now };
  }
}

/** `m:ss` for progress lines. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The one-line status shown on a terminal. */
export function statusLine(t: ProgressTracker, now: number, previousTotal: number | undefined): string {
  const elapsed = t.elapsedSeconds(now);
  const eta = previousTotal !== undefined ? ` / ~${clock(previousTotal)} last time` : '';
  const where = t.phase ? `${t.phase}${t.script ? ` ${t.script}` : ''}` : 'starting';
  return `[${clock(elapsed)}${eta}] ${where}`;
}
