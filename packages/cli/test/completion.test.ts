/**
 * `tib completion bash|zsh`: the scripts pass bash -n, shellcheck and zsh -n, and
 * complete what they should: the bash function called as bash calls it (COMP_WORDS split
 * at `=` as bash splits them), the zsh one in a real interactive zsh on a pty.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../src/commands/registry';
import { hasPositionals } from '../src/completion/model';
import { REPO_ROOT, runCli } from './support/run-cli';

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let dir: string;
const scripts: Record<string, string> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-completion-'));
  for (const shell of ['bash', 'zsh']) {
    const r = await runCli(['completion', shell]);
    expect(r.code).toBe(0);
    scripts[shell] = path.join(dir, `tib.${shell}`);
    fs.writeFileSync(scripts[shell]!, r.stdout);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('knows what every command takes as arguments', () => {
  expect(COMMANDS.filter((c) => !hasPositionals(c.name)).map((c) => c.name)).toEqual([]);
  expect((async () => (await runCli(['completion', 'fish'])).code)()).resolves.toBe(2);
});

describe('bash', () => {
  it('passes bash -n and shellcheck', () => {
    expect(spawnSync('bash', ['-n', scripts['bash']!], { encoding: 'utf8' }).stderr).toBe('');
    const sc = spawnSync('shellcheck', ['-s', 'bash', scripts['bash']!], { encoding: 'utf8' });
    expect(sc.stdout).toBe('');
    expect(sc.status).toBe(0);
  });

  /** [the line up to the cursor, the words bash makes of it] -> the sorted replies. */
  const cases: [string, string[], string[]][] = [
    ['tib ', ['tib', ''], COMMANDS.map((c) => c.name).sort()],
    ['tib com', ['tib', 'com'], ['compile', 'completion']],
    ['tib -', ['tib', '-'], ['--help', '--version', '-V', '-h']],
    ['tib run --d', ['tib', 'run', '--d'], ['--dry-run']],
    ['tib compile --format ', ['tib', 'compile', '--format', ''], ['json', 'sh']],
    ['tib validate --set base.ar', ['tib', 'validate', '--set', 'base.ar'], ['base.arch=']],
    ['tib validate --set base.arch=', ['tib', 'validate', '--set', 'base.arch', '='], ['=amd64', '=arm64']],
    ['tib validate --set base.arch=a', ['tib', 'validate', '--set', 'base.arch', '=', 'a'], ['amd64', 'arm64']],
    ['tib plan r.yaml --set purpose=dev', ['tib', 'plan', 'r.yaml', '--set', 'purpose', '=', 'dev'], ['development']],
    [
      'tib compile recipes/env/',
      ['tib', 'compile', 'recipes/env/'],
      ['recipes/env/base.yaml', 'recipes/env/dev.yaml', 'recipes/env/keys', 'recipes/env/prod.yaml'],
    ],
    ['tib compile recipes/env/dev.yaml ', ['tib', 'compile', 'recipes/env/dev.yaml', ''], []],
    ['tib fmt --check recipes/env/b', ['tib', 'fmt', '--check', 'recipes/env/b'], ['recipes/env/base.yaml']],
    ['tib controller ', ['tib', 'controller', ''], ['prepare', 'templates']],
    ['tib verify image.qcow2 --accel ', ['tib', 'verify', 'image.qcow2', '--accel', ''], ['kvm', 'tcg']],
    ['tib init --distro ', ['tib', 'init', '--distro', ''], ['centos', 'debian', 'fedora', 'rhel', 'ubuntu']],
    ['tib completion ', ['tib', 'completion', ''], ['bash', 'zsh']],
  ];

  it('completes commands, flags, recipe files, --set keys and values', () => {
    const calls = cases.map(([line, words]) => `t ${q(line)} ${words.map(q).join(' ')}`);
    const harness = [
      `source ${q(scripts['bash']!)}`,
      't() { COMP_LINE=$1; COMP_POINT=${#1}; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tib; printf "%s\\n" "${COMPREPLY[@]}" | LC_ALL=C sort; echo --; }',
      ...calls,
    ].join('\n');
    const r = spawnSync('bash', ['-c', harness], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = r.stdout.split('--\n').map((block) => block.split('\n').filter((l) => l !== ''));
    expect(cases.map(([line], i) => [line, got[i]])).toEqual(cases.map(([line, , want]) => [line, want]));
  });
});

(has('zsh') ? describe : describe.skip)('zsh', () => {
  it('passes zsh -n', () => {
    expect(spawnSync('zsh', ['-n', scripts['zsh']!], { encoding: 'utf8' }).stderr).toBe('');
  });

  it('completes in an interactive zsh', () => {
    const cases: [string, string[]][] = [
      ['tib com', ['compile', 'completion']],
      ['tib compile --format ', ['json', 'sh']],
      ['tib validate --set base.ar', ['base.arch']],
      ['tib validate --set base.arch=', ['amd64', 'arm64']],
      ['tib plan r.yaml --set purpose=dev', ['development']],
      ['tib controller ', ['prepare', 'templates']],
      ['tib schema ', ['manifest', 'overlay', 'recipe', 'run-events']],
    ];
    const r = spawnSync('zsh', ['-f', path.join(__dirname, 'support', 'zsh-complete.zsh'), scripts['zsh']!, ...cases.map(([l]) => l)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    const got = r.stdout.split('--\n').map((block) => block.split('\n').filter((l) => l !== ''));
    expect(cases.map(([line], i) => [line, got[i]])).toEqual(cases);
    const files = spawnSync(
      'zsh',
      ['-f', path.join(__dirname, 'support', 'zsh-complete.zsh'), scripts['zsh']!, 'tib compile recipes/env/'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(files.stdout).toMatch(/base\.yaml[\s\S]*dev\.yaml[\s\S]*prod\.yaml/);
    expect(files.stdout).not.toMatch(/dev\.pub/);
  });
});
