import * as fs from 'node:fs';
import * as path from 'node:path';
import { compilePlan } from '@tib/core';
import { EXIT, UsageError } from '../exit-codes';
import { tibVersion } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import { nodeHost } from '../node-host';
import { printDiagnostics } from '../print-diagnostics';
import type { ParsedArgs } from './command';
import { compileInputFor } from './shared';

/** tib controller templates RECIPE [--out DIR] | tib controller prepare --trove MAJOR [--trove-tree DIR]. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [action, recipe] = args.positionals;
  if (action === 'templates') {
    if (!recipe) throw new UsageError('tib controller templates needs the RECIPE');
    return templates(recipe, args, io);
  }
  if (action === 'prepare') return prepare(args, io);
  throw new UsageError(`tib controller: unknown action '${action ?? ''}' (templates or prepare)`);
}

function templates(recipe: string, args: ParsedArgs, io: Io): number {
  const compiled = compilePlan(compileInputFor(recipe, args, io), nodeHost(io.cwd));
  printDiagnostics(io, compiled.files, compiled.diagnostics);
  if (!compiled.ok) return EXIT.invalidRecipe;
  const list = compiled.plan.controller.templates;
  const out = typeof args.values['out'] === 'string' ? path.resolve(io.cwd, args.values['out']) : undefined;
  if (list.length === 0) {
    write(io.stderr, `${compiled.plan.image.name}: the controller's own templates serve this image; nothing to install`);
    return EXIT.ok;
  }
  for (const t of list) {
    if (out) {
      const file = path.join(out, t.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, t.content);
      write(io.stderr, `wrote ${file}: ${t.why}`);
    } else {
      write(io.stdout, `# ${t.path}: ${t.why}\n${t.content}`);
    }
  }
  return EXIT.ok;
}

async function prepare(args: ParsedArgs, io: Io): Promise<number> {
  const major = Number.parseInt(String(args.values['trove'] ?? ''), 10);
  if (!Number.isInteger(major)) throw new UsageError('tib controller prepare needs --trove MAJOR (e.g. 23)');
  const { prepareController, ToolError } = await import('@tib/verify');
  const { cacheDir } = await import('@tib/runner');
  const mirror = typeof args.values['mirror'] === 'string' ? args.values['mirror'] : 'http://deb.debian.org/debian';
  const tree = typeof args.values['trove-tree'] === 'string' ? path.resolve(io.cwd, args.values['trove-tree']) : undefined;
  try {
    const r = await prepareController({
      major,
      cacheDir: cacheDir(io.env),
      mirror,
      securityMirror: mirror.replace(/\/debian\/?$/, '/debian-security'),
      ...(tree ? { tree } : {}),
      tibVersion: tibVersion(),
      env: io.env,
      log: (line) => write(io.stderr, `tib controller: ${line}`),
    });
    write(io.stderr, `Trove ${major}'s controller code is ready in ${r.root} (${r.seconds} s)`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof ToolError) {
      write(io.stderr, `tib controller: ${err.message}`);
      return EXIT.preflight;
    }
    throw err;
  }
}
