import HandlebarsRuntime from 'handlebars/runtime';
import { PRECOMPILED_TEMPLATES } from '../generated/templates';
import { shellQuote, shellQuoteAll } from './shell-quote';

export type TemplateFn = (context: unknown) => string;

/**
 * Renders tib's Handlebars templates in an isolated instance: `noEscape` because HTML
 * escaping is wrong for shell and config files, `strict` so a missing field is an error
 * instead of an empty string in a script. tib's own templates are precompiled at build
 * time (`npm run gen`, with these same options) so the compiler is never loaded at run
 * time; templates/ is their source, kept in sync by a test.
 */
export class Renderer {
  private readonly hbs = HandlebarsRuntime.create();
  private readonly cache = new Map<string, TemplateFn>();

  constructor() {
    this.hbs.registerHelper('sh', (value: unknown) => {
      if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`sh helper: expected a string, got ${typeof value}`);
      return shellQuote(String(value));
    });
    this.hbs.registerHelper('shAll', (values: unknown) => {
      if (!Array.isArray(values)) throw new Error('shAll helper: expected a list');
      return shellQuoteAll(values.map(String));
    });
    this.hbs.registerHelper('join', (values: unknown, sep: unknown) =>
      Array.isArray(values) ? values.map(String).join(typeof sep === 'string' ? sep : ' ') : '',
    );
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // For text inside `#` comments: control characters would end the comment.
    this.hbs.registerHelper('comment', (value: unknown) =>
      String(value).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
    );
    this.hbs.registerHelper('octal', (mode: unknown) => `0${Number(mode).toString(8)}`);
  }

  render(name: string, context: unknown): string {
    const fn = this.cache.get(name) ?? this.load(name);
    try {
      return fn(context);
    } catch (err) {
      throw new TemplateError(name, err instanceof Error ? err.message : String(err));
    }
  }

  private load(name: string): TemplateFn {
    const spec = PRECOMPILED_TEMPLATES[name];
    if (!spec) throw new TemplateError(name, 'no such template (templates are precompiled by npm run gen)');
    const fn = this.hbs.template(spec as Parameters<typeof this.hbs.template>[0]) as TemplateFn;
    this.cache.set(name, fn);
    return fn;
  }
}

/** A template failed: always a bug in tib (templates and their data both ship with it). */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    detail: string,
  ) {
    super(`template ${template}: ${detail}`);
  }
}
