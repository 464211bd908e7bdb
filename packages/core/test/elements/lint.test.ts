/**
 * tib's elements follow DIB's rules (reference A.3; bin/dib-lint): every script passes
 * shellcheck -x; tib's own checker states each rule with the file that breaks it; and the
 * real dib-lint of the installed DIB runs over elements/ as well.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ELEMENTS_DIR, REPO_ROOT } from './support';

const PHASES = [
  'root.d',
  'extra-data.d',
  'pre-install.d',
  'install.d',
  'post-install.d',
  'post-root.d',
  'block-device.d',
  'pre-finalise.d',
  'finalise.d',
  'cleanup.d',
];
const elements = fs
  .readdirSync(ELEMENTS_DIR)
  .filter((e) => fs.statSync(path.join(ELEMENTS_DIR, e)).isDirectory())
  .sort();

function filesOf(element: string): string[] {
  const root = path.join(ELEMENTS_DIR, element);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
}
const all = elements.flatMap((e) => filesOf(e).map((f) => ({ element: e, rel: f, abs: path.join(ELEMENTS_DIR, e, f) })));
const phaseScripts = all.filter((f) => PHASES.includes(path.dirname(f.rel)));
const shellFiles = all.filter((f) => /^#!\/bin\/(ba)?sh/.test(fs.readFileSync(f.abs, 'utf8')) || f.rel.endsWith('.bash'));

describe('shellcheck', () => {
  it('passes on every element script and sourced file', () => {
    expect(shellFiles.length).toBeGreaterThan(30);
    const sc = spawnSync('shellcheck', ['-x', '-S', 'style', ...shellFiles.map((f) => f.abs)], { encoding: 'utf8', cwd: ELEMENTS_DIR });
    expect(sc.error).toBeUndefined();
    expect(sc.stdout).toBe('');
    expect(sc.status).toBe(0);
  });
});

/** DIB's conventions, one check per rule; returns the problems of one file. */
export function lintFile(rel: string, text: string, mode: number): string[] {
  const problems: string[] = [];
  const dir = path.dirname(rel);
  const name = path.basename(rel);
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const disabled = (rule: string) => lines.some((l) => l.startsWith('# dib-lint: disable=') && l.includes(rule));
  if (PHASES.includes(dir)) {
    if (!/^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
      problems.push('phase script names are NN-name without dots (DIB skips others silently)');
    if ((mode & 0o111) === 0) problems.push('phase scripts must be executable');
    if (first !== '#!/bin/bash') problems.push('phase scripts start with #!/bin/bash');
  }
  if (dir === 'environment.d') {
    if ((mode & 0o111) !== 0) problems.push('environment.d files are sourced and must not be executable');
    if (/set -[a-z]*x/.test(text)) problems.push('environment.d must not set tracing');
  }
  if (first.startsWith('#!')) {
    if ((mode & 0o111) === 0) problems.push('scripts with a shebang are executable');
    if (first === '#!/bin/bash') {
      if (!disabled('dibdebugtrace')) {
        const stanza = 'if [ "${DIB_DEBUG_TRACE:-0}" -gt 0 ]; then\n    set -x\nfi\nset -eu\nset -o pipefail\n';
        if (!text.includes(stanza)) problems.push('the DIB_DEBUG_TRACE stanza, then set -eu and set -o pipefail');
      } else {
        if (/^set -[a-z]*x/m.test(text)) problems.push('a script that disables dibdebugtrace handles secrets: no set -x at all');
        if (!/^set -eu$/m.test(text) || !/^set -o pipefail$/m.test(text)) problems.push('set -eu and set -o pipefail');
      }
    }
  }
  lines.forEach((line, i) => {
    if (/^ *\t/.test(line)) problems.push(`line ${i + 1}: tab indentation`);
    if (first.startsWith('#!') && /^( {4})* {1,3}[^ ]/.test(line) && !/^\s*#/.test(line))
      problems.push(`line ${i + 1}: indent by 4 spaces`);
    if (/(^|[^a-z_-])which /.test(line) && !/^\s*#/.test(line)) problems.push(`line ${i + 1}: no which (use command -v)`);
    if (/export [A-Za-z_][A-Za-z0-9_]*=\$\(/.test(line)) problems.push(`line ${i + 1}: split export and assignment`);
  });
  if (name === 'element-deps') {
    const deps = lines.filter((l) => l !== '' && !l.startsWith('#'));
    if (deps.join('\n') !== [...deps].sort().join('\n')) problems.push('element-deps must be sorted');
  }
  if (text !== '' && !text.endsWith('\n')) problems.push('files end with a newline');
  return problems;
}

describe("tib's dib-lint rules", () => {
  it.each(elements)('%s has a README.rst', (element) => {
    expect(fs.existsSync(path.join(ELEMENTS_DIR, element, 'README.rst'))).toBe(true);
  });

  it.each(all.filter((f) => !f.rel.endsWith('.rst')).map((f) => [`${f.element}/${f.rel}`, f] as const))('%s', (_, f) => {
    expect(lintFile(f.rel, fs.readFileSync(f.abs, 'utf8'), fs.statSync(f.abs).mode)).toEqual([]);
  });

  it('no two elements ship a hook of the same phase and name (DIB stops on duplicates)', () => {
    const seen = new Map<string, string>();
    for (const f of phaseScripts) {
      const key = f.rel;
      expect([key, seen.get(key) ?? f.element]).toEqual([key, f.element]);
      seen.set(key, f.element);
    }
  });

  it('the checker catches what it claims to', () => {
    const ok = '#!/bin/bash\n\nif [ "${DIB_DEBUG_TRACE:-0}" -gt 0 ]; then\n    set -x\nfi\nset -eu\nset -o pipefail\n\ntrue\n';
    expect(lintFile('install.d/10-ok', ok, 0o755)).toEqual([]);
    expect(lintFile('install.d/10-ok.sh', ok, 0o755)[0]).toMatch(/without dots/);
    expect(lintFile('install.d/10-ok', ok, 0o644)).toContain('phase scripts must be executable');
    expect(lintFile('install.d/10-ok', ok.replace('set -eu\n', ''), 0o755)[0]).toMatch(/DIB_DEBUG_TRACE stanza/);
    expect(lintFile('install.d/10-ok', `${ok}x=$(which ls)\n`, 0o755)).toEqual(['line 10: no which (use command -v)']);
    expect(lintFile('install.d/10-ok', `${ok}export A=$(date)\n`, 0o755)).toEqual(['line 10: split export and assignment']);
    expect(lintFile('install.d/10-ok', `${ok}if true; then\n  true\nfi\n`, 0o755)).toEqual(['line 11: indent by 4 spaces']);
    expect(lintFile('environment.d/10-x.bash', 'set -x\nexport A=1\n', 0o755)).toHaveLength(2);
    expect(lintFile('element-deps', 'b\na\n', 0o644)).toEqual(['element-deps must be sorted']);
    expect(lintFile('install.d/10-s', '#!/bin/bash\n# dib-lint: disable=dibdebugtrace\nset -eux\nset -o pipefail\n', 0o755)).toContain(
      'a script that disables dibdebugtrace handles secrets: no set -x at all',
    );
  });
});

describe("DIB's own dib-lint", () => {
  const dibLint = '/usr/bin/dib-lint';
  const available = fs.existsSync(dibLint);
  (available ? it : it.skip)('passes over elements/ (run from the checkout root)', () => {
    // dib-lint calls `python` (Debian: python-is-python3); provide one if the host has only python3.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-dib-lint-'));
    const python3 = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim();
    if (python3) fs.symlinkSync(python3, path.join(bin, 'python'));
    const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-dib-lint-lib-'));
    const run = spawnSync(dibLint, [], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELEMENTS_DIR: 'elements', LIB_DIR: lib, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    });
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('ERROR'));
    expect(errors).toEqual([]);
    expect(run.stdout).toContain('PASS');
    expect(run.status).toBe(0);
  });
});
