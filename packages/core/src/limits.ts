/**
 * Bounds on what tib reads (SPEC §8: inputs are bounded, each refusal a positioned
 * error). The recipe comes from outside — a pull request, a download — so nothing in it
 * may make tib read, build or hold more than these.
 */

/** The largest recipe or `extends` file: recipes are a few KiB; this leaves room for comments. */
export const MAX_RECIPE_BYTES = 1024 * 1024;

/** The largest secret or key file tib (or the compiled script) reads: a password, a key. */
export const MAX_SECRET_BYTES = 64 * 1024;

/**
 * Values (scalars, lists, mappings) one YAML document may hold once its aliases are
 * expanded. A real recipe holds a few hundred; nine aliases to nine aliases … (an
 * "alias bomb") would otherwise expand a few hundred bytes into billions of values.
 */
export const MAX_YAML_VALUES = 10_000;

/** Aliases (`*name`) in one YAML document: a recipe needs a handful, if any. */
export const MAX_YAML_ALIASES = 100;

/** Nesting of one YAML document, aliases expanded (the parser bounds it without them). */
export const MAX_YAML_DEPTH = 64;
