import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Fetches a URL into `target` (http, https or file). Continues a partial `target` with a
 * Range request when the server allows, so an interrupted download of a large base image
 * does not start over; the caller decides whether the result counts (it checks sha256).
 */
export async function download(url: string, target: string, log: (line: string) => void): Promise<void> {
  if (url.startsWith('file://')) {
    await fs.promises.copyFile(fileURLToPath(url), target);
    return;
  }
  const have = fs.existsSync(target) ? fs.statSync(target).size : 0;
  const response = await fetch(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {}, redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const append = have > 0 && response.status === 206;
  if (have > 0) log(append ? `resuming ${url} at ${have} bytes` : `server ignored the resume request; fetching ${url} again`);
  const out = fs.createWriteStream(target, { flags: append ? 'a' : 'w' });
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** A small text resource (a checksum list). */
export async function fetchText(url: string): Promise<string> {
  if (url.startsWith('file://')) return fs.promises.readFile(fileURLToPath(url), 'utf8');
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response.text();
}
