import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { Diagnostic, Plan } from '@tib/core';
import type { RunPaths } from './run-paths';
import { inputPath } from './run-paths';
import type { InputRecord, Manifest } from './manifest';
import { sha256File } from './sha256-file';

/**
 * Checksums of the plan's input files, verified against the recipe where it gives one.
 * A file whose size and mtime match the last manifest reuses its recorded sha256, so an
 * up-to-date check does not re-read gigabytes. Directories (a local agent tree, element
 * paths) are hashed by the paths, sizes and contents of their files.
 */
export async function checkInputs(
  plan: Plan,
  paths: RunPaths,
  previous: Manifest | undefined,
): Promise<{ records: InputRecord[]; diagnostics: Diagnostic[] }> {
  const records: InputRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of plan.inputs) {
    const file = inputPath(paths, input);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      diagnostics.push({ code: 'TIB5011', severity: 'error', file: plan.recipe.path, message: `${input.role} ${file} does not exist` });
      continue;
    }
    // Validation refused these already; the file may have changed since (a FIFO would block the hash).
    if (input.kind === 'directory' ? !st.isDirectory() : !st.isFile()) {
      const want = input.kind === 'directory' ? 'a directory' : 'a regular file';
      diagnostics.push({ code: 'TIB1010', severity: 'error', file: plan.recipe.path, message: `${input.role} ${file} is not ${want}` });
      continue;
    }
    const before = previous?.inputs.find((r) => r.id === input.id && r.path === file);
    const mtimeMs = Math.floor(st.mtimeMs);
    const size = st.isDirectory() ? 0 : st.size;
    let sha256: string;
    if (st.isDirectory()) sha256 = hashDirectory(file);
    else if (before && before.size === size && before.mtimeMs === mtimeMs) sha256 = before.sha256;
    else sha256 = await sha256File(file);
    if (input.sha256 && sha256 !== input.sha256) {
      diagnostics.push({
        code: 'TIB5012',
        severity: 'error',
        file: plan.recipe.path,
        message: `${input.role} ${file}: sha256 is ${sha256}, the recipe says ${input.sha256}`,
      });
    }
    records.push({ id: input.id, role: input.role, path: file, sha256, size, mtimeMs });
  }
  return { records, diagnostics };
}

function hashDirectory(dir: string): string {
  const h = createHash('sha256');
  const entries = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.split(path.sep).includes('.git'))
    .sort();
  for (const f of entries) {
    h.update(`${path.relative(dir, f)}\0`);
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}
