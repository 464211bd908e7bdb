import * as fs from 'node:fs';
import * as path from 'node:path';
import { compilePlan } from '@tib/core';
import { readSecretFile } from '@tib/runner';
import type { Plan } from '@tib/core';
import { cacheDir } from '@tib/runner';
import type { ControllerChoice } from '@tib/verify';
import { formatReport, InspectError, MissingToolError, secretValuesFor, ToolError, verifyImage, VerifyInputError } from '@tib/verify';
import { EXIT, UsageError } from '../exit-codes';
import { resourceDirs } from '../installation';
import type { Io } from '../io';
import { useColor, write } from '../io';
import { nodeHost } from '../node-host';
import { failureDoc, invalidRecipeDoc } from '../json-output';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor, toJson } from './shared';

/**
 * tib verify IMAGE --recipe RECIPE [--boot] [--accel kvm|tcg] [--json]: compiles the
 * recipe to learn what the image promises, then checks the image (and boots it).
 * Exit 0 when every check passes, 5 when any fails, 1 for an invalid recipe, 2 for
 * usage errors or a missing image, 3 when this host lacks a tool verify needs.
 */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const image = args.positionals[0] ?? '';
  const recipe = args.values['recipe'];
  if (typeof recipe !== 'string' || recipe === '') throw new UsageError('--recipe RECIPE is required: the recipe the image was built from');
  const accel = args.values['accel'];
  if (accel !== undefined && accel !== 'kvm' && accel !== 'tcg') throw new UsageError(`--accel must be kvm or tcg, not '${String(accel)}'`);
  const json = args.values['json'] === true;
  const imagePath = path.resolve(io.cwd, image);
  if (!fs.existsSync(imagePath)) {
    write(io.stderr, `tib verify: no image at ${image}`);
    if (json) write(io.stdout, toJson(failureDoc(EXIT.usage, `no image at ${image}`, { image })));
    return EXIT.usage;
  }

  const compiled = compilePlan(compileInputFor(recipe, args, io), nodeHost(io.cwd));
  printDiagnostics(io, compiled.files, compiled.diagnostics);
  if (!compiled.ok) {
    if (json) write(io.stdout, toJson({ ...invalidRecipeDoc(recipe, compiled.files, compiled.diagnostics), image }));
    return EXIT.invalidRecipe;
  }
  const plan = compiled.plan;

  return verifyWithPlan(
    plan,
    imagePath,
    path.resolve(io.cwd, path.dirname(recipe)),
    {
      boot: args.values['boot'] === true,
      json,
      ...(accel ? { accel } : {}),
      controller: controllerChoice(args.values['controller'], io.cwd),
      ...(typeof args.values['datastore'] === 'string' ? { datastores: [args.values['datastore']] } : {}),
      ...agentWait(args.values['agent-wait']),
    },
    io,
  );
}

/** `tib run --verify [--boot]`: verify the image just built, with the plan run compiled. */
export function verifyAfterRun(plan: Plan, image: string, boot: boolean, io: Io): Promise<number> {
  return verifyWithPlan(
    plan,
    path.resolve(io.cwd, image),
    path.resolve(io.cwd, path.dirname(plan.recipe.path)),
    { boot, json: false, controller: 'auto' },
    io,
  );
}

function agentWait(value: unknown): { agentWaitSec?: number } {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 30 || n > 3600)
    throw new UsageError(`--agent-wait must be seconds between 30 and 3600, not '${String(value)}'`);
  return { agentWaitSec: n };
}

/** --controller auto|host|none|DIR (a chroot prepared by tib controller prepare). */
function controllerChoice(value: unknown, cwd: string): ControllerChoice {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'host' || value === 'none') return value;
  if (typeof value === 'string' && value !== '') return { root: path.resolve(cwd, value) };
  throw new UsageError(`--controller must be auto, host, none or a directory, not '${String(value)}'`);
}

async function verifyWithPlan(
  plan: Plan,
  image: string,
  recipeDir: string,
  o: {
    boot: boolean;
    json: boolean;
    accel?: 'kvm' | 'tcg';
    controller: ControllerChoice;
    datastores?: readonly string[];
    agentWaitSec?: number;
  },
  io: Io,
): Promise<number> {
  const log = (line: string): void => write(io.stderr, `tib verify: ${line}`);
  const secrets = secretValuesFor(plan, {
    env: io.env,
    recipeDir,
    // The same bounded, regular-files-only reading as the build's (a FIFO would hang).
    readFile: readSecretFile,
  });
  for (const m of secrets.missing) log(`${m} is not available here: the image cannot be searched for that value`);

  try {
    const report = await verifyImage({
      image,
      plan,
      boot: o.boot,
      ...(o.accel ? { accel: o.accel } : {}),
      ...inspectorFromEnv(io.env),
      secretValues: secrets.values,
      log,
      env: io.env,
      conversation: {
        choice: o.controller,
        helperDir: resourceDirs(io.env).controllerHelper,
        cacheDir: cacheDir(io.env),
        ...(o.datastores ? { datastores: o.datastores } : {}),
        ...(o.agentWaitSec ? { agentWaitSec: o.agentWaitSec } : {}),
      },
    });
    const exitCode = report.ok ? EXIT.ok : EXIT.verifyFailed;
    write(io.stdout, o.json ? toJson({ ...report, exitCode }) : formatReport(report, { color: useColor(io, 'stdout') }));
    return exitCode;
  } catch (err) {
    // VerifyInputError: usage; MissingToolError: this host lacks a tool; ToolError and
    // InspectError: the image could not be opened or booted, so it is not verified.
    const exitCode =
      err instanceof VerifyInputError
        ? EXIT.usage
        : err instanceof MissingToolError
          ? EXIT.preflight
          : err instanceof ToolError || err instanceof InspectError
            ? EXIT.verifyFailed
            : undefined;
    if (exitCode === undefined) throw err;
    const message = err instanceof Error ? err.message : String(err);
    write(io.stderr, `tib verify: ${message}`);
    if (o.json) write(io.stdout, toJson(failureDoc(exitCode, message, { image })));
    return exitCode;
  }
}

/** TIB_VERIFY_INSPECTOR=loop|libguestfs forces one way of reading the image (tests, CI). */
function inspectorFromEnv(env: NodeJS.ProcessEnv): { inspector?: 'loop' | 'libguestfs' } {
  const v = env['TIB_VERIFY_INSPECTOR'];
  if (v === undefined || v === '') return {};
  if (v !== 'loop' && v !== 'libguestfs') throw new UsageError(`TIB_VERIFY_INSPECTOR must be loop or libguestfs, not '${v}'`);
  return { inspector: v };
}
