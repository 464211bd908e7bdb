import { compilePlan } from '@tib/core';
import { EXIT } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { invalidRecipeDoc } from '../json-output';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor, toJson } from './shared';

/** The build host's readiness; with a recipe, also that recipe's pre-flight. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { doctorReport, installCommand, nodeBuildHost, preflight, runPaths } = await import('@tib/runner');
  const host = nodeBuildHost(io.env);
  const rows = doctorReport(host);
  const install = installCommand(rows, host, false);
  const installAll = installCommand(rows, host, true);
  let failed = rows.some((r) => !r.ok && !r.optional);
  let recipeProblems: { code: string; message: string }[] = [];
  const recipe = args.positionals[0];
  if (recipe) {
    const compiled = compilePlan(compileInputFor(recipe, args, io, 'run'), nodeHost(io.cwd));
    printDiagnostics(io, compiled.files, compiled.diagnostics);
    if (!compiled.ok) {
      if (args.values['json'])
        write(io.stdout, toJson({ ...invalidRecipeDoc(recipe, compiled.files, compiled.diagnostics), checks: rows }));
      return EXIT.invalidRecipe;
    }
    const paths = runPaths(compiled.plan, io.cwd, io.env);
    recipeProblems = preflight(compiled.plan, host, paths).diagnostics.map((d) => ({ code: d.code, message: d.message }));
    if (recipeProblems.length > 0) failed = true;
  }
  if (args.values['json']) {
    write(
      io.stdout,
      toJson({
        ok: !failed,
        exitCode: failed ? EXIT.preflight : EXIT.ok,
        checks: rows,
        recipe: recipeProblems,
        install: install ?? null,
        installWithVerifyTools: installAll ?? null,
      }),
    );
  } else {
    for (const r of rows) write(io.stdout, `${r.ok ? 'ok  ' : r.optional ? 'opt ' : 'FAIL'}  ${r.check.padEnd(20)} ${r.detail}`);
    for (const p of recipeProblems) write(io.stdout, `FAIL  ${p.code}  ${p.message}`);
    if (install) write(io.stdout, `\nInstall what is missing:\n  ${install}`);
    if (installAll && installAll !== install) write(io.stdout, `${install ? '' : '\n'}For tib verify as well:\n  ${installAll}`);
  }
  return failed ? EXIT.preflight : EXIT.ok;
}
