import type { CiJob } from './ci-jobs';
import type { EmitOptions } from './emit-options';
import { handLayerToCache, hostPreparation, tibRunCommand } from './emit-options';

/**
 * A GitHub Actions workflow (docs: "Workflow syntax for GitHub Actions"): one job per
 * layer and image, `needs` for the order, actions/cache keyed by the layer's key for the
 * layer a job builds or starts from, and each image with its .sha256 and manifest as an
 * artifact. Validated against SchemaStore's github-workflow.json (test-fixtures/ci-schemas).
 */
export function githubWorkflow(jobs: readonly CiJob[], o: EmitOptions): Record<string, unknown> {
  const steps = (job: CiJob): Record<string, unknown>[] => [
    { uses: 'actions/checkout@v4' },
    { name: 'Prepare the build host (tib doctor lists what a build needs)', run: hostPreparation(o).join('\n') },
    { name: 'Install tib', run: o.install.join('\n') },
    { name: 'Check the build host', run: o.tibAsRoot('doctor') },
    ...(job.layer
      ? [
          {
            name: job.kind === 'layer' ? `Cache of layer ${job.layer.name}` : `Layer ${job.layer.name}`,
            uses: job.kind === 'layer' ? 'actions/cache@v4' : 'actions/cache/restore@v4',
            with: { path: job.layer.dir, key: githubKey(job.layer.cacheKey, o.layerInputs.get(job.layer.key) ?? []) },
          },
        ]
      : []),
    {
      name: job.kind === 'layer' ? 'Build the layer' : 'Build the image',
      run: [tibRunCommand(job, o), ...handLayerToCache(job)].join('\n'),
    },
    ...(job.artifacts.length > 0
      ? [
          {
            name: 'Keep the image, its checksum and manifest',
            uses: 'actions/upload-artifact@v4',
            with: { name: job.id, path: job.artifacts.join('\n'), 'if-no-files-found': 'error' },
          },
        ]
      : []),
  ];
  return {
    name: 'tib images',
    on: { workflow_dispatch: {}, push: { paths: [...new Set(jobs.flatMap((j) => j.recipes))] } },
    env: { TIB_CACHE_DIR: '${{ github.workspace }}/' + o.cache },
    jobs: Object.fromEntries(
      jobs.map((job) => [
        job.id,
        {
          name: job.title,
          'runs-on': o.runner,
          'timeout-minutes': o.timeoutMinutes,
          ...(job.needs.length > 0 ? { needs: [...job.needs] } : {}),
          steps: steps(job),
        },
      ]),
    ),
  };
}

/** The layer's key, plus the contents of the files it reads (hashFiles), so a changed agent tree misses the cache. */
function githubKey(key: string, inputs: readonly string[]): string {
  if (inputs.length === 0) return key;
  return `${key}-\${{ hashFiles(${inputs.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}) }}`;
}
