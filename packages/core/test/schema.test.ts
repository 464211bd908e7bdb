import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, RECIPE_OVERLAY_SCHEMA, RECIPE_SCHEMA } from '../src';

const root = path.resolve(__dirname, '../../..');

/** Every property of every object in the schema, with its path. */
function properties(node: unknown, at: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  for (const [key, child] of Object.entries((n['properties'] as Record<string, unknown>) ?? {})) {
    out.push([`${at}.${key}`, child as Record<string, unknown>]);
    properties(child, `${at}.${key}`, out);
  }
  for (const k of ['items', 'additionalProperties']) if (n[k] && typeof n[k] === 'object') properties(n[k], `${at}[]`, out);
  for (const k of ['oneOf', 'anyOf']) (n[k] as unknown[] | undefined)?.forEach((b, i) => properties(b, `${at}|${i}`, out));
  for (const [name, def] of Object.entries((n['definitions'] as Record<string, unknown>) ?? {})) properties(def, `#${name}`, out);
  return out;
}

describe('recipe schema', () => {
  it('describes every property', () => {
    const undescribed = properties(RECIPE_SCHEMA, '')
      .filter(([, s]) => typeof s['description'] !== 'string' || (s['description'] as string).length < 5)
      .map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it('closes every object (unknown keys are errors)', () => {
    const open: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n['type'] === 'object' && n['additionalProperties'] === undefined) open.push(at);
      for (const [k, v] of Object.entries(n)) if (typeof v === 'object') walk(v, `${at}/${k}`);
    };
    walk(RECIPE_SCHEMA, '#');
    expect(open).toEqual([]);
  });

  it('uses the key names of SPEC §3', () => {
    const keys = properties(RECIPE_SCHEMA, '').map(([p]) => p.replace(/^\./, ''));
    for (const k of [
      'name',
      'purpose',
      'extends',
      'base.distro',
      'base.release',
      'base.arch',
      'base.image.source',
      'base.mirror',
      'datastore.type',
      'datastore.version',
      'datastore.runtime',
      'datastore.package',
      'datastore.images',
      'datastore.paths',
      'datastore.autostart',
      'guestagent.source',
      'guestagent.release',
      'guestagent.requirements',
      'guestagent.user',
      'guestagent.logDir',
      'guestagent.configDir',
      'system.init',
      'system.security',
      'system.cloudInit.datasources',
      'system.repositories',
      'system.packages',
      'rhel.subscription',
      'access',
      'output',
      'elements',
      'environment',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('derives the overlay schema: nothing required where maps merge, the rest unchanged', () => {
    const required = (node: unknown, at: string, out: string[] = []): string[] => {
      if (!node || typeof node !== 'object') return out;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'required') out.push(`${at}: ${JSON.stringify(v)}`);
        else required(v, `${at}/${k}`, out);
      }
      return out;
    };
    const kept = required(RECIPE_OVERLAY_SCHEMA, '#');
    expect(kept.length).toBeGreaterThan(0);
    for (const r of kept) expect(r).toMatch(/\/(items|oneOf|definitions)(\/|:)/);
    expect(required(RECIPE_SCHEMA, '#')).toEqual(expect.arrayContaining(kept));
    const body = (schema: object) => {
      const { $id: _id, title: _title, description: _description, ...rest } = schema as Record<string, unknown>;
      return JSON.stringify(rest, (k, v: unknown) => (k === 'required' ? undefined : v));
    };
    expect(body(RECIPE_OVERLAY_SCHEMA)).toBe(body(RECIPE_SCHEMA));
  });

  it('has generated files (schema JSON, TypeScript types, diagnostics doc) in sync', () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(root, 'scripts/generate.js'), '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('lists every diagnostic code in the docs page', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/diagnostics.md'), 'utf8') as string;
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(doc).toContain(`| ${code} |`);
  });
});
