/**
 * The compiled script and `tib run` agree on checksums for every file name, including
 * the ones sha256sum escapes (a backslash, a line break or a carriage return makes it
 * print `\<hash>  <name with \\, \n, \r>`): the hash of an input, the checksum line of
 * a SHA256SUMS or .sha256 file, and the hash a publisher's checksum list gives for a
 * name. Both are compared with coreutils' sha256sum itself, the format DIB and users
 * check with.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { findChecksum, sha256sumLine } from '@tib/runner';
import { createFakeDib } from './support/fake-dib';
import { REPO_ROOT, runCli } from './support/run-cli';
import { runScript, spawnTib } from './support/spawn-tib';

/** File names with what sha256sum escapes, and what else lists and shells trip over. */
const fileName = fc
  .array(
    fc.oneof(
      fc.constantFrom('\\', '\n', '\r', ' ', '*', '(', ')', '=', "'", '"', '$', 'é', '\u{1F600}'),
      fc.constantFrom('a', 'b', '.', '-'),
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((chars) => chars.join(''))
  // ("-" is stdin to sha256sum even after --, so it cannot be the reference for that name.)
  .filter((n) => n !== '.' && n !== '..' && n !== '-' && !/^[ \n\r]|[ \n\r]$/.test(n));

/** The checksum functions of a compiled script, sourced into bash. */
function scriptFunctions(): string {
  const script = execFileSync(process.execPath, [path.join(REPO_ROOT, 'packages/cli/bin/tib.js'), 'compile', 'recipes/rhel-9-mysql.yaml'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const fn = (name: string) => {
    const m = new RegExp(`^${name}\\(\\) \\{\\n[\\s\\S]*?\\n\\}\\n`, 'm').exec(script);
    if (!m) throw new Error(`the script defines no ${name}()`);
    return m[0];
  };
  return ['sha256_of', 'sha256sum_line', 'unescape_name', 'checksum_for'].map(fn).join('\n');
}

function bash(functions: string, body: string, args: string[], cwd: string): Buffer {
  return execFileSync('bash', ['-c', `set -euo pipefail\n${functions}\n${body}`, 'bash', ...args], { cwd });
}

describe('checksums for names sha256sum escapes', () => {
  let dir: string;
  let functions: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-sums-'));
    functions = scriptFunctions();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hash a file, and write its checksum line, exactly as sha256sum does (property)', () => {
    fc.assert(
      fc.property(fileName, fc.uint8Array({ maxLength: 64 }), (name, content) => {
        fs.writeFileSync(path.join(dir, name), content);
        try {
          const hash = createHash('sha256').update(content).digest('hex');
          const coreutils = execFileSync('sha256sum', ['--', name], { cwd: dir }).toString('utf8');
          expect(bash(functions, 'sha256_of "$1"', [name], dir).toString().trim()).toBe(hash);
          expect(sha256sumLine(hash, name)).toBe(coreutils);
          expect(bash(functions, 'sha256sum_line "$1" "$2"', [hash, name], dir).toString('utf8')).toBe(coreutils);
        } finally {
          fs.rmSync(path.join(dir, name));
        }
      }),
      { numRuns: 30 },
    );
  });

  it("find a name's hash in a checksum list written by sha256sum, GNU or BSD style (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fileName, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), (names, tag, crlf) => {
        const sub = fs.mkdtempSync(path.join(dir, 'list-'));
        try {
          names.forEach((n, i) => fs.writeFileSync(path.join(sub, n), `content ${i}`));
          let list = execFileSync('sha256sum', [...(tag ? ['--tag'] : []), '--', ...names], { cwd: sub }).toString('utf8');
          if (crlf) list = list.replace(/\n/g, '\r\n');
          fs.writeFileSync(path.join(dir, `${path.basename(sub)}.sums`), list);
          for (const [i, name] of names.entries()) {
            const expected = createHash('sha256').update(`content ${i}`).digest('hex');
            expect(findChecksum(list, name)).toBe(expected);
            const fromScript = spawnSync('bash', ['-c', `${functions}\nchecksum_for "$1" "$2"`, 'bash', `${sub}.sums`, name]);
            expect(fromScript.stdout.toString('utf8').trim()).toBe(expected);
          }
          expect(findChecksum(list, 'not-listed')).toBeUndefined();
        } finally {
          fs.rmSync(sub, { recursive: true, force: true });
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('build.sh and tib run with a backslash in an input name', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const maybe = isRoot ? it : it.skip;

  maybe('both accept the input (its sha256 matches) and hand DIB the same SHA256SUMS for a local base image', async () => {
    const dib = createFakeDib();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-sums-e2e-'));
    try {
      const image = Buffer.from('an ubuntu cloud image, as far as this test is concerned\n');
      const archive = Buffer.from('an image archive\n');
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      fs.writeFileSync(path.join(dir, 'jammy\\local.squashfs'), image);
      fs.writeFileSync(path.join(dir, 'db\\x.tar'), archive);
      const recipe = {
        tib: 1,
        name: 'sums',
        base: { distro: 'ubuntu', release: 'jammy', image: { source: 'local', path: 'jammy\\local.squashfs', sha256: sha(image) } },
        datastore: { type: 'mysql', version: '8.0', images: [{ file: 'db\\x.tar', sha256: sha(archive) }] },
        guestagent: { source: 'package' },
        output: { directory: 'out' },
      };
      fs.writeFileSync(path.join(dir, 'r.yaml'), dump(recipe));
      const compiled = await runCli(['compile', 'r.yaml', '-o', 'build.sh'], { cwd: dir });
      expect(compiled.stderr).not.toMatch(/error/);
      const env = { ...dib.env, TIB_CACHE_DIR: path.join(dir, 'cache') };

      const script = runScript(path.join(dir, 'build.sh'), ['--out', path.join(dir, 'by-script')], { cwd: dir, env });
      expect(script.stderr).not.toMatch(/sha256 of .* is not/);
      expect(script.status).toBe(0);
      const fromScript = dib.record().sums;

      const run = spawnTib(['run', 'r.yaml', '--out', path.join(dir, 'by-run')], { cwd: dir, env });
      expect(run.stderr).not.toMatch(/TIB5012/);
      expect(run.status).toBe(0);
      const fromRun = dib.record().sums;

      const coreutils = execFileSync('sha256sum', ['--', 'jammy\\local.squashfs'], { cwd: dir }).toString('utf8');
      expect(fromScript).toBe(coreutils);
      expect(fromRun).toBe(coreutils);
    } finally {
      dib.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
