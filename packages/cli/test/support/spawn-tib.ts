import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './run-cli';

/** Runs the built CLI (bin/tib.js) in a child process: `run` needs the real process (execa, signals). */
export function spawnTib(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packages/cli/bin/tib.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 120000,
    input: options.input ?? '',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a compiled build script with bash. */
export function runScript(
  script: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', [script, ...args], { cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: 120000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
