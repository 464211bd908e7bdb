import * as fs from 'node:fs';
import * as path from 'node:path';
// A static import: in the bundle this command's module, and so fast-glob, loads only when
// the command runs, and a dynamic import() has no loader inside bin/tib.js's vm.Script.
import fg from 'fast-glob';
import { EXIT } from '../exit-codes';
import { resourceDirs } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import type { ParsedArgs } from './command';
import { toJson } from './shared';

/** Elements tib can use: its own (elements/) and DIB's, with their README's first line. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { findDib, nodeBuildHost } = await import('@tib/runner');
  const tibDir = resourceDirs(io.env).elementsDir;
  const dib = findDib(nodeBuildHost(io.env));
  const list = (dir: string | undefined, origin: string) =>
    dir
      ? fg
          .sync('*/', { cwd: dir, onlyDirectories: true })
          .map((d) => d.replace(/\/$/, ''))
          .filter((d) => !d.startsWith('_'))
          .sort()
          .map((name) => ({ name, origin, path: path.join(dir, name), summary: summary(path.join(dir, name)) }))
      : [];
  const rows = [...list(tibDir, 'tib'), ...list(dib?.elementsDir, `dib ${dib?.version ?? ''}`.trim())];
  if (args.values['json']) write(io.stdout, toJson(rows));
  else {
    for (const r of rows) write(io.stdout, `${r.name.padEnd(28)} ${r.origin.padEnd(10)} ${r.summary}`);
    if (!dib) write(io.stderr, "diskimage-builder is not installed here: only tib's elements are listed");
  }
  return EXIT.ok;
}

function summary(dir: string): string {
  try {
    const lines = fs
      .readFileSync(path.join(dir, 'README.rst'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    return lines.find((l) => l !== '' && !/^[=\-~^]+$/.test(l) && l !== path.basename(dir)) ?? '';
  } catch {
    return '';
  }
}
