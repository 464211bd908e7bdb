import type { Plan } from '@tib/core';
import type { BaseImage } from './base-image';
import type { RunPaths } from './run-paths';
import { inputPath } from './run-paths';

export interface DibEnvironmentInput {
  readonly plan: Plan;
  readonly paths: RunPaths;
  readonly elementsDir: string;
  readonly baseImage?: BaseImage;
  readonly baseImageDir?: string;
  /** A layered build's leaf: the layer's raw file system image. */
  readonly layerImage?: string;
  readonly secrets: ReadonlyMap<string, string>;
}

export interface DibEnvironment {
  /** Variables to add to the inherited environment (as the script exports them). */
  readonly vars: Record<string, string>;
  /** Variables to remove from the inherited environment (as the script unsets them). */
  readonly unset: readonly string[];
  /** The same, for showing: secrets replaced by where they come from. */
  readonly shown: { name: string; value: string }[];
}

/** Resolves the plan's environment entries into concrete values on this host. */
export function resolveDibEnvironment(input: DibEnvironmentInput): DibEnvironment {
  const { plan, paths } = input;
  const vars: Record<string, string> = {};
  const shown: { name: string; value: string }[] = [];
  const set = (name: string, value: string, display = value) => {
    vars[name] = value;
    shown.push({ name, value: display });
  };
  for (const e of plan.dib.environment) {
    switch (e.kind) {
      case 'value':
        set(e.name, e.value);
        break;
      case 'secret': {
        const v = input.secrets.get(e.name);
        if (v !== undefined) set(e.name, v, `<secret ${e.what} from ${'env' in e.from ? `$${e.from.env}` : e.from.file}>`);
        break;
      }
      case 'input-path': {
        const i = plan.inputs.find((x) => x.id === e.input);
        if (i) set(e.name, `${e.prefix ?? ''}${inputPath(paths, i)}`);
        break;
      }
      case 'base-image':
        if (e.form === 'file' && input.baseImage) set(e.name, input.baseImage.file);
        if (e.form === 'dir-url' && input.baseImageDir) set(e.name, `file://${input.baseImageDir}`);
        if (e.form === 'sums-url' && input.baseImageDir) set(e.name, `file://${input.baseImageDir}/SHA256SUMS`);
        break;
      case 'layer-image':
        if (input.layerImage) set(e.name, input.layerImage);
        break;
      case 'elements-path':
        set('ELEMENTS_PATH', [input.elementsDir, ...e.extra.map((p) => inputPath(paths, { path: p }))].join(':'));
        break;
    }
  }
  return { vars, unset: plan.dib.unset, shown };
}

/** The environment DIB runs with: the inherited one without the plan's unset names, plus its variables. */
export function dibProcessEnvironment(inherited: Readonly<Record<string, string>>, env: DibEnvironment): Record<string, string> {
  const out: Record<string, string> = { ...inherited };
  for (const name of env.unset) delete out[name];
  return { ...out, ...env.vars };
}

/** The disk-image-create arguments: plan args, the temporary output name, the elements. */
export function dibArgv(plan: Plan, partialOutput: string): string[] {
  return [...plan.dib.args, '-o', partialOutput, ...plan.dib.elements.map((e) => e.name)];
}
