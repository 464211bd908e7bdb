import type { Event } from 'js-yaml';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_VALUES } from '../limits';

// js-yaml 5 event type ids (EVENT_ID), as in parse-yaml.ts.
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;

export interface BoundsViolation {
  /** TIB1011 for a bound; TIB1009 for an alias inside the value it names (a cycle). */
  readonly code: 'TIB1009' | 'TIB1011';
  /** Offset of the alias (its `*`) or value at which the bound was crossed. */
  readonly offset: number;
  readonly message: string;
}

interface Open {
  readonly valuesAtStart: number;
  readonly anchor: string | undefined;
  height: number;
}

/**
 * Counts what a document expands to before anything is built from it: every value, and
 * for every alias the whole value it names, with the nesting that adds. The YAML parser
 * shares aliased values (so building is cheap), but everything after it — origins,
 * merging, the schema, the rules — walks the expanded tree; nine aliases to nine aliases
 * eight levels deep is 43 million values from a few hundred bytes. One pass, O(events).
 */
export function checkYamlBounds(text: string, events: readonly Event[]): BoundsViolation | undefined {
  const anchors = new Map<string, { values: number; height: number }>();
  const stack: Open[] = [];
  let values = 0;
  let aliases = 0;
  const anchorName = (e: { anchorStart: number; anchorEnd: number }) =>
    e.anchorStart >= 0 ? text.slice(e.anchorStart, e.anchorEnd) : undefined;
  const grow = (height: number) => {
    const top = stack[stack.length - 1];
    if (top) top.height = Math.max(top.height, height + 1);
  };

  for (const event of events) {
    switch (event.type) {
      case SCALAR: {
        values++;
        const name = anchorName(event);
        if (name !== undefined) anchors.set(name, { values: 1, height: 0 });
        grow(0);
        if (values > MAX_YAML_VALUES) return tooMany(Math.max(0, event.valueStart));
        break;
      }
      case ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const at = Math.max(0, event.anchorStart - 1);
        if (stack.some((open) => open.anchor === name))
          return { code: 'TIB1009', offset: at, message: 'an alias (*name) refers to a node that contains it; a recipe cannot be a cycle' };
        const target = anchors.get(name) ?? { values: 1, height: 0 };
        values += target.values;
        grow(target.height);
        if (++aliases > MAX_YAML_ALIASES)
          return {
            code: 'TIB1011',
            offset: at,
            message: `more than ${MAX_YAML_ALIASES} aliases (*name) in one document; a recipe needs a handful`,
          };
        if (values > MAX_YAML_VALUES) return tooMany(at, true);
        if (stack.length + target.height > MAX_YAML_DEPTH) return tooDeep(at);
        break;
      }
      case MAPPING:
      case SEQUENCE:
        values++;
        stack.push({ valuesAtStart: values, anchor: anchorName(event), height: 0 });
        if (values > MAX_YAML_VALUES) return tooMany(event.start);
        break;
      case POP: {
        const closed = stack.pop();
        if (!closed) break; // end of a document
        if (closed.anchor !== undefined) anchors.set(closed.anchor, { values: values - closed.valuesAtStart + 1, height: closed.height });
        grow(closed.height);
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

function tooMany(offset: number, alias = false): BoundsViolation {
  return {
    code: 'TIB1011',
    offset,
    message: alias
      ? `aliases (*name) expand this document to more than ${MAX_YAML_VALUES.toLocaleString('en')} values; a recipe holds a few hundred, so tib stops here`
      : `the document holds more than ${MAX_YAML_VALUES.toLocaleString('en')} values; a recipe holds a few hundred`,
  };
}

function tooDeep(offset: number): BoundsViolation {
  return { code: 'TIB1011', offset, message: `this alias nests the document more than ${MAX_YAML_DEPTH} levels deep` };
}
