import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT } from '../exit-codes';
import { resourceDirs } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import type { ParsedArgs } from './command';
import { toJson } from './shared';

/** Elements tib can use: its own (elements/) and DIB's, with their README's first line. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { findDib, nodeBuildHost } = await import('@tib/runner');
  // fast-glob stays outside the bundle (see scripts/build.js), and the bundle runs in a
  // vm.Script without an import() loader: require it, as validate does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fg = require('fast-glob') as typeof import('fast-glob');
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
