/**
 * `--json` is for programs: every command that takes it prints exactly one JSON
 * document on stdout whatever happens — success, an invalid or unreadable recipe, a
 * usage error, an image verify cannot open — and a failure document says so with the
 * exit code (`{"ok": false, "exitCode": N, "error": …}`), diagnostics where there are
 * some. Human messages stay on stderr (validate --json prints only its report).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../src/commands/registry';
import { runCli } from './support/run-cli';
import { spawnTib } from './support/spawn-tib';

const GOOD = 'recipes/debian-bookworm-mariadb.yaml';
const BAD = 'packages/core/test/golden/broken/many-errors-at-once.yaml';
const YAML_BROKEN = 'packages/core/test/golden/broken/yaml-unclosed-flow.yaml';
/** Valid YAML, not in tib fmt's canonical layout. */
const NOT_CANONICAL = 'packages/core/test/golden/broken/bad-mirror-url.yaml';

interface FailureDoc {
  ok: false;
  exitCode: number;
  error: string;
  diagnostics?: { code: string; line?: number }[];
}

/** The one JSON document on stdout; a failure document must carry the exit code. */
function oneDocument(stdout: string, code: number): unknown {
  let doc: unknown;
  expect(() => (doc = JSON.parse(stdout))).not.toThrow();
  // validate's document is its per-recipe report, a list, in every outcome but usage errors.
  if (code !== 0 && !Array.isArray(doc)) expect(doc).toMatchObject({ ok: false, exitCode: code });
  return doc;
}

const CASES: [string, string[], number[]][] = [
  ['validate: valid', ['validate', GOOD, '--json'], [0]],
  ['validate: invalid', ['validate', BAD, '--json'], [1]],
  ['validate: no recipe matches the glob', ['validate', 'nowhere/*.yaml', '--json'], [2]],
  ['validate: unknown option', ['validate', GOOD, '--json', '--nope'], [2]],
  ['plan: valid', ['plan', GOOD, '--json'], [0]],
  ['plan: invalid', ['plan', BAD, '--json'], [1]],
  ['plan: YAML syntax error', ['plan', YAML_BROKEN, '--json'], [1]],
  ['plan: missing file', ['plan', 'nowhere.yaml', '--json'], [1]],
  ['plan: two recipes', ['plan', GOOD, GOOD, '--json'], [2]],
  ['compile --format json: valid', ['compile', GOOD, '--format', 'json'], [0]],
  ['compile --format json: invalid', ['compile', BAD, '--format', 'json'], [1]],
  ['compile --format json: missing file', ['compile', 'nowhere.yaml', '--format', 'json'], [1]],
  ['compile --format json: usage', ['compile', GOOD, GOOD, '--format', 'json'], [2]],
  ['doctor: host only', ['doctor', '--json'], [0, 3]],
  ['doctor: invalid recipe', ['doctor', BAD, '--json'], [1]],
  ['doctor: usage', ['doctor', GOOD, GOOD, '--json'], [2]],
  ['matrix: all', ['matrix', '--json'], [0]],
  ['matrix: unknown datastore', ['matrix', '--json', '--datastore', 'oracle'], [2]],
  ['elements: usage', ['elements', 'extra', '--json'], [2]],
  ['verify: no image', ['verify', 'nowhere.qcow2', '--recipe', GOOD, '--json'], [2]],
  ['verify: no --recipe', ['verify', 'nowhere.qcow2', '--json'], [2]],
  ['verify: bad --accel', ['verify', GOOD, '--recipe', GOOD, '--accel', 'x', '--json'], [2]],
  ['fmt --check: canonical', ['fmt', '--check', GOOD, '--json'], [0]],
  ['fmt --check: not canonical', ['fmt', '--check', NOT_CANONICAL, '--json'], [1]],
  ['fmt: no file', ['fmt', '--json'], [2]],
  ['schema: overlay', ['schema', 'overlay', '--path', '--json'], [0]],
  ['schema: unknown', ['schema', 'nope', '--json'], [2]],
  // run --json is a stream of events (run-json.test.ts); its usage errors are one document.
  ['run: unknown option', ['run', GOOD, '--json', '--nope'], [2]],
];

describe('--json prints one JSON document in every outcome', () => {
  it('covers every command that takes --json', () => {
    const withJson = COMMANDS.filter((c) => 'json' in c.options).map((c) => c.name);
    for (const name of withJson) expect(CASES.some(([, argv]) => argv[0] === name)).toBe(true);
  });

  it.each(CASES)('%s', async (_title, argv, codes) => {
    const r = await runCli(argv);
    expect(codes).toContain(r.code);
    const doc = oneDocument(r.stdout, r.code);
    // Exit 1 is an invalid recipe, with its diagnostics; for fmt --check, files not in canonical form.
    if (r.code === 1 && !Array.isArray(doc) && argv[0] !== 'fmt') expect((doc as FailureDoc).diagnostics?.length).toBeGreaterThan(0);
    if (r.code === 1 && argv[0] === 'fmt') expect(doc).toMatchObject({ files: [expect.objectContaining({ formatted: false })] });
    if (r.code !== 0 && !Array.isArray(doc)) expect(r.stderr).not.toBe('');
  });

  it('positions the diagnostics of an invalid recipe in the failure document', async () => {
    const r = await runCli(['plan', BAD, '--json']);
    const doc = JSON.parse(r.stdout) as FailureDoc;
    expect(doc.diagnostics?.find((d) => d.code === 'TIB2004')?.line).toBe(4);
  });

  it('verify --json: an image that cannot be opened (built CLI)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-json-'));
    try {
      const image = path.join(dir, 'garbage.qcow2');
      fs.writeFileSync(image, 'not a disk image\n');
      const r = spawnTib(['verify', image, '--recipe', GOOD, '--json'], { env: { ...process.env, TIB_VERIFY_INSPECTOR: 'loop' } });
      expect([3, 5]).toContain(r.status);
      const doc = oneDocument(r.stdout, r.status ?? -1) as FailureDoc;
      expect(doc.error).toBeTruthy();
      const bad = spawnTib(['verify', image, '--recipe', BAD, '--json']);
      expect(bad.status).toBe(1);
      expect((oneDocument(bad.stdout, 1) as FailureDoc).diagnostics?.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
