import * as path from 'node:path';
import { compilePlan, registrationCommands } from '@tib/core';
import type { Plan } from '@tib/core';
import type { RefusalReason, RunOutcome } from '@tib/runner';
import { EXIT } from '../exit-codes';
import { tibVersion } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor } from './shared';

/** An existing image without --force is a usage matter (exit 2): the command asked for too little. */
const REFUSAL_EXIT: Readonly<Record<RefusalReason, number>> = {
  preflight: EXIT.preflight,
  'output-exists': EXIT.usage,
  'dib-failed': EXIT.dibFailed,
  interrupted: EXIT.interrupted,
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const recipe = args.positionals[0] ?? '';
  const compiled = compilePlan(compileInputFor(recipe, args, io, 'run'), nodeHost(io.cwd));
  printDiagnostics(io, compiled.files, compiled.diagnostics);
  if (!compiled.ok) return EXIT.invalidRecipe;
  const { runBuild, nodeBuildHost } = await import('@tib/runner');
  const outcome = await runBuild({
    plan: compiled.plan,
    recipeValue: compiled.recipe,
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
    stdout: io.stdout,
    tty: Boolean(io.stderr.isTTY),
  });
  const code = report(outcome, compiled.plan, io);
  if (code !== EXIT.ok || args.values['verify'] !== true || outcome.kind === 'dry-run') return code;
  const image = outcome.kind === 'built' || outcome.kind === 'up-to-date' ? outcome.manifest.outputs[0]?.path : undefined;
  if (!image) return code;
  const verify = (await import('./verify.js')) as {
    verifyAfterRun?: (plan: Plan, image: string, boot: boolean, io: Io) => Promise<number>;
  };
  if (!verify.verifyAfterRun) {
    write(io.stderr, 'tib run --verify: this tib build has no verify command');
    return EXIT.internal;
  }
  return verify.verifyAfterRun(compiled.plan, image, args.values['boot'] === true, io);
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
