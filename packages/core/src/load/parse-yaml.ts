import { constructFromEvents, getScalarValue, load as loadScalar, parseEvents, YAMLException } from 'js-yaml';
import type { Event } from 'js-yaml';
import type { Diagnostic, KeyPath, SourceRange } from '../diagnostics/diagnostic';
import { formatKeyPath } from '../diagnostics/diagnostic';
import { LineCounter } from '../diagnostics/line-counter';
import { LocationIndex } from './source-file';
import type { SourceFile } from './source-file';
import { checkYamlBounds } from './yaml-bounds';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../limits';

// js-yaml 5 event type ids (EVENT_ID); inlined so the hot path needs no lookups.
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const QUOTED_STYLES = new Set([2, 3]);

export interface ParsedYaml {
  /** The document's value; undefined when the text did not parse. */
  readonly value: unknown;
  readonly locations: LocationIndex;
  readonly diagnostics: Diagnostic[];
}

interface OpenCollection {
  readonly kind: 'map' | 'seq';
  readonly path: KeyPath;
  readonly start: number;
  end: number;
  nextIndex: number;
  pendingKey: { name: string; range: SourceRange } | undefined;
  /** A mapping's keys so far, by the value YAML reads them as (`1`, `"1"` and `0x1` are one key). */
  readonly keys: Map<string, SourceRange>;
  readonly keyRange: SourceRange | undefined;
}

/**
 * Parses one YAML document with js-yaml's event stream, recording the source range of
 * every key and value by key path, then builds the value from the same events. Never
 * throws: syntax errors, duplicate keys, custom tags and multi-document files become
 * diagnostics. Line/column are not computed here (see LineCounter).
 */
export function parseYaml(file: SourceFile): ParsedYaml {
  const locations = new LocationIndex();
  let events: Event[];
  try {
    events = parseEvents(file.text, { filename: file.path, maxDepth: MAX_YAML_DEPTH });
  } catch (err) {
    return { value: undefined, locations, diagnostics: [yamlError(file, err, 'TIB1001')] };
  }
  const bounds = checkYamlBounds(file.text, events);
  if (bounds) {
    const range = { start: bounds.offset, end: bounds.offset + 1 };
    const hint = bounds.code === 'TIB1011' ? { hint: BOUNDS_HINT } : {};
    return {
      value: undefined,
      locations,
      diagnostics: [{ code: bounds.code, severity: 'error', file: file.path, range, message: bounds.message, ...hint }],
    };
  }
  const structural = indexLocations(file, events, locations);
  if (structural.length > 0) return { value: undefined, locations, diagnostics: structural };

  let documents: unknown[];
  try {
    documents = constructFromEvents(events, { source: file.text, filename: file.path, maxAliases: MAX_YAML_ALIASES });
  } catch (err) {
    const message = err instanceof YAMLException ? err.reason : String(err);
    const code = /duplicated mapping key/.test(message) ? 'TIB1004' : /tag/.test(message) ? 'TIB1009' : 'TIB1001';
    return { value: undefined, locations, diagnostics: [yamlError(file, err, code)] };
  }
  if (documents.length > 1) {
    return {
      value: undefined,
      locations,
      diagnostics: [
        {
          code: 'TIB1009',
          severity: 'error',
          file: file.path,
          range: { start: 0, end: 0 },
          message: `the file holds ${documents.length} YAML documents; a recipe is exactly one (remove the extra '---' separators)`,
        },
      ],
    };
  }
  return { value: documents[0], locations, diagnostics: [] };
}

const BOUNDS_HINT = 'write the values out, or share fewer of them through aliases';

/** What usually causes js-yaml's terser messages. */
const YAML_HINTS: readonly [RegExp, string][] = [
  [/indentation/, "check this line's indentation against its parent key, and look above for an unclosed { or ["],
  [/tab characters/, 'indent with spaces; YAML forbids tabs for indentation'],
  [/duplicated mapping key/, 'each key may appear once per mapping; merge the two entries'],
  [/unknown .*tag/, 'recipes use plain YAML: remove the !tag (secrets are written {env: NAME} or {file: PATH})'],
  [/end of the stream|unexpected end/, 'a quote, bracket or brace opened above is never closed'],
];

function yamlError(file: SourceFile, err: unknown, code: 'TIB1001' | 'TIB1004' | 'TIB1009'): Diagnostic {
  if (err instanceof YAMLException) {
    const position = err.mark?.position ?? 0;
    const reason = err.reason.replace(/\s*\(\d+:\d+\)$/, '');
    const message = code === 'TIB1004' ? `duplicate key: ${reason}` : `YAML: ${reason}`;
    const hint = YAML_HINTS.find(([pattern]) => pattern.test(reason))?.[1];
    return { code, severity: 'error', file: file.path, range: { start: position, end: position + 1 }, message, ...(hint ? { hint } : {}) };
  }
  return { code, severity: 'error', file: file.path, range: { start: 0, end: 0 }, message: `YAML: ${String(err)}` };
}

/** Walks the events once, recording each node's range under its key path. */
function indexLocations(file: SourceFile, events: readonly Event[], locations: LocationIndex): Diagnostic[] {
  const stack: OpenCollection[] = [];
  const duplicates: Diagnostic[] = [];
  let lastEnd = 0;
  let lines: LineCounter | undefined;
  const duplicate = (top: OpenCollection, name: string, range: SourceRange, first: SourceRange): Diagnostic => {
    lines ??= new LineCounter(file.text);
    const where = top.path.length > 0 ? ` in ${formatKeyPath(top.path)}` : '';
    return {
      code: 'TIB1004',
      severity: 'error',
      file: file.path,
      range,
      path: [...top.path, name],
      message: `duplicate key '${name}'${where} (first at line ${lines.linePos(first.start).line})`,
      hint: 'each key may appear once per mapping; merge the two entries',
    };
  };

  const place = (range: SourceRange): { path: KeyPath; keyRange?: SourceRange } | 'key' | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return { path: [] };
    if (top.kind === 'seq') return { path: [...top.path, top.nextIndex++] };
    if (!top.pendingKey) return 'key';
    const key = top.pendingKey;
    top.pendingKey = undefined;
    void range;
    return { path: [...top.path, key.name], keyRange: key.range };
  };

  for (const event of events) {
    switch (event.type) {
      case SCALAR:
      case ALIAS: {
        const range = event.type === SCALAR ? scalarRange(event, lastEnd) : { start: event.anchorStart - 1, end: event.anchorEnd };
        const where = place(range);
        const top = stack[stack.length - 1];
        if (where === 'key' && top) {
          const name = event.type === SCALAR ? getScalarValue(file.text, event) : '*alias';
          top.pendingKey = { name, range };
          // Aliases as keys are left to the constructor, which knows what they name.
          if (event.type === SCALAR) {
            const identity = keyIdentity(name, event.style);
            const first = top.keys.get(identity);
            if (first) duplicates.push(duplicate(top, name, range, first));
            else top.keys.set(identity, range);
          }
        } else if (where && where !== 'key') {
          locations.set(where.path, { range, ...(where.keyRange ? { keyRange: where.keyRange } : {}) });
        }
        lastEnd = Math.max(lastEnd, range.end);
        if (top) top.end = Math.max(top.end, range.end);
        break;
      }
      case MAPPING:
      case SEQUENCE: {
        const start = event.start;
        const where = place({ start, end: start });
        if (where === 'key') {
          return [
            {
              code: 'TIB1009',
              severity: 'error',
              file: file.path,
              range: { start, end: start + 1 },
              message: 'a mapping key must be a plain string, not a list or mapping',
            },
          ];
        }
        stack.push({
          kind: event.type === MAPPING ? 'map' : 'seq',
          path: where ? where.path : [],
          start,
          end: start + 1,
          nextIndex: 0,
          pendingKey: undefined,
          keys: new Map(),
          keyRange: where?.keyRange,
        });
        break;
      }
      case POP: {
        const closed = stack.pop();
        if (!closed) break; // end of a document
        const range = { start: closed.start, end: closed.end };
        locations.set(closed.path, { range, ...(closed.keyRange ? { keyRange: closed.keyRange } : {}) });
        const parent = stack[stack.length - 1];
        if (parent) parent.end = Math.max(parent.end, closed.end);
        lastEnd = Math.max(lastEnd, closed.end);
        break;
      }
      default:
        break;
    }
  }
  return duplicates;
}

function scalarRange(event: Extract<Event, { type: 4 }>, fallback: number): SourceRange {
  if (event.valueStart < 0) return { start: fallback, end: fallback };
  if (QUOTED_STYLES.has(event.style)) return { start: event.valueStart - 1, end: event.valueEnd + 1 };
  return { start: event.valueStart, end: event.valueEnd };
}

const PLAIN = 1;

/**
 * The key a mapping entry has once read: a plain `1`, `0x1` or `1.0` is the number 1,
 * which is the key "1" like a quoted "1". Only plain scalars that look like a number,
 * boolean or null need reading; everything else is its own text.
 */
function keyIdentity(name: string, style: number): string {
  if (style !== PLAIN || !/^[-+.0-9~]|^(true|false|null)$|^$/i.test(name)) return name;
  try {
    return String(loadScalar(name));
  } catch {
    return name;
  }
}
