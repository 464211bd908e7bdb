/**
 * Secret values must not be in the image (only references live in recipes and plans): not in DIB's manifests (DIB copies
 * every DIB_* variable there), not in any file, not in free blocks of the disk. Only where
 * a value was found is reported, never the value.
 */
import type { Expectation } from '@tib/core';
import { joinPath, listDir, readText, statPath } from '../image/image-fs';
import type { CheckResult } from '../types';
import type { InspectData } from './context';
import { isUnavailable, pass, result } from './context';

type Exp<K extends Expectation['kind']> = Extract<Expectation, { kind: K }>;

export function checkSecrets(e: Exp<'no-secrets'>, d: InspectData): CheckResult[] {
  return [manifests(e, d), files(e, d), disk(e, d)];
}

function manifests(e: Exp<'no-secrets'>, d: InspectData): CheckResult {
  const title = `DIB manifests (${e.manifestsDir}) free of secrets`;
  const names = listDir(d.fs, e.manifestsDir);
  if (names.length === 0)
    return result('secrets:manifests', title, statPath(d.fs, e.manifestsDir) ? 'pass' : 'skip', `no manifests in ${e.manifestsDir}`, e);
  const problems: string[] = [];
  for (const name of names) {
    const path = joinPath(e.manifestsDir, name);
    const text = readText(d.fs, path);
    if (text === undefined) continue;
    // A secret variable recorded by name (with any value) is a leak, even if the value differs.
    const named = e.names.filter((n) => new RegExp(`(^|[\\s;])(declare -x |export )?${n}=`, 'm').test(text));
    if (named.length > 0) problems.push(`${path} records ${named.join(', ')}`);
    if (d.secretValues.some((v) => v.length > 0 && text.includes(v))) problems.push(`${path} holds a secret value`);
  }
  const what =
    e.names.length > 0
      ? `checked for ${e.names.join(', ')}${d.secretValues.length > 0 ? ' and their values' : ''}`
      : 'the recipe has no secret variables';
  return result(
    'secrets:manifests',
    title,
    pass(problems.length === 0),
    problems.length > 0 ? problems.join('; ') : `${names.length} manifest file(s); ${what}`,
    e,
  );
}

function files(e: Exp<'no-secrets'>, d: InspectData): CheckResult {
  const title = 'no secret value in any file of the image';
  const s = d.secrets;
  if (s.canaries === 0)
    return result('secrets:files', title, 'skip', 'no secret value to look for (the recipe references none, or none was long enough)', e);
  if (isUnavailable(s.files)) return result('secrets:files', title, 'skip', s.files.unavailable, e);
  const hits = s.files;
  const shown = hits
    .slice(0, 5)
    .map((h) => h.path)
    .join(', ');
  return result(
    'secrets:files',
    title,
    pass(hits.length === 0),
    hits.length === 0
      ? `${s.canaries} value(s) searched in every file`
      : `found in ${hits.length} file(s): ${shown}${hits.length > 5 ? ', …' : ''}`,
    e,
  );
}

function disk(e: Exp<'no-secrets'>, d: InspectData): CheckResult {
  const title = "no secret value in the disk's raw blocks (deleted files included)";
  const s = d.secrets;
  if (s.canaries === 0) return result('secrets:disk', title, 'skip', 'no secret value to look for', e);
  if (isUnavailable(s.disk)) return result('secrets:disk', title, 'skip', s.disk.unavailable, e);
  const gib = (s.disk.bytes / 2 ** 30).toFixed(1);
  return result(
    'secrets:disk',
    title,
    pass(s.disk.hits.length === 0),
    s.disk.hits.length === 0
      ? `${gib} GiB scanned`
      : `found at byte offset ${s.disk.hits.map((h) => h.offset).join(', ')} of the ${gib} GiB raw disk`,
    e,
  );
}
