/** Everything a command may touch of the process, injected so tests can drive `main`. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, stream: 'stdout' | 'stderr' = 'stderr'): boolean {
  const noColor = io.env['NO_COLOR'];
  return Boolean(io[stream].isTTY) && (noColor === undefined || noColor === '');
}
