/**
 * Facts about the image that need a host tool or a full read: the package database
 * (dpkg's is a text file; rpm's needs the host's rpm), key fingerprints (gpg), and the
 * canary scans over every file and over the raw disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expectation } from '@tib/core';
import type { Unavailable } from '../checks/context';
import { haveTool, loadExeca, runTool } from '../exec';
import type { ImageFs } from '../image/image-fs';
import { joinPath, listDir, readText, statPath } from '../image/image-fs';
import type { CanaryScanner, ScanHit } from '../image/scanner';
import { TarParser } from '../image/tar-stream';
import type { PackageDb } from '../parse/dpkg';
import { parseDpkgStatus, parseRpmQuery } from '../parse/dpkg';
import { gpgFingerprints } from '../parse/keys';

const MIN = 60_000;

export async function packageDb(
  image: ImageFs,
  family: 'deb' | 'rpm',
  work: string,
  env: NodeJS.ProcessEnv,
): Promise<PackageDb | Unavailable> {
  if (family === 'deb') {
    const status = readText(image, '/var/lib/dpkg/status');
    return status === undefined ? { unavailable: 'no /var/lib/dpkg/status in the image' } : parseDpkgStatus(status);
  }
  if (!(await haveTool('rpm', env))) return { unavailable: "the host has no rpm to read the image's rpm database (apt install rpm)" };
  // rpm wants to lock and may rewrite its database: query a copy, never the image.
  const db = path.join(work, 'rpmdb');
  fs.mkdirSync(db, { recursive: true });
  for (const name of listDir(image, '/var/lib/rpm')) {
    const s = statPath(image, joinPath('/var/lib/rpm', name));
    const data = s?.stat.type === 'file' ? image.readFile(s.path) : undefined;
    if (data) fs.writeFileSync(path.join(db, name), data);
  }
  const r = await runTool('rpm', ['--dbpath', db, '-qa', '--qf', '%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n'], {
    timeoutMs: 5 * MIN,
    env,
    allowFailure: true,
  });
  if (r.exitCode !== 0) return { unavailable: `rpm could not read the image's database: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  return parseRpmQuery(r.stdout);
}

/** Fingerprints of every repository key file the plan names, read by the host's gpg. */
export async function keyFingerprints(
  image: ImageFs,
  expectations: readonly Expectation[],
  work: string,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, readonly string[] | Unavailable>> {
  const out = new Map<string, readonly string[] | Unavailable>();
  const keys = expectations.flatMap((e) => (e.kind === 'repository' ? [e.keyFile] : []));
  if (keys.length === 0) return out;
  const gpg = await haveTool('gpg', env);
  const home = path.join(work, 'gnupg');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  for (const [i, key] of keys.entries()) {
    const s = statPath(image, key);
    const data = s?.stat.type === 'file' ? image.readFile(s.path) : undefined;
    if (!data) continue;
    if (!gpg) {
      out.set(key, { unavailable: 'no gpg on the host' });
      continue;
    }
    const file = path.join(work, `key-${i}`);
    fs.writeFileSync(file, data);
    const r = await runTool('gpg', ['--homedir', home, '--batch', '--with-colons', '--show-keys', file], {
      timeoutMs: MIN,
      env,
      allowFailure: true,
    });
    out.set(
      key,
      r.exitCode === 0 ? gpgFingerprints(r.stdout) : { unavailable: `gpg could not read it: ${r.stderr.trim().split('\n')[0] ?? ''}` },
    );
  }
  return out;
}

/** Streams a mounted tree through the host's tar and scans every file's bytes. */
export async function scanMountedFiles(
  mountPoint: string,
  scanner: CanaryScanner,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; hits: ScanHit[] }[]> {
  const { execa } = await loadExeca();
  const hits: { path: string; hits: ScanHit[] }[] = [];
  const parser = new TarParser((entry) => {
    if (entry.type !== 'file' || entry.size === 0) return undefined;
    const s = scanner.session();
    let seen = 0;
    return (chunk) => {
      s.feed(chunk);
      seen += chunk.length;
      if (seen >= entry.size && s.matched) hits.push({ path: entry.path.replace(/^\.\//, '/'), hits: s.hits });
    };
  });
  const child = execa('tar', ['-C', mountPoint, '--numeric-owner', '--one-file-system', '-cf', '-', '.'], {
    env,
    extendEnv: false,
    timeout: 20 * MIN,
    reject: false,
    encoding: 'buffer',
    buffer: false,
    stdin: 'ignore',
    stderr: 'ignore',
  });
  child.stdout?.on('data', (chunk: Buffer) => parser.write(chunk));
  const r = await child;
  // tar exits 1 when a file changed while read; on a read-only mount that cannot happen.
  if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`tar over the mounted image failed (exit ${r.exitCode ?? 'signal'})`);
  return hits;
}

/** Scans a raw disk file end to end: remnants of deleted files are still in its blocks. */
export async function scanRawDisk(raw: string, scanner: CanaryScanner): Promise<{ bytes: number; hits: ScanHit[] }> {
  const s = scanner.session();
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream(raw, { highWaterMark: 4 << 20 });
    stream.on('data', (chunk) => {
      s.feed(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  return { bytes, hits: s.hits };
}
