/** The Reporter's sinks: plain lines for people, and with --json the same reports as events. */
import { Writable } from 'node:stream';
import { JsonEvents, ProgressTracker, Reporter } from '../src';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('Reporter with a JSON sink', () => {
  it('reports phases, scripts, info and throttled progress as JSON Lines beside the plain lines', () => {
    let now = Date.parse('2025-01-01T10:00:00Z');
    const human = new Sink();
    const json = new Sink();
    const events = new JsonEvents(json, () => now);
    const reporter = new Reporter(human, false, 300, events);
    const tracker = new ProgressTracker(now);

    reporter.info('building x');
    now += 1000;
    reporter.tick(tracker); // the first tick reports
    const phase = tracker.feed('dib-run-parts Running /tmp/hooks/install.d/10-a', now);
    if (phase) reporter.event(phase, tracker);
    now += 2000;
    reporter.tick(tracker); // within 5 s of the last report: quiet
    now += 5000;
    reporter.tick(tracker);

    const lines = json.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { type: 'info', time: '2025-01-01T10:00:00.000Z', message: 'building x' },
      { type: 'progress', time: '2025-01-01T10:00:01.000Z', elapsed: 1, previousTotal: 300 },
      { type: 'phase', time: '2025-01-01T10:00:01.000Z', phase: 'install.d', elapsed: 1 },
      { type: 'script', time: '2025-01-01T10:00:01.000Z', phase: 'install.d', script: '10-a', elapsed: 1 },
      { type: 'progress', time: '2025-01-01T10:00:08.000Z', phase: 'install.d', script: '10-a', elapsed: 8, previousTotal: 300 },
    ]);
    expect(human.text).toMatch(/building x\n.*\[0:01\] phase install\.d\n$/);
  });
});
