import { posix as path } from 'node:path';
import { load as loadYamlScalar, parseEvents } from 'js-yaml';
import type { Diagnostic, KeyPath } from '../diagnostics/diagnostic';
import type { SourceHost } from '../host';
import { MAX_RECIPE_BYTES, MAX_YAML_DEPTH } from '../limits';
import { defineValue, isPlainMap, mergeLayers } from './merge';
import type { Layer } from './merge';
import type { Origin, OriginNode } from './origin-tree';
import { checkBaseFormat, extendsEntries } from './extends-checks';
import { parseYaml } from './parse-yaml';
import { checkYamlBounds } from './yaml-bounds';
import type { LocationIndex, SourceFile } from './source-file';

/** The pseudo file name under which `--set` overrides are reported. */
export const SET_FILE = '--set';

export interface LoadedRecipe {
  /** The merged recipe (extends, then the recipe, then --set); undefined if unreadable. */
  readonly value: Record<string, unknown> | undefined;
  readonly origins: OriginNode | undefined;
  /** Every file read, the recipe first; for printing snippets and hashing inputs. */
  readonly files: readonly SourceFile[];
  readonly diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** `--set path=value` overrides, applied after all files. */
  readonly set?: readonly string[];
}

interface LoadContext {
  readonly host: SourceHost;
  readonly files: SourceFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a recipe and everything it extends, merges them, and applies `--set`.
 * Every problem becomes a diagnostic naming the file that caused it.
 */
export function loadRecipe(recipePath: string, host: SourceHost, options: LoadOptions = {}): LoadedRecipe {
  const ctx: LoadContext = { host, files: [], diagnostics: [] };
  const layer = loadLayer(path.normalize(recipePath), [], undefined, ctx, true);
  if (!layer || !isPlainMap(layer.value)) {
    return { value: undefined, origins: undefined, files: ctx.files, diagnostics: ctx.diagnostics };
  }
  let result: Layer = layer;
  if (options.set && options.set.length > 0) {
    result = applySetOverrides(result, options.set, ctx);
  }
  return { value: result.value as Record<string, unknown>, origins: result.origins, files: ctx.files, diagnostics: ctx.diagnostics };
}

function loadLayer(file: string, chain: readonly string[], from: Origin | undefined, ctx: LoadContext, top: boolean): Layer | undefined {
  if (chain.includes(file)) {
    ctx.diagnostics.push({
      code: 'TIB1006',
      severity: 'error',
      file: from?.file,
      range: from?.range,
      path: ['extends'],
      message: `extends cycle: ${[...chain, file].join(' -> ')}`,
      hint: 'remove one of the extends entries that lead back to a file already being merged',
    });
    return undefined;
  }
  const text = ctx.host.readFile(file, MAX_RECIPE_BYTES);
  if (text === undefined) {
    ctx.diagnostics.push(unreadable(file, from, ctx.host));
    return undefined;
  }
  const source: SourceFile = { path: file, text };
  ctx.files.push(source);
  const parsed = parseYaml(source);
  if (parsed.diagnostics.length > 0) {
    ctx.diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  if (!isPlainMap(parsed.value)) {
    const empty = parsed.value === undefined || parsed.value === null;
    ctx.diagnostics.push({
      code: 'TIB1003',
      severity: 'error',
      file,
      range: { start: 0, end: Math.min(1, text.length) },
      message: empty
        ? 'the file is empty; a recipe is a YAML mapping starting with `tib: 1`'
        : 'a recipe must be a YAML mapping (key: value pairs), not a list or a single value',
    });
    return undefined;
  }
  const own: Layer = { value: parsed.value, origins: buildOrigins(file, parsed.value, [], parsed.locations) };
  if (!top) ctx.diagnostics.push(...checkBaseFormat(own, text));
  const bases = loadExtends(file, own, [...chain, file], ctx, top);
  // Only the top recipe keeps `extends` in the merged value (so the schema checks it);
  // a base's own extends list has already been resolved into `bases`.
  const ownLayer = top ? own : withoutKey(own, 'extends');
  if (bases.length === 0) return ownLayer;
  const merged = bases.reduce((acc, next) => mergeLayers(acc, next));
  return mergeLayers(merged, ownLayer);
}

/** Why a recipe or extends file was not read: missing, not a regular file, too large. */
function unreadable(file: string, from: Origin | undefined, host: SourceHost): Diagnostic {
  const st = host.stat?.(file);
  const at = from ? { file: from.file, range: from.range, path: ['extends'] } : { file };
  const what = from ? `extends: '${file}'` : `recipe '${file}'`;
  if (st && (st.kind !== 'file' || st.size > MAX_RECIPE_BYTES)) {
    const why =
      st.kind === 'directory'
        ? 'is a directory'
        : st.kind === 'other'
          ? 'is not a regular file (a device, FIFO or socket)'
          : `is ${st.size.toLocaleString('en')} bytes; tib reads recipe files of at most ${MAX_RECIPE_BYTES.toLocaleString('en')} bytes`;
    return { code: 'TIB1010', severity: 'error', ...at, message: `${what} ${why}`, hint: 'a recipe is a YAML file of a few KiB' };
  }
  return from
    ? {
        code: 'TIB1005',
        severity: 'error',
        ...at,
        message: `extends: cannot read '${file}'`,
        hint: 'a relative extends path is taken from the directory of the recipe that lists it',
      }
    : { code: 'TIB1002', severity: 'error', file, message: `cannot read recipe '${file}'` };
}

function loadExtends(file: string, own: Layer, chain: readonly string[], ctx: LoadContext, top: boolean): Layer[] {
  const layers: Layer[] = [];
  for (const { entry, origin } of extendsEntries(own, top, ctx.diagnostics)) {
    // Relative to the file that lists it; an absolute path is that path.
    const target = path.isAbsolute(entry) ? path.normalize(entry) : path.normalize(path.join(path.dirname(file), entry));
    const layer = loadLayer(target, chain, origin ?? own.origins.origin, ctx, false);
    if (layer && isPlainMap(layer.value)) layers.push(withoutKey(layer, 'extends'));
  }
  return layers;
}

function withoutKey(layer: Layer, key: string): Layer {
  if (!isPlainMap(layer.value) || !(key in layer.value)) return layer;
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layer.value)) if (k !== key) defineValue(value, k, v);
  const children = new Map(layer.origins.children);
  children.delete(key);
  return { value, origins: { origin: layer.origins.origin, children } };
}

function buildOrigins(file: string, value: unknown, at: KeyPath, locations: LocationIndex): OriginNode {
  const location = locations.get(at);
  const origin: Origin = {
    file,
    range: location?.range ?? { start: 0, end: 0 },
    ...(location?.keyRange ? { keyRange: location.keyRange } : {}),
  };
  const children = new Map<string | number, OriginNode>();
  if (Array.isArray(value)) {
    value.forEach((item, index) => children.set(index, buildOrigins(file, item, [...at, index], locations)));
  } else if (isPlainMap(value)) {
    for (const [key, item] of Object.entries(value)) children.set(key, buildOrigins(file, item, [...at, key], locations));
  }
  return { origin, children };
}

/**
 * Applies `--set a.b=value` overrides. Values are read as YAML scalars/flow values
 * (`5` is a number, `[a, b]` a list, `"5"` a string). The overrides are reported as a
 * pseudo file `--set`, one line per override, so diagnostics can point into them.
 */
function applySetOverrides(layer: Layer, overrides: readonly string[], ctx: LoadContext): Layer {
  // One line per override: a line break inside a value is shown as ␤ (one UTF-16 unit,
  // so offsets into the override stay the same) instead of starting a line of its own.
  const text = overrides.map((o) => o.replace(/[\r\n]/g, '\u2424')).join('\n');
  ctx.files.push({ path: SET_FILE, text });
  let result = layer;
  let offset = 0;
  for (const override of overrides) {
    const lineStart = offset;
    offset += override.length + 1;
    const eq = override.indexOf('=');
    const keyText = eq < 0 ? override : override.slice(0, eq);
    const keys = keyText.split('.');
    if (eq <= 0 || keys.some((k) => k.length === 0)) {
      ctx.diagnostics.push({
        code: 'TIB1007',
        severity: 'error',
        file: SET_FILE,
        range: { start: lineStart, end: lineStart + override.length },
        message: `--set '${override}': expected path.to.key=value`,
      });
      continue;
    }
    const valueText = override.slice(eq + 1);
    const valueRange = { start: lineStart + eq + 1, end: lineStart + override.length };
    const parsedValue = parseSetValue(valueText, valueRange.start, ctx);
    if (!parsedValue) continue;
    const setValue = parsedValue.value;
    const origin: Origin = { file: SET_FILE, range: valueRange, keyRange: { start: lineStart, end: lineStart + eq } };
    const patched = setPath(result, keys, setValue, origin);
    if (patched === undefined) {
      ctx.diagnostics.push({
        code: 'TIB1008',
        severity: 'error',
        file: SET_FILE,
        range: { start: lineStart, end: lineStart + eq },
        path: keys,
        message: `--set ${keyText}: a parent of this key is not a mapping in the recipe`,
      });
      continue;
    }
    result = patched;
  }
  return result;
}

/**
 * A --set value read as YAML (`5` a number, `[a, b]` a list), or as the text itself when
 * it is not YAML. Bounded like a recipe file: an alias bomb or cycle is refused.
 */
function parseSetValue(text: string, at: number, ctx: LoadContext): { value: unknown } | undefined {
  let events;
  try {
    events = parseEvents(text, { maxDepth: MAX_YAML_DEPTH });
  } catch {
    return { value: text };
  }
  const bounds = checkYamlBounds(text, events);
  if (bounds) {
    const start = at + bounds.offset;
    ctx.diagnostics.push({
      code: bounds.code,
      severity: 'error',
      file: SET_FILE,
      range: { start, end: start + 1 },
      message: `--set: ${bounds.message}`,
    });
    return undefined;
  }
  try {
    const value = loadYamlScalar(text);
    return { value: value === undefined ? '' : value };
  } catch {
    return { value: text };
  }
}

function leafOrigins(origin: Origin, value: unknown): OriginNode {
  const children = new Map<string | number, OriginNode>();
  if (Array.isArray(value)) value.forEach((item, i) => children.set(i, leafOrigins(origin, item)));
  else if (isPlainMap(value)) for (const [k, v] of Object.entries(value)) children.set(k, leafOrigins(origin, v));
  return { origin, children };
}

/** Returns a new layer with value set at keys; undefined if a parent is not a map. */
function setPath(layer: Layer, keys: readonly string[], value: unknown, origin: Origin): Layer | undefined {
  const [head, ...rest] = keys;
  if (head === undefined) return { value, origins: leafOrigins(origin, value) };
  if (!isPlainMap(layer.value)) return undefined;
  const existing = Object.prototype.hasOwnProperty.call(layer.value, head) ? layer.value[head] : undefined;
  const existingOrigins = layer.origins.children.get(head);
  let child: Layer | undefined;
  if (rest.length === 0) {
    child = { value, origins: leafOrigins(origin, value) };
  } else if (existing === undefined) {
    child = setPath({ value: {}, origins: { origin, children: new Map() } }, rest, value, origin);
  } else {
    child = existingOrigins ? setPath({ value: existing, origins: existingOrigins }, rest, value, origin) : undefined;
  }
  if (!child) return undefined;
  const next: Record<string, unknown> = { ...layer.value };
  defineValue(next, head, child.value);
  const children = new Map(layer.origins.children);
  children.set(head, child.origins);
  return { value: next, origins: { origin: layer.origins.origin, children } };
}
