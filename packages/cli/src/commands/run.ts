import * as path from 'node:path';
import { compilePlan, registrationCommands } from '@tib/core';
import type { Plan } from '@tib/core';
import type { JsonEvents, RefusalReason, RunOutcome } from '@tib/runner';
import { EXIT } from '../exit-codes';
import { tibVersion } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { emitDiagnostics, emitInvalid, emitOutcome, emitStart } from './run-events';
import { compileInputFor } from './shared';

/** An existing image without --force is a usage matter (exit 2): the command asked for too little. */
const REFUSAL_EXIT: Readonly<Record<RefusalReason, number>> = {
  preflight: EXIT.preflight,
  'output-exists': EXIT.usage,
  'dib-failed': EXIT.dibFailed,
  interrupted: EXIT.interrupted,
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (
    args.positionals.length > 1 ||
    args.values['layers'] !== undefined ||
    args.values['layer-depth'] !== undefined ||
    args.values['jobs'] !== undefined
  ) {
    const { runMany } = await import('./run-many.js');
    return runMany(args, io);
  }
  const recipe = args.positionals[0] ?? '';
  const runner = await import('@tib/runner');
  // --json: a stream of events on stdout; everything for people goes to stderr.
  const events = args.values['json'] === true ? new runner.JsonEvents(io.stdout) : undefined;
  const compiled = compilePlan(compileInputFor(recipe, args, io, 'run'), nodeHost(io.cwd));
  printDiagnostics(io, compiled.files, compiled.diagnostics);
  if (events) emitDiagnostics(events, compiled.files, compiled.diagnostics);
  if (!compiled.ok) {
    if (events) emitInvalid(events, compiled.files, compiled.diagnostics, EXIT.invalidRecipe);
    return EXIT.invalidRecipe;
  }
  if (events) emitStart(events, compiled.plan, tibVersion());
  try {
    return await build(args, io, compiled.plan, compiled.recipe, runner, events);
  } catch (err) {
    events?.emit('error', { message: err instanceof Error ? err.message : String(err), exitCode: EXIT.internal });
    throw err;
  }
}

async function build(
  args: ParsedArgs,
  io: Io,
  plan: Plan,
  recipeValue: unknown,
  { runBuild, nodeBuildHost }: typeof import('@tib/runner'),
  events: JsonEvents | undefined,
): Promise<number> {
  const outcome = await runBuild({
    plan,
    recipeValue,
    host: nodeBuildHost(io.env),
    cwd: io.cwd,
    tibVersion: tibVersion(),
    ...(typeof args.values['out'] === 'string' ? { out: args.values['out'] } : {}),
    ...(typeof args.values['log'] === 'string' ? { logFile: args.values['log'] } : {}),
    force: args.values['force'] === true,
    offline: args.values['offline'] === true,
    dryRun: args.values['dry-run'] === true,
    keepWorkdir: args.values['keep-workdir'] === true,
    stderr: io.stderr,
    // A dry run prints what it would do; with --json that is for people, on stderr.
    stdout: events ? io.stderr : io.stdout,
    tty: Boolean(io.stderr.isTTY),
    ...(events ? { events } : {}),
  });
  const code = report(outcome, plan, io);
  const verifyCode = code === EXIT.ok && args.values['verify'] === true ? await verifyBuilt(outcome, plan, args, io, events) : undefined;
  const exitCode = verifyCode ?? code;
  if (events) emitOutcome(events, outcome, exitCode, verifyCode === undefined ? undefined : verifyCode === EXIT.ok);
  return exitCode;
}

/** tib run --verify: the exit code of verifying the image just built (its report on stderr with --json). */
async function verifyBuilt(
  outcome: RunOutcome,
  plan: Plan,
  args: ParsedArgs,
  io: Io,
  events: JsonEvents | undefined,
): Promise<number | undefined> {
  const image = outcome.kind === 'built' || outcome.kind === 'up-to-date' ? outcome.manifest.outputs[0]?.path : undefined;
  if (!image) return undefined;
  const verify = (await import('./verify.js')) as {
    verifyAfterRun?: (plan: Plan, image: string, boot: boolean, io: Io) => Promise<number>;
  };
  if (!verify.verifyAfterRun) {
    write(io.stderr, 'tib run --verify: this tib build has no verify command');
    return EXIT.internal;
  }
  return verify.verifyAfterRun(plan, image, args.values['boot'] === true, events ? { ...io, stdout: io.stderr } : io);
}

function report(outcome: RunOutcome, plan: Plan, io: Io): number {
  switch (outcome.kind) {
    case 'dry-run':
      // The status the build would stop with, as the dry run printed it.
      return outcome.wouldStop ? REFUSAL_EXIT[outcome.wouldStop] : EXIT.ok;
    case 'up-to-date': {
      const m = outcome.manifest;
      write(
        io.stderr,
        `${m.outputs.map((o) => o.path).join(', ')} is up to date (built ${m.finishedAt}, same recipe, inputs, elements, tib and DIB); --force rebuilds`,
      );
      return EXIT.ok;
    }
    case 'refused':
      printDiagnostics(io, [], outcome.diagnostics);
      if (outcome.logFile) write(io.stderr, `full log: ${outcome.logFile}`);
      if (outcome.reason === 'interrupted')
        write(io.stderr, 'interrupted: DIB was stopped and cleaned up; no image was written, an existing one was kept');
      return REFUSAL_EXIT[outcome.reason];
    case 'built': {
      const m = outcome.manifest;
      for (const o of m.outputs) write(io.stderr, `built ${o.path} (${(o.size / 1024 ** 2).toFixed(0)} MiB, sha256 ${o.sha256})`);
      write(
        io.stderr,
        `in ${Math.floor(m.timings.totalSeconds / 60)} min ${Math.round(m.timings.totalSeconds % 60)} s; manifest ${outcome.manifestFile}`,
      );
      write(io.stderr, '');
      write(io.stderr, 'The Trove controller needs, for this image:');
      for (const s of plan.controller.settings) write(io.stderr, `  ${s.file} [${s.section}] ${s.key} = ${s.value}`);
      for (const n of plan.controller.notes) write(io.stderr, `  note: ${n}`);
      write(io.stderr, 'Upload and register it:');
      const image = m.outputs[0]?.path ?? '';
      const shown = path.relative(io.cwd, image);
      for (const c of registrationCommands(plan.controller.registration, shown.startsWith('..') ? image : shown))
        write(io.stderr, `  ${c}`);
      return EXIT.ok;
    }
  }
}
