import type { CiJob } from './ci-jobs';
import { shellQuote } from '../render/shell-quote';

/** What every engine's job definitions need beyond the jobs themselves. */
export interface EmitOptions {
  /** GitHub runs-on label, GitLab runner tag, Zuul node label. */
  readonly runner: string;
  readonly timeoutMinutes: number;
  /** Distribution packages a build host needs (tib doctor's table), installed with apt-get. */
  readonly hostPackages: readonly string[];
  /** Commands that make `tib` available in the job's workspace. */
  readonly install: readonly string[];
  /** A tib command run as root with the job's environment (DIB needs root). */
  readonly tibAsRoot: (args: string) => string;
  readonly cache: string;
  /** Per layer key: the files and directories (workspace-relative) its build reads. */
  readonly layerInputs: ReadonlyMap<string, readonly string[]>;
}

export const EMIT_DEFAULTS: Omit<EmitOptions, 'hostPackages' | 'layerInputs'> = {
  runner: 'ubuntu-24.04',
  timeoutMinutes: 120,
  install: ['npm ci'],
  tibAsRoot: (args) => `sudo -E env "PATH=$PATH" npx --no-install tib ${args}`,
  cache: '.tib-cache',
};

/** apt-get the packages tib doctor names, as one shell line each. */
export function hostPreparation(o: Pick<EmitOptions, 'hostPackages'>): string[] {
  return ['sudo apt-get update', `sudo apt-get install -y --no-install-recommends ${o.hostPackages.join(' ')}`];
}

/**
 * DIB builds as root, and the layer's files (its log is 0640) must be readable by the
 * engine's cache, which runs as the job's user.
 */
export function handLayerToCache(job: CiJob): string[] {
  return job.kind === 'layer' && job.layer ? ['sudo chown -R "$(id -u):$(id -g)" ' + shellQuote(job.layer.dir)] : [];
}

export function tibRunCommand(job: CiJob, o: Pick<EmitOptions, 'tibAsRoot'>): string {
  return o.tibAsRoot(['run', ...job.recipes, ...job.args].map((a) => shellQuote(a)).join(' '));
}
