import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceHost } from '../host';
import type { SourceFile } from '../load/source-file';
import type { ResolvedRecipe } from '../resolve/resolved';
import { controllerContract } from './controller';
import { duplicateHooks, staticElementFiles } from './element-tree';
import { dibEnvironment, dibUnset } from './dib-environment';
import { baseImageFileName, planInputs } from './inputs';
import { agentTroveVersion } from './agent-version';
import { expectationsFor } from './expectations';
import { fragmentsFor, recipeElementSources } from './fragments';
import type { Fragment } from './fragments';
import type { BaseImagePlan, ElementSource, PlanDesign } from './plan-types';
import { PLAN_VERSION } from './plan-types';
import { preflightFor } from './preflight';
import { selectElements } from './select-elements';

export interface PlanContext {
  readonly host: SourceHost;
  readonly elementsDir: string;
  readonly tibVersion: string;
  readonly recipePath: string;
  readonly files: readonly SourceFile[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Output file names DIB writes for each format. */
export function imageFiles(name: string, formats: readonly string[]): string[] {
  return formats.map((f) => `${name}.${f === 'tar' ? 'tar' : f}`);
}

/**
 * Designs the build: every decision, with the element tree as sources still to be
 * rendered (render/ fills the templates). Pure: reads only through the host, writes nothing.
 */
export function designPlan(r: ResolvedRecipe, ctx: PlanContext): { design: PlanDesign; diagnostics: Diagnostic[]; fragments: Fragment[] } {
  const diagnostics: Diagnostic[] = [];
  const elements = selectElements(r);
  const { files: staticFiles, missing } = staticElementFiles(elements, ctx.host, ctx.elementsDir);
  for (const name of missing) {
    diagnostics.push({
      code: 'TIB4002',
      severity: 'warning',
      file: ctx.recipePath,
      message: `element ${name} is not shipped by tib ${ctx.tibVersion}; the compiled script names it and stops in pre-flight`,
    });
  }
  const fragments = fragmentsFor(r);
  const elementSources: ElementSource[] = [...staticFiles, ...recipeElementSources(r, fragments, ctx.recipePath)].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  for (const dup of duplicateHooks(elementSources)) {
    diagnostics.push({ code: 'TIB4003', severity: 'error', file: ctx.recipePath, message: `duplicated hook ${dup}` });
  }
  const inputs = planInputs(r);
  const environment = dibEnvironment(r, inputs);
  const files = imageFiles(r.name, r.output.formats);

  const args = ['-a', r.arch, '-t', r.output.formats.join(',')];
  if (r.output.sizeGb !== undefined) args.push('--image-size', String(r.output.sizeGb));

  const baseImage: BaseImagePlan =
    r.image.source === 'bootstrap'
      ? { source: 'bootstrap' }
      : r.image.source === 'local'
        ? { source: 'local', input: 'base-image', handoff: r.release.handoff ?? 'local-image', fileName: baseImageFileName(r) }
        : {
            source: r.image.source,
            url: r.image.url ?? '',
            ...(r.image.sha256 ? { sha256: r.image.sha256 } : {}),
            ...(r.image.checksumList ? { checksumList: r.image.checksumList } : {}),
            fileName: baseImageFileName(r),
            handoff: r.release.handoff ?? 'local-image',
          };

  const recipeFiles = ctx.files.map((f) => ({ path: f.path, sha256: sha256(f.text) }));
  const design: PlanDesign = {
    planVersion: PLAN_VERSION,
    tibVersion: ctx.tibVersion,
    recipe: {
      path: ctx.recipePath,
      name: r.name,
      sha256: sha256(recipeFiles.map((f) => `${f.path}\0${f.sha256}`).join('\n')),
      files: recipeFiles,
    },
    image: {
      name: r.name,
      purpose: r.purpose,
      outputDir: r.output.directory,
      formats: r.output.formats,
      ...(r.output.sizeGb !== undefined ? { sizeGb: r.output.sizeGb } : {}),
      checksums: r.output.checksums,
      files,
    },
    target: {
      distro: r.release.distro,
      release: r.release.release,
      title: r.release.title,
      arch: r.arch,
      family: r.release.family,
      model: r.model,
      init: r.init,
    },
    agent: {
      source: r.agent.source,
      series: r.agent.trove.series,
      troveVersion: agentTroveVersion(r),
      user: r.agent.user,
      service: r.agent.service,
      configDir: r.agent.configDir,
      logDir: r.agent.logDir,
    },
    datastore: { type: r.datastore.type, version: r.datastore.version, model: r.model },
    dib: { args, elements, environment, unset: dibUnset(r, environment) },
    baseImage,
    inputs,
    elementSources,
    preflight: preflightFor(r, elements),
    expectations: expectationsFor(r, environment, fragments),
    // tib's controller templates ship beside its elements (templates/controller/).
    controller: controllerContract(r, files[0] ?? `${r.name}.qcow2`, (source) =>
      ctx.host.readFile(`${ctx.elementsDir.replace(/\/[^/]+\/?$/, '')}/templates/controller/${source}`),
    ),
    missingElements: missing,
  };
  return { design, diagnostics, fragments };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
