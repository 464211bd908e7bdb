import { Writable } from 'node:stream';
import * as path from 'node:path';
import { main } from '../../src/main';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** Runs `tib` in-process with captured output, from the repository root by default. */
export async function runCli(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const code = await main(argv, { stdout, stderr, env: options.env ?? { ...process.env, NO_COLOR: '1' }, cwd: options.cwd ?? REPO_ROOT });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
