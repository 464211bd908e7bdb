import { CONTROLLER_SOURCES, DISTRO_RELEASES, RECIPE_SCHEMA } from '@tib/core';
import type { CommandSpec } from '../commands/command';

/**
 * What shell completion offers, derived from the command registry and the recipe schema
 * so the scripts follow the CLI: commands, their flags, what each flag's value and each
 * positional argument is, and for `--set` the recipe's key paths and their values.
 */
export type ValueKind =
  | { readonly kind: 'none' }
  | { readonly kind: 'recipe' } // *.yaml / *.yml files and directories to reach them
  | { readonly kind: 'recipe-or-dir' }
  | { readonly kind: 'file' }
  | { readonly kind: 'dir' }
  | { readonly kind: 'set' }
  | { readonly kind: 'words'; readonly words: readonly string[] };

export interface OptionModel {
  readonly flags: readonly string[]; // --name and -x
  readonly description: string;
  readonly value: ValueKind; // kind 'none' for boolean flags
  readonly repeatable: boolean;
}

export interface CommandModel {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionModel[];
  /** One entry per position; the last repeats when the command takes any number. */
  readonly positionals: readonly ValueKind[];
  readonly variadic: boolean;
}

export interface SetKey {
  readonly path: string;
  readonly values: readonly string[];
}

export interface CompletionModel {
  readonly commands: readonly CommandModel[];
  readonly setKeys: readonly SetKey[];
}

const words = (list: readonly string[]): ValueKind => ({ kind: 'words', words: list });
const NONE: ValueKind = { kind: 'none' };
const RECIPE: ValueKind = { kind: 'recipe' };
const FILE: ValueKind = { kind: 'file' };

/**
 * What each command's positional arguments are. Every command must be listed (a test
 * checks), so a new command decides what completes for it.
 */
const POSITIONALS: Readonly<Record<string, readonly ValueKind[]>> = {
  validate: [RECIPE],
  compile: [RECIPE],
  plan: [RECIPE],
  matrix: [],
  run: [RECIPE],
  verify: [FILE],
  controller: [words(['templates', 'prepare']), RECIPE],
  doctor: [RECIPE],
  elements: [],
  init: [],
  fmt: [{ kind: 'recipe-or-dir' }],
  schema: [words(['recipe', 'overlay', 'manifest', 'run-events'])],
  completion: [words(['bash', 'zsh'])],
};

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  const?: unknown;
  type?: string | string[];
  examples?: unknown[];
  default?: unknown;
};

export function completionModel(commands: readonly CommandSpec[]): CompletionModel {
  return {
    commands: commands.map((c) => ({
      name: c.name,
      summary: c.summary,
      options: [
        ...Object.entries(c.options).map(([name, o]) => ({
          flags: [`--${name}`, ...(o.short ? [`-${o.short}`] : [])],
          description: o.description,
          value: o.type === 'boolean' ? NONE : optionValue(name, o.placeholder ?? ''),
          repeatable: o.multiple === true,
        })),
        { flags: ['--help', '-h'], description: 'show this help', value: NONE, repeatable: false },
      ],
      positionals: POSITIONALS[c.name] ?? [],
      variadic: c.maxPositionals === Infinity,
    })),
    setKeys: setKeys(RECIPE_SCHEMA as unknown as SchemaNode, ''),
  };
}

export function hasPositionals(name: string): boolean {
  return name in POSITIONALS;
}

/** A flag's value from its name or placeholder: `sh|json` lists words, FILE and DIR name kinds, URL and the like are typed. */
function optionValue(name: string, placeholder: string): ValueKind {
  if (name === 'set') return { kind: 'set' };
  if (name === 'recipe') return RECIPE;
  if (name === 'datastore') return words(enumOf('datastore', 'type'));
  if (name === 'distro') return words(enumOf('base', 'distro'));
  if (name === 'release') return words([...new Set(DISTRO_RELEASES.map((r) => r.release))].sort());
  if (name === 'trove') return words(CONTROLLER_SOURCES.map((s) => String(s.major)));
  const parts = placeholder.split('|');
  const literal = parts.filter((p) => /^[a-z0-9][a-z0-9.-]*$/.test(p));
  if (literal.length > 0) return words(literal);
  if (parts.includes('DIR')) return { kind: 'dir' };
  return parts.some((p) => ['FILE', 'REF', 'IMAGE'].includes(p)) ? FILE : NONE;
}

function enumOf(...path: string[]): string[] {
  let node = RECIPE_SCHEMA as unknown as SchemaNode | undefined;
  for (const key of path) node = node?.properties?.[key];
  return (node?.enum ?? []).map(String);
}

/** Leaf key paths of the recipe (what `--set` can set), with values where the schema lists them. */
function setKeys(node: SchemaNode, at: string): SetKey[] {
  const out: SetKey[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (key.startsWith('$')) continue;
    const path = at ? `${at}.${key}` : key;
    if (child.properties) {
      out.push(...setKeys(child, path));
      continue;
    }
    const candidates = [
      ...(child.enum ?? []),
      ...(child.const !== undefined ? [child.const] : []),
      ...(child.type === 'boolean' ? [true, false] : []),
      ...(child.default !== undefined ? [child.default] : []),
      ...(child.examples ?? []),
    ];
    // Only values a shell passes as one plain word.
    const values = [...new Set(candidates.filter((v) => typeof v !== 'object').map(String))].filter((v) => /^[A-Za-z0-9._/@+-]+$/.test(v));
    out.push({ path, values });
  }
  return out;
}
