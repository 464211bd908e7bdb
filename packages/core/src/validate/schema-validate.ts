import type { ErrorObject } from 'ajv';
import type { Diagnostic, KeyPath } from '../diagnostics/diagnostic';
import { validate as validateRecipeSchema } from '../generated/recipe-validator';
import { RECIPE_SCHEMA } from '../schema/recipe-schema';
import { closest, didYouMean } from './did-you-mean';
import type { Locator } from '../load/locate';
import { describePattern } from './pattern-messages';
import { valueAt } from '../util/key-path';

interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The recipe validator: ajv standalone code generated from the schema at build time
 * (options: allErrors, strict, allowUnionTypes), so no schema compiles at startup.
 */
function validator(): StandaloneValidator {
  return validateRecipeSchema as unknown as StandaloneValidator;
}

type JsonSchemaNode = Record<string, unknown>;

/**
 * Pass 1 of validation: the JSON Schema. Every ajv error becomes one diagnostic at the
 * position of the offending key or value, with a message that says what would be right.
 */
export function validateSchema(value: unknown, locator: Locator): Diagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = selectErrors(validate.errors ?? [], value);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const d = toDiagnostic(error, value, locator);
    const key = `${d.code}|${JSON.stringify(d.path)}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * ajv reports every failing branch of a oneOf; users need one message per place. Keep
 * the errors of the branch the value evidently tried (the one whose required key it
 * has), or a single summary when it tried none.
 */
function selectErrors(errors: readonly ErrorObject[], root: unknown): ErrorObject[] {
  // propertyNames reports its inner pattern failure separately; the propertyNames error says it all.
  errors = errors.filter((e) => !e.schemaPath.includes('/propertyNames/'));
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const dropped = new Set<ErrorObject>();
  for (const oneOf of oneOfs) {
    const branchPrefix = `${oneOf.schemaPath}/`;
    const branchErrors = errors.filter(
      (e) => e !== oneOf && e.schemaPath.startsWith(branchPrefix) && e.instancePath.startsWith(oneOf.instancePath),
    );
    const value = valueAt(root, pointerToPath(oneOf.instancePath, root));
    const tried = triedBranch(branchErrors, value, oneOf.schemaPath);
    for (const e of branchErrors) {
      if (tried === undefined || !e.schemaPath.startsWith(`${branchPrefix}${tried}/`)) dropped.add(e);
    }
    if (tried !== undefined) dropped.add(oneOf);
  }
  // A missing required key next to an unknown key that is its near-spelling is one typo.
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const missing = String((e.params as Record<string, unknown>)['missingProperty']);
    const typo = errors.find(
      (o) =>
        o.keyword === 'additionalProperties' &&
        o.instancePath === e.instancePath &&
        closest(String((o.params as Record<string, unknown>)['additionalProperty']), [missing]) === missing,
    );
    if (typo) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}

function triedBranch(branchErrors: readonly ErrorObject[], value: unknown, oneOfPath: string): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const branches = schemaAt(oneOfPath) as unknown;
  if (!Array.isArray(branches)) return undefined;
  for (let i = 0; i < branches.length; i++) {
    const required = (branches[i] as JsonSchemaNode)['required'];
    if (Array.isArray(required) && required.every((k) => typeof k === 'string' && k in value)) {
      return branchErrors.some((e) => e.schemaPath.startsWith(`${oneOfPath}/${i}/`)) ? i : undefined;
    }
  }
  return undefined;
}

function toDiagnostic(error: ErrorObject, root: unknown, locator: Locator): Diagnostic {
  const path = pointerToPath(error.instancePath, root);
  const where = displayPath(path);
  const value = valueAt(root, path);
  const params = error.params as Record<string, unknown>;
  // YAML turns `10.10` into 10.1 and `0x1F` into 31: quote non-strings back as written.
  const isScalar = typeof value === 'number' || typeof value === 'boolean';
  const written = isScalar ? (locator.sourceText(path) ?? String(value)) : JSON.stringify(value);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const parentSchema = schemaAt(error.schemaPath.replace(/\/additionalProperties$/, ''));
      const known = Object.keys((parentSchema?.['properties'] as JsonSchemaNode | undefined) ?? {}).filter((k) => k !== '$schema');
      return locator.diagnostic('TIB2001', [...path, key], `unknown key '${key}' in ${where}${didYouMean(key, known)}`, {
        part: 'key',
        hint: known.length > 0 ? `keys allowed here: ${known.join(', ')}` : undefined,
      });
    }
    case 'required': {
      const key = String(params['missingProperty']);
      if (path.length === 0 && key === 'tib') {
        return locator.diagnostic('TIB2002', path, 'missing `tib: 1` (the recipe format version) at the top of the recipe');
      }
      return locator.diagnostic('TIB2002', path, `${where}: missing required key '${key}'`, {
        part: 'key',
        hint: describeProperty(error.schemaPath.replace(/\/required$/, ''), key),
      });
    }
    case 'const':
      return locator.diagnostic('TIB2007', path, `tib: ${written} is not a recipe format this tib reads; write \`tib: 1\``);
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const shown = written;
      return locator.diagnostic(
        'TIB2004',
        path,
        `${where}: ${shown} is not allowed${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
        {
          hint: `allowed: ${allowed.join(', ')}`,
        },
      );
    }
    case 'type': {
      const expected = String(params['type']).replace(/,/g, ' or ');
      const scalar = isScalar;
      const actual = scalar ? `the ${typeof value} ${written}` : describeType(value);
      const key = path[path.length - 1] ?? 'value';
      const quoted = `${typeof key === 'number' ? '-' : `${key}:`} "${written}"`;
      const hint =
        expected === 'string' && scalar
          ? `put the value in quotes, e.g. ${quoted} — YAML reads unquoted digits and true/false as numbers and booleans (8.0 becomes 8, leading zeros vanish)`
          : undefined;
      return locator.diagnostic('TIB2003', path, `${where}: expected ${article(expected)}, found ${actual}`, { hint });
    }
    case 'pattern':
      return locator.diagnostic('TIB2005', path, `${where}: ${describePattern(path, error.schemaPath, String(params['pattern']), value)}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return locator.diagnostic('TIB2006', path, `${where}: ${rangeMessage(error.keyword, params['limit'])}`);
    case 'uniqueItems':
      return locator.diagnostic(
        'TIB2010',
        path,
        `${where}: items ${String(params['j'])} and ${String(params['i'])} are the same; each may appear once`,
      );
    case 'oneOf': {
      if (error.schemaPath.startsWith('#/definitions/secretRef')) {
        const literal = typeof value !== 'object' || value === null || Array.isArray(value);
        return locator.diagnostic(
          literal ? 'TIB2008' : 'TIB2009',
          path,
          literal
            ? `${where} is a secret and cannot be written in the recipe`
            : `${where}: a secret reference is {env: NAME} or {file: PATH}`,
          { hint: `use ${where.split('.').pop()}: {env: SOME_VARIABLE} and set SOME_VARIABLE when building, or {file: path/to/secret}` },
        );
      }
      return locator.diagnostic('TIB2009', path, `${where}: ${describeVariants(error.schemaPath)}`);
    }
    case 'propertyNames': {
      const name = String(params['propertyName']);
      return locator.diagnostic(
        'TIB2005',
        [...path, name],
        `${where}: '${name}' is not a valid variable name (letters, digits and _, not starting with a digit)`,
        { part: 'key' },
      );
    }
    default:
      return locator.diagnostic('TIB2009', path, `${where}: ${error.message ?? 'invalid value'}`);
  }
}

function rangeMessage(keyword: string, limit: unknown): string {
  switch (keyword) {
    case 'minimum':
      return `must be at least ${String(limit)}`;
    case 'maximum':
      return `must be at most ${String(limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(limit)}`;
    case 'minLength':
      return Number(limit) === 1 ? 'must not be empty' : `must be at least ${String(limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(limit)} characters`;
    case 'minItems':
      return Number(limit) === 1 ? 'must list at least one item' : `must list at least ${String(limit)} items`;
    default:
      return `must list at most ${String(limit)} items`;
  }
}

function describeVariants(schemaPath: string): string {
  const branches = schemaAt(schemaPath);
  if (Array.isArray(branches)) {
    const shapes = branches.map((b: JsonSchemaNode) =>
      b['type'] === 'string' ? 'a string' : Array.isArray(b['required']) ? `{${(b['required'] as string[]).join(', ')}: …}` : 'a value',
    );
    return `expected ${shapes.join(' or ')}`;
  }
  return 'the value has none of the allowed shapes';
}

function describeProperty(schemaPath: string, key: string): string | undefined {
  const node = schemaAt(schemaPath);
  const props = node?.['properties'] as Record<string, JsonSchemaNode> | undefined;
  const description = props?.[key]?.['description'];
  return typeof description === 'string' ? `${key}: ${description}` : undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
  };
  return type
    .split(' or ')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

/** Resolves a schemaPath like `#/properties/base/properties/image` in the recipe schema. */
function schemaAt(schemaPath: string): JsonSchemaNode | undefined {
  let node: unknown = RECIPE_SCHEMA;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchemaNode) : undefined;
}

/** JSON pointer -> key path; segments under arrays become indexes. */
export function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(part);
      path.push(index);
      node = node[index];
    } else {
      path.push(part);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
  }
  return path;
}

export function displayPath(path: KeyPath): string {
  if (path.length === 0) return 'the recipe';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
