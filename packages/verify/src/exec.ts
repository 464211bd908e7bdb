/**
 * Every external command verify runs goes through here: an argument array (never a
 * shell string), a timeout, and an error that says which tool failed and how. Secret
 * values are never put in an argument list.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { importEsm } from '@tib/core';

export interface ToolResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface ToolOptions {
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Text for the tool's stdin. */
  readonly input?: string;
  /** Resolve with the exit code instead of throwing when the tool fails. */
  readonly allowFailure?: boolean;
  readonly cwd?: string;
}

/** A tool failed; the message is safe to show to a user. */
export class ToolError extends Error {}

/** A tool verify needs is not installed: a host problem, not the image's. */
export class MissingToolError extends ToolError {}

type Execa = typeof import('execa', { with: { 'resolution-mode': 'import' } });

let execaModule: Promise<Execa> | undefined;
export function loadExeca(): Promise<Execa> {
  execaModule ??= importEsm<Execa>('execa');
  return execaModule;
}

export async function runTool(command: string, args: readonly string[], options: ToolOptions): Promise<ToolResult> {
  const { execa } = await loadExeca();
  const r = await execa(command, [...args], {
    timeout: options.timeoutMs,
    reject: false,
    env: options.env ?? process.env,
    extendEnv: false,
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stripFinalNewline: false,
    forceKillAfterDelay: 5000,
  });
  const stdout = typeof r.stdout === 'string' ? r.stdout : '';
  const stderr = typeof r.stderr === 'string' ? r.stderr : '';
  const exitCode = r.exitCode ?? -1;
  if (r.timedOut) throw new ToolError(`${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s`);
  if (r.failed && r.exitCode === undefined) {
    if (/ENOENT/.test(r.message ?? '')) throw new MissingToolError(`${command} is not installed (not found in PATH)`);
    throw new ToolError(`${command} could not run: ${r.shortMessage ?? r.message}`);
  }
  if (exitCode !== 0 && !options.allowFailure) {
    throw new ToolError(`${command} ${args.slice(0, 3).join(' ')}… failed (exit ${exitCode}): ${lastLines(stderr || stdout)}`);
  }
  return { stdout, stderr, exitCode };
}

export function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ').slice(0, 400);
}

/** Whether a command is on PATH (without running it). */
export async function haveTool(command: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  for (const dir of (env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    if (dir === '') continue;
    try {
      await access(`${dir}/${command}`, constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}
