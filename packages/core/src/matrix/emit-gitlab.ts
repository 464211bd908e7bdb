import type { CiJob } from './ci-jobs';
import type { EmitOptions } from './emit-options';
import { handLayerToCache, hostPreparation, tibRunCommand } from './emit-options';

/**
 * A GitLab CI pipeline (docs: "CI/CD YAML syntax reference"): stages `layers` and
 * `images`, `needs` so an image starts as soon as its layer is built, the layer kept in
 * the runner cache under the layer's key (pushed by the layer job, pulled by its images),
 * and each image with its .sha256 and manifest as artifacts. Jobs run on a runner with the
 * given tag that can run DIB (root, loop devices: a shell or privileged executor).
 * Validated against GitLab's own CI schema (test-fixtures/ci-schemas).
 */
export function gitlabPipeline(jobs: readonly CiJob[], o: EmitOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    stages: ['layers', 'images'],
    variables: { TIB_CACHE_DIR: `$CI_PROJECT_DIR/${o.cache}` },
    default: {
      tags: [o.runner],
      timeout: `${o.timeoutMinutes} minutes`,
      before_script: [...hostPreparation(o), ...o.install, o.tibAsRoot('doctor')],
    },
  };
  for (const job of jobs) {
    out[job.id] = {
      stage: job.kind === 'layer' ? 'layers' : 'images',
      needs: [...job.needs],
      ...(job.layer
        ? { cache: { key: job.layer.cacheKey, paths: [job.layer.dir], policy: job.kind === 'layer' ? 'pull-push' : 'pull' } }
        : {}),
      script: [tibRunCommand(job, o), ...handLayerToCache(job)],
      ...(job.artifacts.length > 0 ? { artifacts: { name: job.id, paths: [...job.artifacts], expire_in: '1 week' } } : {}),
    };
  }
  return out;
}
