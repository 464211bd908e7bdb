import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Plan } from '@tib/core';
import { findChecksum } from './checksum-list';
import type { RunPaths } from './run-paths';
import { inputPath } from './run-paths';
import { download, fetchText } from './download';
import { sha256File } from './sha256-file';

export interface BaseImage {
  readonly file: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly source: 'download' | 'cache' | 'local';
  readonly url?: string;
}

export class BaseImageError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/**
 * Makes the plan's base image available as a verified file, using the cache layout the
 * compiled script uses too (<cache>/images/<sha256>/<file>, and by-url/ records of which
 * sha256 a URL had): fetched once, verified before DIB sees it, kept between builds
 * (trovestack wipes its cache on every build; tib does not). A partial download lives
 * under `.part` and never counts as cached.
 */
export async function acquireBaseImage(
  plan: Plan,
  paths: RunPaths,
  offline: boolean,
  log: (line: string) => void,
): Promise<BaseImage | undefined> {
  const base = plan.baseImage;
  const fail = (code: Diagnostic['code'], message: string): never => {
    throw new BaseImageError({ code, severity: 'error', file: plan.recipe.path, message });
  };
  if (base.source === 'bootstrap') return undefined;
  if (base.source === 'local') {
    const input = plan.inputs.find((i) => i.id === base.input);
    if (!input) return fail('TIB5011', 'the plan names no local base image');
    const file = inputPath(paths, input);
    if (!fs.existsSync(file)) fail('TIB5011', `base image ${file} does not exist`);
    const actual = await sha256File(file);
    if (input.sha256 && actual !== input.sha256)
      fail('TIB5012', `base image ${file}: sha256 is ${actual}, the recipe says ${input.sha256}`);
    return { file, fileName: base.fileName, sha256: actual, source: 'local' };
  }

  const images = path.join(paths.cacheDir, 'images');
  const byUrl = path.join(images, 'by-url', createHash('sha256').update(base.url).digest('hex'));
  let expected = base.sha256 ?? readIfExists(byUrl)?.trim();
  const cachedFile = (sha: string) => path.join(images, sha, base.fileName);

  if (base.source === 'cache') {
    if (!expected)
      fail('TIB5013', `base.image.source: cache, but ${base.url} was never downloaded into ${images} (run once with source: download)`);
    const file = cachedFile(expected as string);
    if (!fs.existsSync(file)) fail('TIB5013', `base.image.source: cache, but ${file} is not in the cache (run once with source: download)`);
    const actual = await sha256File(file);
    if (actual !== expected) fail('TIB5012', `cached ${file} does not match its sha256 ${expected}`);
    return { file, fileName: base.fileName, sha256: actual, source: 'cache', url: base.url };
  }

  if (!expected || !fs.existsSync(cachedFile(expected))) {
    if (offline) fail('TIB5014', `--offline: ${base.url} is not in the cache ${images}`);
    if (!expected && base.checksumList) {
      let list = '';
      try {
        list = await fetchText(base.checksumList);
      } catch (err) {
        fail('TIB5014', `cannot fetch the checksum list ${base.checksumList}: ${err instanceof Error ? err.message : String(err)}`);
      }
      expected = findChecksum(list, base.fileName);
      if (!expected) fail('TIB5014', `${base.fileName} is not listed in ${base.checksumList}`);
    }
  }
  if (!expected) return fail('TIB5014', `no sha256 is known for ${base.url}`);
  const file = cachedFile(expected);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const part = `${file}.part`;
    log(`downloading ${base.url}`);
    try {
      await download(base.url, part, log);
    } catch (err) {
      fail('TIB5014', `download failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const actual = await sha256File(part);
    if (actual !== expected) {
      fs.rmSync(part, { force: true });
      fail('TIB5012', `sha256 mismatch for ${base.url}: expected ${expected}, got ${actual}`);
    }
    fs.renameSync(part, file);
  }
  fs.mkdirSync(path.dirname(byUrl), { recursive: true });
  fs.writeFileSync(byUrl, `${expected}\n`);
  return { file, fileName: base.fileName, sha256: expected, source: 'download', url: base.url };
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
