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

describe("after source-repositories: the checkout names the recipe's repository, not the build host's cache", () => {
  const TIDY = path.join(REPO_ROOT, 'elements/tib-agent-venv/extra-data.d/99-tib-agent-git-tidy');
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-tidy-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A checkout cloned (and fetched) from a "cache" repository, the way source-repositories leaves it. */
  const checkout = (name: string) => {
    const cache = path.join(dir, name, 'cache', 'source-repositories', 'guest_agent_0123');
    fs.mkdirSync(cache, { recursive: true });
    git(cache, 'init', '-q', '-b', 'stable/ussuri');
    fs.writeFileSync(path.join(cache, 'setup.py'), '');
    git(cache, 'add', '-A');
    git(cache, 'commit', '-q', '-m', 'one');
    const root = path.join(dir, name, 'mnt');
    const src = path.join(root, 'opt/guest-agent');
    fs.mkdirSync(path.dirname(src), { recursive: true });
    git(path.dirname(src), 'clone', '-q', cache, src);
    git(src, 'fetch', '-q', 'origin');
    const hooks = path.join(dir, name, 'hooks');
    fs.mkdirSync(hooks);
    return { cache, root, src, hooks };
  };
  const tidy = (c: ReturnType<typeof checkout>, lines: string[], env: Record<string, string> = {}) => {
    fs.writeFileSync(path.join(c.hooks, 'source-repository-tib-guest-agent'), `${lines.join('\n')}\n`);
    return spawnSync('bash', [TIDY], {
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        TMP_HOOKS_PATH: c.hooks,
        TMP_MOUNT_PATH: c.root,
        TIB_AGENT_SOURCE: 'git',
        TIB_AGENT_SOURCE_DIR: '/opt/guest-agent',
        ...env,
      },
    });
  };
  const hostPathIn = (c: ReturnType<typeof checkout>) =>
    spawnSync('grep', ['-rl', '--exclude-dir=objects', c.cache, path.join(c.src, '.git')], { encoding: 'utf8' }).stdout;

  test('origin is the location of the repository file; FETCH_HEAD and reflogs are gone; the commit stays', () => {
    const c = checkout('plain');
    const head = git(c.src, 'rev-parse', 'HEAD');
    expect(hostPathIn(c)).not.toBe('');
    const r = tidy(c, [
      'upper-constraints file /opt/uc.txt https://example.invalid/uc.txt',
      'guest-agent git /opt/guest-agent https://opendev.org/openstack/trove 13.0.1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(git(c.src, 'remote', 'get-url', 'origin')).toBe('https://opendev.org/openstack/trove');
    expect(fs.existsSync(path.join(c.src, '.git/FETCH_HEAD'))).toBe(false);
    expect(fs.existsSync(path.join(c.src, '.git/logs'))).toBe(false);
    expect(hostPathIn(c)).toBe('');
    expect(git(c.src, 'rev-parse', 'HEAD')).toBe(head);
  });

  test('DIB_REPOLOCATION_guest_agent, where set, is the location', () => {
    const c = checkout('override');
    const r = tidy(c, ['guest-agent git /opt/guest-agent https://opendev.org/openstack/trove 13.0.1'], {
      DIB_REPOLOCATION_guest_agent: 'https://mirror.example/trove.git',
    });
    expect(r.status).toBe(0);
    expect(git(c.src, 'remote', 'get-url', 'origin')).toBe('https://mirror.example/trove.git');
  });

  test('a local agent tree: nothing to do', () => {
    const c = checkout('local');
    const r = tidy(c, [], { TIB_AGENT_SOURCE: 'local' });
    expect(r.status).toBe(0);
    expect(git(c.src, 'remote', 'get-url', 'origin')).toBe(c.cache);
  });

  test('no guest-agent line and no override: a clear error', () => {
    const c = checkout('noline');
    const r = tidy(c, ['upper-constraints file /opt/uc.txt https://example.invalid/uc.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('tib-agent-venv: no location for the guest-agent repository\n');
  });
});
