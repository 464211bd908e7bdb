import type { CiJob } from './ci-jobs';
import type { EmitOptions } from './emit-options';
import { hostPreparation, tibRunCommand } from './emit-options';

export const ZUUL_PLAYBOOK = 'playbooks/tib/build.yaml';

/**
 * Zuul configuration (docs: zuul doc/source/config/job.rst and project.rst): an abstract
 * `tib-build` job that runs one playbook on one node, a job per layer and image with its
 * recipes and tib arguments as variables, `dependencies` for the order, and a `check`
 * project-pipeline. Zuul has no cache: a layer job returns its layer as an artifact
 * (zuul_return), and Zuul hands the artifacts of a job's dependencies to it (zuul.artifacts).
 * Validated against test-fixtures/ci-schemas/zuul-config.json, written from those docs.
 */
export function zuulConfig(jobs: readonly CiJob[], o: EmitOptions): Record<string, unknown>[] {
  const name = (id: string) => `tib-${id}`;
  return [
    {
      job: {
        name: 'tib-build',
        abstract: true,
        description: `Builds tib layers and images (${ZUUL_PLAYBOOK}); needs root and loop devices on the node.`,
        nodeset: { nodes: [{ name: 'builder', label: o.runner }] },
        timeout: o.timeoutMinutes * 60,
        run: ZUUL_PLAYBOOK,
      },
    },
    ...jobs.map((job) => ({
      job: {
        name: name(job.id),
        parent: 'tib-build',
        description: job.title,
        ...(job.needs.length > 0 ? { dependencies: job.needs.map(name) } : {}),
        vars: {
          tib_command: tibRunCommand(job, o),
          tib_artifacts: [...job.artifacts],
          tib_return: [
            ...job.artifacts.map((a) => ({ name: basename(a), url: `tib/${basename(a)}` })),
            ...(job.kind === 'layer' && job.layer
              ? [{ name: `tib-${job.id}`, url: 'tib/tib-layer.tar', metadata: { tib_layer_key: job.layer.key } }]
              : []),
          ],
          ...(job.layer ? { tib_layer: { key: job.layer.key, dir: job.layer.dir, builds: job.kind === 'layer' } } : {}),
        },
      },
    })),
    { project: { check: { jobs: jobs.map((j) => name(j.id)) } } },
  ];
}

/** The one playbook every tib job runs: prepare the node, take the layer, build, return the results. */
export function zuulPlaybook(o: EmitOptions): Record<string, unknown>[] {
  const src = '{{ zuul.project.src_dir }}';
  const env = { TIB_CACHE_DIR: `{{ ansible_env.HOME }}/${src}/${o.cache}` };
  return [
    {
      hosts: 'all',
      tasks: [
        { name: 'Prepare the build host (tib doctor lists what a build needs)', 'ansible.builtin.shell': hostPreparation(o).join('\n') },
        { name: 'Install tib', 'ansible.builtin.shell': o.install.join('\n'), args: { chdir: src } },
        { name: 'Check the build host', 'ansible.builtin.shell': o.tibAsRoot('doctor'), args: { chdir: src } },
        {
          name: 'Fetch the layer its dependency built',
          when: 'tib_layer is defined and not tib_layer.builds',
          'ansible.builtin.get_url': {
            url: "{{ (zuul.artifacts | selectattr('metadata.tib_layer_key', 'defined') | selectattr('metadata.tib_layer_key', 'equalto', tib_layer.key) | first).url }}",
            dest: `${src}/tib-layer.tar`,
          },
        },
        {
          name: 'Unpack it into the cache tib looks in',
          when: 'tib_layer is defined and not tib_layer.builds',
          'ansible.builtin.shell': 'mkdir -p "$(dirname {{ tib_layer.dir }})" && tar -C "$(dirname {{ tib_layer.dir }})" -xf tib-layer.tar',
          args: { chdir: src },
        },
        { name: 'Build', 'ansible.builtin.shell': '{{ tib_command }}', args: { chdir: src }, environment: env },
        {
          name: 'Pack the layer for the jobs after this one (DIB built it as root)',
          when: 'tib_layer is defined and tib_layer.builds',
          become: true,
          'ansible.builtin.shell': 'tar -C "$(dirname {{ tib_layer.dir }})" -cf tib-layer.tar "$(basename {{ tib_layer.dir }})"',
          args: { chdir: src },
        },
        {
          name: 'Collect the results on the executor',
          'ansible.posix.synchronize': { mode: 'pull', src: `${src}/{{ item }}`, dest: '{{ zuul.executor.log_root }}/tib/' },
          loop: "{{ tib_artifacts + (['tib-layer.tar'] if tib_layer is defined and tib_layer.builds else []) }}",
        },
        {
          name: 'Return them as artifacts (the layer to the jobs that depend on this one)',
          delegate_to: 'localhost',
          zuul_return: { data: { zuul: { artifacts: '{{ tib_return }}' } } },
        },
      ],
    },
  ];
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
