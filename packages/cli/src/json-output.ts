import type { Diagnostic, SourceFile } from '@tib/core';
import type { CommandSpec } from './commands/command';
import type { Io } from './io';
import { diagnosticsJson } from './print-diagnostics';

/**
 * `--json` output is for programs, so every outcome of a command that takes it is one
 * JSON document on stdout: its normal document on success, else this failure document
 * with the exit code, what went wrong, and the diagnostics where there are some.
 */
export function failureDoc(exitCode: number, error: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ok: false, exitCode, error, ...extra };
}

/** The failure document of an invalid recipe: its positioned diagnostics. */
export function invalidRecipeDoc(
  recipe: string,
  files: readonly SourceFile[],
  diagnostics: readonly Diagnostic[],
): Record<string, unknown> {
  return failureDoc(1, `invalid recipe ${recipe}`, { recipe, diagnostics: diagnosticsJson(files, diagnostics) });
}

/** Whether this command line asks for JSON on stdout (read from the raw arguments: they may not parse). */
export function wantsJson(spec: CommandSpec, argv: readonly string[]): boolean {
  if ('json' in spec.options && argv.includes('--json')) return true;
  if (spec.name !== 'compile') return false;
  const format = argv.findIndex((a) => a === '--format');
  const json = argv.includes('--format=json') || (format >= 0 && argv[format + 1] === 'json');
  const out = argv.findIndex((a) => a === '-o' || a === '--output');
  return json && (out < 0 || argv[out + 1] === '-');
}

/** Io whose stdout remembers whether anything was written, and whose stderr what was. */
export function trackOutput(io: Io): { io: Io; wroteStdout: () => boolean; stderrText: () => string } {
  let wrote = false;
  let errText = '';
  const tap = <S extends NodeJS.WritableStream>(stream: S, onWrite: (chunk: unknown) => void): S =>
    new Proxy(stream, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop === 'write')
          return (chunk: unknown, ...rest: unknown[]) => {
            onWrite(chunk);
            return (target.write as (...a: unknown[]) => boolean)(chunk, ...rest);
          };
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const tracked: Io = {
    ...io,
    stdout: tap(io.stdout, () => (wrote = true)),
    stderr: tap(io.stderr, (chunk) => {
      if (errText.length < 4096) errText += String(chunk);
    }),
  };
  return { io: tracked, wroteStdout: () => wrote, stderrText: () => errText.trim() };
}
