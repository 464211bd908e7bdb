/**
 * tib-agent-venv's extra-data.d hook pins an annotated tag to its commit before DIB's
 * source-repositories reads the line (which cannot check out annotated tags); everything
 * else in the source-repository file stays as written. Runs the element's own script
 * against a real git repository.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './support/run-cli';

const HOOK = path.join(REPO_ROOT, 'elements/tib-agent-venv/extra-data.d/25-tib-agent-stage');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@invalid' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('an annotated tag becomes its commit before source-repositories runs', () => {
  let dir: string;
  let url: string;
  let commit: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-ref-'));
    const repo = path.join(dir, 'trove');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'stable/ussuri');
    fs.writeFileSync(path.join(repo, 'setup.py'), '');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    commit = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'tag', '-a', '-m', 'release', '13.0.1');
    git(repo, 'tag', 'light');
    url = `file://${repo}`;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (lines: string[], env: Record<string, string> = {}) => {
    const hooks = fs.mkdtempSync(path.join(dir, 'hooks-'));
    const file = path.join(hooks, 'source-repository-tib-guest-agent');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const r = spawnSync('bash', [HOOK], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', TMP_HOOKS_PATH: hooks, TIB_AGENT_SOURCE: 'git', ...env },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return { out: r.stdout, lines: fs.readFileSync(file, 'utf8').split('\n').slice(0, -1) };
  };
  const constraints = 'upper-constraints file /opt/upper-constraints.txt https://example.invalid/uc.txt';

  test('annotated tag: pinned to the commit, said so, the other lines kept', () => {
    const r = run([`guest-agent git /opt/guest-agent ${url} 13.0.1`, '', constraints]);
    expect(r.lines).toEqual([`guest-agent git /opt/guest-agent ${url} ${commit}`, '', constraints]);
    expect(r.out).toContain(`13.0.1 is an annotated tag of ${url}; checking out its commit ${commit}`);
  });

  test.each([
    ['a branch', 'stable/ussuri'],
    ['a lightweight tag', 'light'],
    ['a commit id', 'x'],
    ['a ref the remote does not have', 'nope'],
  ])('%s stays as written', (_, ref) => {
    const r = ref === 'x' ? commit : ref;
    expect(run([`guest-agent git /opt/guest-agent ${url} ${r}`]).lines).toEqual([`guest-agent git /opt/guest-agent ${url} ${r}`]);
  });

  test('DIB_REPOREF_guest_agent overrides the ref: the file is left alone', () => {
    expect(run([`guest-agent git /opt/guest-agent ${url} 13.0.1`], { DIB_REPOREF_guest_agent: 'master' }).lines).toEqual([
      `guest-agent git /opt/guest-agent ${url} 13.0.1`,
    ]);
  });
});
