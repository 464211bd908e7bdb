/**
 * Hostile strings in recipe fields either fail validation with a diagnostic at that
 * field, or reach DIB as exactly themselves: run the compiled script against a fake
 * disk-image-create and compare what it received (argv, environment, element files).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { createFakeDib } from './support/fake-dib';
import type { DibRecord, FakeDib } from './support/fake-dib';
import { runScript, spawnTib } from './support/spawn-tib';

const HOSTILE = [
  "it's",
  '"double"',
  '$(touch /tmp/tib-pwned)',
  '`touch /tmp/tib-pwned`',
  '${HOME}',
  'a;b',
  'a && b',
  'a | b',
  'back\\slash',
  'new\nline',
  'tab\there',
  'é ünïcödé',
  '🙂 emoji',
  '\u202eRTL',
  'NUL\u0000byte',
  "''",
  '*',
  '~',
  '--help',
  ' leading space',
  'x'.repeat(64 * 1024),
];

const BASE = {
  tib: 1,
  name: 'inject',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};

/** Where a field's value lands when the script runs: read it back from DIB's record. */
interface Field {
  readonly path: readonly (string | number)[];
  readonly set: (value: string) => Record<string, unknown>;
  readonly landed: (rec: DibRecord, outDir: string) => string | undefined;
}

const sourced = (rec: DibRecord, variable: string): string | undefined => {
  const file = rec.elements.find((e) => e.path === 'tib-recipe/environment.d/10-tib-recipe.bash');
  if (!file) return undefined;
  const r = spawnSync('bash', ['-c', `source /dev/stdin; printf '%s' "\${${variable}}"`], { input: file.content, encoding: 'utf8' });
  return r.stdout;
};

const FIELDS: Record<string, Field> = {
  'environment value': {
    path: ['environment', 'DIB_EXTRA_KNOB'],
    set: (v) => ({ ...BASE, environment: { DIB_EXTRA_KNOB: v } }),
    landed: (rec) => rec.env['DIB_EXTRA_KNOB'],
  },
  'base.mirror': {
    path: ['base', 'mirror'],
    set: (v) => ({ ...BASE, base: { ...BASE.base, mirror: `http://mirror.example/${v}` } }),
    landed: (rec) => rec.env['DIB_DISTRIBUTION_MIRROR']?.replace('http://mirror.example/', ''),
  },
  'system.packages': {
    path: ['system', 'packages', 0],
    set: (v) => ({ ...BASE, system: { packages: [v] } }),
    landed: (rec) => sourced(rec, 'TIB_EXTRA_PACKAGES'),
  },
  'guestagent.user': {
    path: ['guestagent', 'user'],
    set: (v) => ({ ...BASE, guestagent: { source: 'package', user: v } }),
    landed: (rec) => sourced(rec, 'TIB_AGENT_USER'),
  },
  name: { path: ['name'], set: (v) => ({ ...BASE, name: v }), landed: (rec) => path.basename(rec.argv[rec.argv.indexOf('-o') + 1] ?? '') },
  'output.directory': {
    path: ['output', 'directory'],
    set: (v) => ({ ...BASE, output: { directory: `out-${v}` } }),
    landed: (rec, dir) =>
      path.relative(dir, path.resolve(dir, path.dirname(path.dirname(rec.argv[rec.argv.indexOf('-o') + 1] ?? '')))).replace(/^out-/, ''),
  },
};

describe('hostile strings in recipe fields', () => {
  let dib: FakeDib;
  let tmp: string;
  beforeAll(() => {
    dib = createFakeDib();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-inject-'));
  });
  afterAll(() => {
    dib.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(fs.existsSync('/tmp/tib-pwned')).toBe(false);
  });

  let n = 0;
  function check(fieldName: string, value: string): void {
    const field = FIELDS[fieldName] as Field;
    const dir = path.join(tmp, `case-${n++}`);
    fs.mkdirSync(dir);
    // YAML double-quoted strings can carry any of these (NUL as \0), which is how a user could write them.
    fs.writeFileSync(path.join(dir, 'r.yaml'), dump(field.set(value), { lineWidth: -1 }));
    const compiled = spawnTib(['compile', 'r.yaml', '-o', 'build.sh'], { cwd: dir });
    if (compiled.status !== 0) {
      // Rejected: with a positioned diagnostic naming the field, and no script written.
      expect(compiled.status).toBe(1);
      expect(compiled.stderr).toMatch(/^r\.yaml:\d+:\d+: error TIB\d{4}/m);
      expect(compiled.stderr).toContain(
        `[${field.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : p))
          .join('.')
          .replace(/\.\[/g, '[')}]`,
      );
      expect(fs.existsSync(path.join(dir, 'build.sh'))).toBe(false);
      return;
    }
    const ran = runScript(path.join(dir, 'build.sh'), ['--force'], { cwd: dir, env: dib.env });
    expect(ran.stderr).toMatch(/built:/);
    expect(field.landed(dib.record(), dir)).toBe(value);
  }

  for (const fieldName of Object.keys(FIELDS)) {
    it.each(HOSTILE.map((h) => [JSON.stringify(h.slice(0, 30)), h]))(`${fieldName} = %s`, (_label, value) => check(fieldName, value));
  }

  it('random strings in free-text fields (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        fc.constantFrom('environment value', 'base.mirror', 'output.directory'),
        (value, field) => {
          check(field, value);
        },
      ),
      { numRuns: 15 },
    );
  });
});
