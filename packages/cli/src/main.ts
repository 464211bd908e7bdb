import { commandHelp, parseCommandArgs } from './args';
import type { CommandSpec } from './commands/command';
import { COMMANDS } from './commands/registry';
import { toJson } from './commands/shared';
import { EXIT, ExitError, UsageError } from './exit-codes';
import { tibVersion } from './installation';
import type { Io } from './io';
import { write } from './io';
import { failureDoc, trackOutput, wantsJson } from './json-output';

const TOP_HELP =
  (): string => `tib ${tibVersion()} — Trove Image Builder: declarative recipes for OpenStack Trove guest images, built with diskimage-builder

Usage: tib <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'tib <command> --help' for a command's options.
Exit codes: 0 ok, 1 invalid recipe, 2 usage, 3 host pre-flight failed, 4 DIB failed,
5 verification failed, 70 internal error, 130 interrupted.
`;

/**
 * The whole CLI as a function: argv in, exit status out. The only place that turns
 * errors into exit codes; nothing below it calls process.exit.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    write(io.stdout, TOP_HELP());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    write(io.stdout, tibVersion());
    return EXIT.ok;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (spec && wantsJson(spec, rest)) {
    // Whatever happens, a program asking for JSON gets a JSON document on stdout.
    const tracked = trackOutput(io);
    const code = await dispatch(spec, name, rest, tracked.io);
    if (code !== EXIT.ok && !tracked.wroteStdout()) write(io.stdout, toJson(failureDoc(code, tracked.stderrText() || `exit ${code}`)));
    return code;
  }
  return dispatch(spec, name, rest, io);
}

async function dispatch(spec: CommandSpec | undefined, name: string, rest: readonly string[], io: Io): Promise<number> {
  try {
    if (!spec) throw new UsageError(`unknown command '${name}'`);
    const args = parseCommandArgs(spec, rest);
    if (args.values['help']) {
      write(io.stdout, commandHelp(spec));
      return EXIT.ok;
    }
    const command = await spec.load();
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      write(io.stderr, `tib: ${err.message}\n(see 'tib ${spec ? `${spec.name} ` : ''}--help')`);
      return EXIT.usage;
    }
    if (err instanceof ExitError) return err.code;
    const detail = err instanceof Error ? err.message : String(err);
    write(
      io.stderr,
      `tib: internal error: ${detail}\nThis is a bug in tib ${tibVersion()}; please report it with the command you ran.${io.env['TIB_DEBUG'] && err instanceof Error && err.stack ? `\n${err.stack}` : ''}`,
    );
    return EXIT.internal;
  }
}

/** Entry point for bin/tib.js. */
export function run(): void {
  // `tib plan … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`tib: internal error: ${String(err)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
