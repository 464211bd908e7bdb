import { compilePlan, DIB_HOOK_PHASES, registrationCommands } from '@tib/core';
import type { Plan } from '@tib/core';
import { EXIT } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { invalidRecipeDoc } from '../json-output';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor, toJson } from './shared';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const recipe = args.positionals[0] ?? '';
  const result = compilePlan(compileInputFor(recipe, args, io), nodeHost(io.cwd));
  printDiagnostics(io, result.files, result.diagnostics);
  if (!result.ok) {
    if (args.values['json']) write(io.stdout, toJson(invalidRecipeDoc(recipe, result.files, result.diagnostics)));
    return EXIT.invalidRecipe;
  }
  if (args.values['json']) {
    write(io.stdout, toJson(result.plan));
    return EXIT.ok;
  }
  write(io.stdout, describePlan(result.plan, await elementLocations(result.plan, io)));
  return EXIT.ok;
}

/** Where this host's DIB (and the recipe's element paths) provide each element, if DIB is here. */
async function elementLocations(plan: Plan, io: Io): Promise<{ dib?: string; found: Map<string, string> }> {
  const { elementSearchDirs, findDib, locatePlanElements, nodeBuildHost, runPaths } = await import('@tib/runner');
  const host = nodeBuildHost(io.env);
  const dib = findDib(host);
  const { found } = locatePlanElements(plan, elementSearchDirs(plan, runPaths(plan, io.cwd, io.env), dib), host);
  return { ...(dib ? { dib: `diskimage-builder ${dib.version}` } : {}), found };
}

/** The plan for people: what is built, from what, in which order, and what the controller needs. */
export function describePlan(plan: Plan, where: { dib?: string; found: ReadonlyMap<string, string> } = { found: new Map() }): string {
  const out: string[] = [];
  const h = (title: string) => out.push('', title, '-'.repeat(title.length));
  out.push(
    `${plan.image.name}: ${plan.target.title} ${plan.target.arch}, ${plan.datastore.type} ${plan.datastore.version} (${plan.datastore.model} model)`,
  );
  out.push(
    `guest agent: Trove ${plan.agent.troveVersion} (${plan.agent.series}) from ${plan.agent.source}, service ${plan.agent.service} as ${plan.agent.user}, --config-dir=${plan.agent.configDir}`,
  );
  out.push(
    `outputs: ${plan.image.files.map((f) => `${plan.image.outputDir.relativeTo === 'recipe' ? `<recipe dir>/` : ''}${plan.image.outputDir.path}/${f}`).join(', ')}${plan.image.checksums ? ' (+ .sha256)' : ''}`,
  );

  h('Elements');
  const width = Math.max(...plan.dib.elements.map((e) => e.name.length));
  for (const e of plan.dib.elements) {
    const location =
      e.origin === 'tib'
        ? "tib's elements/"
        : e.origin === 'rendered'
          ? 'rendered per recipe'
          : (where.found.get(e.name) ?? (where.dib ? `NOT FOUND in ${where.dib}` : 'DIB is not installed here'));
    out.push(`  ${e.name.padEnd(width)}  ${e.origin.padEnd(8)}  ${e.reason}\n  ${' '.repeat(width)}            found: ${location}`);
  }
  if (plan.missingElements.length > 0)
    out.push(`  not shipped by this tib (the build stops in pre-flight): ${plan.missingElements.join(', ')}`);

  h('disk-image-create');
  out.push(
    `  disk-image-create ${plan.dib.args.join(' ')} -o <output>/${plan.image.name} ${plan.dib.elements.map((e) => e.name).join(' ')}`,
  );
  for (const e of plan.dib.environment) {
    switch (e.kind) {
      case 'value':
        out.push(`  ${e.name}=${e.value.includes('\n') ? JSON.stringify(e.value) : e.value}`);
        break;
      case 'secret':
        out.push(`  ${e.name}=<secret: ${e.what}, from ${'env' in e.from ? `$${e.from.env}` : e.from.file}>`);
        break;
      case 'input-path':
        out.push(`  ${e.name}=<path of ${e.input}>`);
        break;
      case 'base-image':
        out.push(`  ${e.name}=<verified base image ${e.form}>`);
        break;
      case 'elements-path':
        out.push(`  ELEMENTS_PATH=<tib element tree>${e.extra.map((p) => `:${p}`).join('')}`);
        break;
    }
  }

  h('tib element scripts by DIB phase');
  for (const phase of DIB_HOOK_PHASES) {
    const scripts = plan.elementTree
      .filter((f) => f.path.split('/')[1] === phase)
      .map((f) => f.path.split('/')[2] ?? '')
      .sort();
    if (scripts.length > 0) out.push(`  ${phase.padEnd(15)} ${scripts.join(', ')}`);
  }
  out.push("  (DIB runs these together with its own elements' scripts, sorted by name within each phase)");

  if (plan.inputs.length > 0 || plan.baseImage.source !== 'bootstrap') {
    h('Inputs (verified before DIB runs)');
    if (plan.baseImage.source === 'download' || plan.baseImage.source === 'cache') {
      out.push(
        `  base image (${plan.baseImage.source}): ${plan.baseImage.url} sha256 ${plan.baseImage.sha256 ?? `from ${plan.baseImage.checksumList}`}`,
      );
    }
    for (const i of plan.inputs) out.push(`  ${i.role}: ${i.path}${i.sha256 ? ` sha256 ${i.sha256}` : ''}`);
  }

  h('Trove controller settings this image needs');
  for (const s of plan.controller.settings) out.push(`  ${s.file} [${s.section}] ${s.key} = ${s.value}\n      ${s.why}`);
  for (const n of plan.controller.notes) out.push(`  note: ${n}`);
  out.push('  after the build:');
  for (const c of registrationCommands(plan.controller.registration)) out.push(`    ${c}`);
  return `${out.join('\n')}\n`;
}
