import type { CommandSpec } from './command';
import { JSON_OPTION, SET_OPTION } from './command';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate', summary: 'check recipes: schema and domain rules, every problem at once',
    usage: 'tib validate RECIPE... [--set path=value]... [--json]',
    options: { set: SET_OPTION, json: JSON_OPTION }, minPositionals: 1, maxPositionals: Infinity,
    details: 'Exit 0 when every recipe is valid (warnings allowed), 1 when any has an error.',
    load: () => import('./validate.js'),
  },
  {
    name: 'compile', summary: 'emit the self-contained build script (or the plan as JSON)',
    usage: 'tib compile RECIPE [-o FILE] [--format sh|json] [--set path=value]...',
    options: {
      output: { type: 'string', short: 'o', placeholder: 'FILE', description: 'write to FILE atomically (mode 0755 for scripts) instead of stdout' },
      format: { type: 'string', placeholder: 'sh|json', description: 'sh (default): the bash script; json: the plan' },
      set: SET_OPTION,
    },
    minPositionals: 1, maxPositionals: 1,
    details: 'The script needs only diskimage-builder on the host that runs it: sudo ./build.sh [--out DIR] [--force].',
    load: () => import('./compile.js'),
  },
  {
    name: 'plan', summary: 'show what would be built: elements and their origin, environment, phases, controller settings',
    usage: 'tib plan RECIPE [--json] [--set path=value]...',
    options: { json: JSON_OPTION, set: SET_OPTION }, minPositionals: 1, maxPositionals: 1,
    load: () => import('./plan.js'),
  },
  {
    name: 'matrix', summary: 'the datastore × distribution × guest model support table',
    usage: 'tib matrix [--json] [--datastore NAME]',
    options: { json: JSON_OPTION, datastore: { type: 'string', placeholder: 'NAME', description: 'only this datastore' } },
    minPositionals: 0, maxPositionals: 0,
    load: () => import('./matrix.js'),
  },
  {
    name: 'init', summary: 'scaffold a recipe',
    usage: 'tib init [-o FILE] [--distro D --release R] [--datastore T] [--force]',
    options: {
      output: { type: 'string', short: 'o', placeholder: 'FILE', description: 'write the recipe to FILE (default: stdout)' },
      distro: { type: 'string', placeholder: 'D', description: 'distribution (default debian)' },
      release: { type: 'string', placeholder: 'R', description: 'release (default bookworm)' },
      datastore: { type: 'string', placeholder: 'T', description: 'datastore (default mariadb)' },
      force: { type: 'boolean', description: 'overwrite FILE if it exists' },
    },
    minPositionals: 0, maxPositionals: 0,
    load: () => import('./init.js'),
  },
];
