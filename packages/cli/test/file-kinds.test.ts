/**
 * Only regular files of sane size are read (SPEC §8). Every place a path comes from
 * outside — the recipe itself, `extends` targets, `{file: …}` secrets, ssh and
 * repository key files, input files and directories — refuses a directory, a device, a
 * FIFO or (where a bound applies) a huge file with a positioned error, quickly: a FIFO
 * must not block and /dev/zero must not be read to the end. The compiled script checks
 * the same on the host that runs it, and tib run's and verify's secret reading too.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { MAX_RECIPE_BYTES, MAX_SECRET_BYTES } from '@tib/core';
import { readRegularFile } from '@tib/runner';
import { createFakeDib } from './support/fake-dib';
import { runCli } from './support/run-cli';
import { runScript } from './support/spawn-tib';

type Kind = 'fifo' | 'device' | 'directory' | 'file' | 'huge';

/** Makes `name` in dir a thing of the given kind; returns its path. */
function make(dir: string, name: string, kind: Kind, hugeBytes: number): string {
  const p = path.join(dir, name);
  fs.rmSync(p, { recursive: true, force: true });
  if (kind === 'fifo') execFileSync('mkfifo', [p]);
  else if (kind === 'device') fs.symlinkSync('/dev/zero', p);
  else if (kind === 'directory') fs.mkdirSync(p);
  else if (kind === 'huge') fs.writeFileSync(p, `# ${'x'.repeat(hugeBytes)}\n`);
  else fs.writeFileSync(p, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8cMhUf8YS9cs6+lK7LXQ4h4KkmG3NU4QpjvM1B2sRw x\n');
  return p;
}

const BASE = {
  tib: 1,
  purpose: 'development',
  base: { distro: 'debian', release: 'bookworm' },
  datastore: { type: 'mariadb', version: '10.11' },
  guestagent: { source: 'package' },
};
const SHA = 'a'.repeat(64);

/** Each outside path of a recipe: where it goes, and whether it is a bounded (secret/key) file or a directory. */
const REFERENCES: { where: string; bounded?: true; directory?: true; recipe: (f: string) => Record<string, unknown> }[] = [
  { where: 'access.password.file', bounded: true, recipe: (f) => ({ ...BASE, access: { user: 'dev', password: { file: f } } }) },
  { where: 'access.sshKeys[0].file', bounded: true, recipe: (f) => ({ ...BASE, access: { user: 'dev', sshKeys: [{ file: f }] } }) },
  {
    where: 'system.repositories[0].key.file',
    bounded: true,
    recipe: (f) => ({
      ...BASE,
      system: { repositories: [{ name: 'x', uri: 'https://example.com/apt', key: { file: f, fingerprint: 'A'.repeat(40) } }] },
    }),
  },
  { where: 'datastore.images[0].file', recipe: (f) => ({ ...BASE, datastore: { ...BASE.datastore, images: [{ file: f, sha256: SHA }] } }) },
  { where: 'base.image.path', recipe: (f) => ({ ...BASE, base: { ...BASE.base, image: { source: 'local', path: f, sha256: SHA } } }) },
  { where: 'guestagent.path', directory: true, recipe: (f) => ({ ...BASE, guestagent: { source: 'local', path: f, release: 'zed' } }) },
  { where: 'elements.paths[0]', directory: true, recipe: (f) => ({ ...BASE, elements: { paths: [f] } }) },
];

interface JsonDiagnostic {
  code: string;
  line?: number;
  column?: number;
  path?: string;
  message: string;
}

async function validateJson(recipe: string, cwd: string): Promise<{ code: number; diagnostics: JsonDiagnostic[]; ms: number }> {
  const started = Date.now();
  const r = await runCli(['validate', recipe, '--json'], { cwd });
  const [report] = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }[];
  return { code: r.code, diagnostics: report?.diagnostics ?? [], ms: Date.now() - started };
}

describe('files that are not regular files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-kinds-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['fifo', 'device', 'directory', 'huge'] as const)(
    'refuses a %s given as the recipe, for every command that reads one',
    async (kind) => {
      const recipe = make(dir, 'r.yaml', kind, MAX_RECIPE_BYTES);
      for (const argv of [
        ['validate', recipe],
        ['compile', recipe],
        ['compile', recipe, '--format', 'json'],
        ['plan', recipe],
        ['doctor', recipe],
      ]) {
        const started = Date.now();
        const r = await runCli(argv, { cwd: dir });
        expect(Date.now() - started).toBeLessThan(5000);
        expect({ argv, code: r.code }).toEqual({ argv, code: 1 });
        expect(r.stderr).toMatch(/error TIB1010: recipe '.*r\.yaml' is (a directory|not a regular file|[\d,]+ bytes)/);
        expect(r.stderr).not.toMatch(/internal error|    at /);
      }
    },
  );

  it('refuses /dev/zero itself as a recipe (once an abort in native code)', async () => {
    const r = await runCli(['validate', '/dev/zero', '/dev/null'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/TIB1010/g)).toHaveLength(2);
  });

  it.each(['fifo', 'device', 'directory', 'huge'] as const)('refuses a %s as an extends target, at the extends entry', async (kind) => {
    make(dir, 'base.yaml', kind, MAX_RECIPE_BYTES);
    const { tib: _tib, ...rest } = BASE;
    const text = `tib: 1\nextends:\n  - base.yaml\n${dump(rest)}`;
    fs.writeFileSync(path.join(dir, 'r.yaml'), text);
    const { code, diagnostics, ms } = await validateJson('r.yaml', dir);
    expect(ms).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(diagnostics.find((d) => d.code === 'TIB1010')).toMatchObject({ line: 3, column: 5, path: 'extends' });
  });

  describe.each(REFERENCES)('$where', (ref) => {
    const kinds: Kind[] = ref.directory
      ? ['fifo', 'device', 'file']
      : ['fifo', 'device', 'directory', ...(ref.bounded ? (['huge'] as const) : [])];
    it.each(kinds)('refuses a %s with a positioned TIB1010', async (kind) => {
      make(dir, 'thing', kind, MAX_SECRET_BYTES);
      const text = dump(ref.recipe('thing'));
      fs.writeFileSync(path.join(dir, 'r.yaml'), text);
      const { code, diagnostics, ms } = await validateJson('r.yaml', dir);
      expect(ms).toBeLessThan(5000);
      expect(code).toBe(1);
      const line = text.split('\n').findIndex((l) => /\bthing\b/.test(l)) + 1;
      expect(diagnostics.find((d) => d.code === 'TIB1010')).toMatchObject({ path: ref.where, line });
    });
  });
});

describe('the one bounded reader (tib run and tib verify read secret files through it)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-reader-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['fifo', 'not-regular'],
    ['device', 'not-regular'],
    ['directory', 'directory'],
    ['huge', 'too-large'],
  ] as const)('refuses a %s (%s) without blocking', (kind, reason) => {
    const p = make(dir, `x-${kind}`, kind, MAX_SECRET_BYTES);
    expect(readRegularFile(p, MAX_SECRET_BYTES)).toMatchObject({ ok: false, reason });
  });

  it('reads a regular file up to the bound, and says which file is missing', () => {
    const p = path.join(dir, 'ok');
    fs.writeFileSync(p, 'x'.repeat(10));
    const r = readRegularFile(p, 10);
    expect(r.ok && r.data.toString()).toBe('x'.repeat(10));
    expect(readRegularFile(p, 9)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readRegularFile(path.join(dir, 'nope'), 10)).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('the compiled script refuses the same on the host that runs it', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const maybe = isRoot ? it.each : it.skip.each;

  maybe(['fifo', 'device', 'directory', 'huge'] as const)(
    'stops in pre-flight (exit 3) when a secret or input has become a %s',
    async (kind) => {
      const dib = createFakeDib();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-kinds-sh-'));
      try {
        const archive = Buffer.from('an image archive\n');
        fs.writeFileSync(path.join(dir, 'secret'), 'pw\n');
        fs.writeFileSync(path.join(dir, 'db.tar'), archive);
        const recipe = {
          ...BASE,
          datastore: { ...BASE.datastore, images: [{ file: 'db.tar', sha256: createHash('sha256').update(archive).digest('hex') }] },
          access: { user: 'dev', password: { file: 'secret' } },
          output: { directory: 'out' },
        };
        fs.writeFileSync(path.join(dir, 'r.yaml'), dump(recipe));
        const compiled = await runCli(['compile', 'r.yaml', '-o', 'build.sh'], { cwd: dir });
        expect(compiled.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'build.sh'), 'utf8')).toContain(`"$(wc -c < "$secret_file")" -gt ${MAX_SECRET_BYTES} ]`);
        for (const target of ['secret', 'db.tar']) {
          if (kind === 'huge' && target === 'db.tar') continue; // inputs may be large (base images are)
          make(dir, 'secret', 'file', 0);
          fs.rmSync(path.join(dir, 'db.tar'), { recursive: true, force: true });
          fs.writeFileSync(path.join(dir, 'db.tar'), archive);
          make(dir, target, kind, MAX_SECRET_BYTES);
          const started = Date.now();
          const r = runScript(path.join(dir, 'build.sh'), [], { cwd: dir, env: dib.env });
          expect(Date.now() - started).toBeLessThan(30000);
          expect({ target, status: r.status }).toEqual({ target, status: 3 });
          expect(r.stderr).toMatch(target === 'secret' ? /at most 64 KiB/ : /is not a readable regular file/);
        }
      } finally {
        dib.cleanup();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
