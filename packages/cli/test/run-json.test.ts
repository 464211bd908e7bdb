/**
 * `tib run --json`: JSON Lines on stdout, each event valid against
 * schemas/run-events.schema.json, from start (the plan summary) through DIB's phases,
 * scripts and progress to exactly one closing event (done, refused) carrying the exit
 * code; text for people stays on stderr. Driven against the fake disk-image-create.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { dump } from 'js-yaml';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';
import { spawnTib } from './support/spawn-tib';

const RECIPE = {
  tib: 1,
  name: 'events',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
  output: { directory: 'out' },
};
/** What DIB prints as it enters phases and runs element scripts (its log prefix included). */
const DIB_OUTPUT = [
  '2025-01-01 10:00:00.000 | Running hooks from /tmp/dib_build.x/hooks/root.d',
  'dib-run-parts Running /tmp/dib_build.x/hooks/root.d/10-tib-root',
  'dib-run-parts Running /tmp/in_target.d/install.d/20-tib-install',
  'Converting image using qemu-img convert',
].join('\n');

type RunEvent = { type: string; time: string } & Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validEvent = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/run-events.schema.json'), 'utf8')));

describe('tib run --json', () => {
  let dib: FakeDib;
  let dir: string;
  beforeEach(() => {
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-run-json-'));
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump(RECIPE));
  });
  afterEach(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs tib, checks that stdout is nothing but valid events ending in one closing event. */
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = spawnTib(['run', 'r.yaml', '--json', ...args], { cwd: dir, env: { ...dib.env, ...env } });
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const events = lines.map((l) => JSON.parse(l) as RunEvent);
    for (const e of events) expect([e.type, validEvent(e) ? [] : validEvent.errors]).toEqual([e.type, []]);
    const closing = events.filter((e) => ['done', 'refused', 'error'].includes(e.type));
    expect(closing).toHaveLength(1);
    expect(events[events.length - 1]).toBe(closing[0]);
    expect(closing[0]!['exitCode']).toBe(r.status);
    return { ...r, events, last: closing[0]! };
  };

  it('streams start, phases, scripts, progress and done with the manifest, image and sha256', () => {
    const r = run([], { FAKE_DIB_SLEEP: '1.5', FAKE_DIB_OUTPUT: DIB_OUTPUT });
    expect(r.status).toBe(0);
    const types = r.events.map((e) => e.type);
    expect(types[0]).toBe('start');
    expect(r.events[0]).toMatchObject({
      version: 1,
      image: { name: 'events', files: ['events.qcow2'] },
      elements: expect.arrayContaining(['vm']),
    });
    expect(types).toContain('progress');
    const steps = r.events.filter((e) => e.type === 'phase' || e.type === 'script').map((e) => [e.type, e['phase'], e['script']]);
    expect(steps).toEqual([
      ['phase', 'root.d', undefined],
      ['script', 'root.d', '10-tib-root'],
      ['phase', 'install.d', undefined],
      ['script', 'install.d', '20-tib-install'],
      ['phase', 'convert', undefined],
    ]);
    expect(r.events.find((e) => e.type === 'info')?.['message']).toMatch(/^building events with diskimage-builder/);
    const image = path.join(dir, 'out', 'events.qcow2');
    expect(r.last).toMatchObject({
      type: 'done',
      result: 'built',
      exitCode: 0,
      image,
      manifest: path.join(dir, 'out', 'events.manifest.json'),
    });
    expect(r.last['sha256']).toBe(createHash('sha256').update(fs.readFileSync(image)).digest('hex'));
    expect(fs.existsSync(r.last['manifest'] as string)).toBe(true);
    expect(r.stderr).toMatch(/built .*events\.qcow2/);

    const again = run([]);
    expect(again.last).toMatchObject({ type: 'done', result: 'up-to-date', exitCode: 0, image });
  });

  it('ends with refused and the diagnostics when the recipe is invalid, an image exists, or DIB fails', () => {
    const invalid = run(['--set', 'base.distro=debain']);
    expect(invalid.status).toBe(1);
    expect(invalid.events.map((e) => e.type)).toEqual(['refused']);
    expect(invalid.last).toMatchObject({ reason: 'invalid-recipe', diagnostics: [expect.objectContaining({ code: 'TIB2004' })] });

    expect(run([]).status).toBe(0);
    const exists = run(['--set', 'output.sizeGb=5']);
    expect(exists.last).toMatchObject({
      reason: 'output-exists',
      exitCode: 2,
      diagnostics: [expect.objectContaining({ code: 'TIB5016' })],
    });

    const failed = run(['--force', '--set', 'output.sizeGb=5'], { FAKE_DIB_FAIL: '3' });
    expect(failed.last).toMatchObject({ reason: 'dib-failed', exitCode: 4, log: path.join(dir, 'out', 'events.log') });
  });

  it('reports warnings as events and keeps a dry run on stderr', () => {
    const r = run(['--dry-run', '--set', 'guestagent.source=git', '--set', 'guestagent.ref=stable/zed']);
    expect(r.status).toBe(0);
    expect(r.events.map((e) => e.type)).toEqual(['warning', 'start', 'done']);
    expect(r.events[0]).toMatchObject({ diagnostic: { code: 'TIB3009', severity: 'warning' } });
    expect(r.last).toMatchObject({ result: 'dry-run', exitCode: 0 });
    expect(r.stderr).toMatch(/# tib run --dry-run r\.yaml: nothing is built/);
  });
});
