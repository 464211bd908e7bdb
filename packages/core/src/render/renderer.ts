import Handlebars from 'handlebars';
import type { SourceHost } from '../host';
import { shellQuote, shellQuoteAll } from './shell-quote';

export type TemplateFn = (context: unknown) => string;

/**
 * Renders tib's Handlebars templates in an isolated instance: `noEscape` because HTML
 * escaping is wrong for shell and config files, `strict` so a missing field is an error
 * instead of an empty string in a script. Templates are compiled once and cached.
 */
export class Renderer {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, TemplateFn>();

  constructor(private readonly host: SourceHost, private readonly templatesDir: string) {
    this.hbs.registerHelper('sh', (value: unknown) => {
      if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`sh helper: expected a string, got ${typeof value}`);
      return shellQuote(String(value));
    });
    this.hbs.registerHelper('shAll', (values: unknown) => {
      if (!Array.isArray(values)) throw new Error('shAll helper: expected a list');
      return shellQuoteAll(values.map(String));
    });
    this.hbs.registerHelper('join', (values: unknown, sep: unknown) => (Array.isArray(values) ? values.map(String).join(typeof sep === 'string' ? sep : ' ') : ''));
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // For text inside `#` comments: control characters would end the comment.
    this.hbs.registerHelper('comment', (value: unknown) => String(value).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
    this.hbs.registerHelper('octal', (mode: unknown) => `0${Number(mode).toString(8)}`);
  }

  render(name: string, context: unknown): string {
    let fn = this.cache.get(name);
    if (!fn) {
      const path = `${this.templatesDir}/${name}`;
      const source = this.host.readFile(path);
      if (source === undefined) throw new TemplateError(name, `template ${path} not found`);
      fn = this.hbs.compile(source, { noEscape: true, strict: true });
      this.cache.set(name, fn);
    }
    try {
      return fn(context);
    } catch (err) {
      throw new TemplateError(name, err instanceof Error ? err.message : String(err));
    }
  }
}

/** A template failed: always a bug in tib (templates and their data both ship with it). */
export class TemplateError extends Error {
  constructor(readonly template: string, detail: string) {
    super(`template ${template}: ${detail}`);
  }
}
