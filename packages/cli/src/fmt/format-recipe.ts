import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic, DiagnosticCode } from '@tib/core';
import { parseYaml, RECIPE_SCHEMA } from '@tib/core';
import type { Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';

/**
 * tib's canonical recipe style, written with the `yaml` library's document model, which
 * keeps comments attached to the nodes they belong to through a round trip:
 *   - keys in the order of the recipe reference (the schema's property order); keys the
 *     schema does not know keep their order, after the known ones;
 *   - 2-space indentation, lists indented under their key, no line folding;
 *   - versions and checksums (`version`, `sha256`, `fingerprint`) double-quoted, as
 *     YAML would read 8.0 or 1e5 as numbers; other strings plain unless they need
 *     quotes (a release "9"); block scalars, flow and block collections as written;
 *   - a blank line around each top-level section that spans lines, none elsewhere;
 *   - comments kept, the file's header comment (the editor's `$schema` line) first.
 * The result is checked to mean exactly what the input meant, as tib reads YAML.
 */
export type FormatResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

const QUOTED_KEYS = new Set(['version', 'sha256', 'fingerprint']);

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  $ref?: string;
  additionalProperties?: unknown;
};
const ROOT = RECIPE_SCHEMA as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

export function formatRecipe(path: string, text: string): FormatResult {
  const parsed = parseYaml({ path, text });
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) return failure(path, 'TIB1001', `YAML: ${error.message.split('\n')[0]}`, error.pos[0]);
  if (!isMap(doc.contents)) return failure(path, 'TIB1003', 'a recipe is one YAML mapping (key: value pairs); nothing to format', 0);

  const top = doc.contents;
  keepHeaderFirst(top, () => canonical(top, ROOT, undefined));
  spaceTopLevel(top.items);
  const changesMeaning = () =>
    failure(
      path,
      'TIB1012',
      'tib fmt cannot reorder this file without changing what it means (an alias would come before its anchor); it is left as it is',
      0,
    );
  let out: string;
  try {
    out = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  } catch {
    return changesMeaning(); // the yaml library refuses an alias before its anchor
  }
  // The style must never change the recipe: compare the values as tib reads them.
  const again = parseYaml({ path, text: out });
  if (again.diagnostics.length > 0 || !isDeepStrictEqual(again.value, parsed.value)) return changesMeaning();
  return { ok: true, text: out };
}

function failure(file: string, code: DiagnosticCode, message: string, offset: number): FormatResult {
  return { ok: false, diagnostics: [{ code, severity: 'error', file, range: { start: offset, end: offset + 1 }, message }] };
}

/** Sorts maps by the schema, normalizes scalar styles and blank lines, depth first. */
function canonical(node: Node, schema: SchemaNode | undefined, key: string | undefined): void {
  const s = resolve(schema);
  tidyComments(node);
  if (isMap(node)) {
    // A comment opening a nested map is the first key's (the top map's is the file header).
    const first = node.items[0];
    if (key !== undefined && node.commentBefore && first && isScalar(first.key)) {
      first.key.commentBefore = [node.commentBefore, first.key.commentBefore].filter(Boolean).join('\n');
      node.commentBefore = undefined;
    }
    const order = s?.properties ? Object.keys(s.properties) : [];
    const rank = (pair: Pair) => {
      const at = order.indexOf(keyName(pair) ?? '');
      return at < 0 ? order.length : at;
    };
    node.items = node.items
      .map((pair, at) => ({ pair, at }))
      .sort((x, y) => rank(x.pair) - rank(y.pair) || x.at - y.at)
      .map((e) => e.pair);
    for (const pair of node.items) {
      noBlankLineBefore(pair);
      if (isScalar(pair.key)) tidyComments(pair.key);
      const name = keyName(pair);
      const child = name !== undefined ? (s?.properties?.[name] ?? additional(s)) : undefined;
      if (pair.value) canonical(pair.value as Node, child, name);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (!item || (!isCollection(item) && !isScalar(item))) continue;
      item.spaceBefore = false;
      canonical(item as Node, itemSchema(s, item as Node), undefined);
    }
  } else if (isScalar(node) && typeof node.value === 'string') {
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return;
    node.type = key !== undefined && QUOTED_KEYS.has(key) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
  }
}

function resolve(schema: SchemaNode | undefined): SchemaNode | undefined {
  const ref = schema?.$ref?.replace('#/definitions/', '');
  return ref ? ROOT.definitions[ref] : schema;
}

function additional(s: SchemaNode | undefined): SchemaNode | undefined {
  return s?.additionalProperties && typeof s.additionalProperties === 'object' ? (s.additionalProperties as SchemaNode) : undefined;
}

/** A list's item schema; for a oneOf of a string and a mapping, the mapping's when the item is one. */
function itemSchema(list: SchemaNode | undefined, item: Node): SchemaNode | undefined {
  const items = resolve(list?.items);
  if (!items?.oneOf) return items;
  return isMap(item) ? items.oneOf.find((b) => b.properties) : items;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** No blank line closes a comment block: spacing is decided by spaceTopLevel alone. */
function tidyComments(node: Node): void {
  if (node.comment) node.comment = node.comment.replace(/\n+$/, '');
  if (node.commentBefore) node.commentBefore = node.commentBefore.replace(/\n+$/, '');
}

function noBlankLineBefore(pair: Pair): void {
  if (isScalar(pair.key) || isCollection(pair.key)) pair.key.spaceBefore = false;
  if (isScalar(pair.value) || isCollection(pair.value) || isAlias(pair.value)) pair.value.spaceBefore = false;
}

/**
 * The comment above the first key is the file's header (it carries the editor's
 * `$schema` line, which must stay on line 1): it stays on top whatever key comes first.
 */
function keepHeaderFirst(map: YAMLMap, sort: () => void): void {
  const first = map.items[0];
  const header = first && isScalar(first.key) ? first.key.commentBefore : undefined;
  if (first && isScalar(first.key)) first.key.commentBefore = undefined;
  sort();
  const top = map.items[0];
  if (header && top && isScalar(top.key)) top.key.commentBefore = top.key.commentBefore ? `${header}\n${top.key.commentBefore}` : header;
}

/** A blank line before and after each top-level section that spans lines. */
function spaceTopLevel(items: readonly Pair[]): void {
  const spans = (pair: Pair | undefined) =>
    pair !== undefined && isCollection(pair.value) && !pair.value.flow && pair.value.items.length > 0;
  items.forEach((pair, at) => {
    if (isScalar(pair.key) && at > 0) pair.key.spaceBefore = spans(pair) || spans(items[at - 1]);
  });
}
