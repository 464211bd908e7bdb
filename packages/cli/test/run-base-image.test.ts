/**
 * Base images for `tib run`: downloaded once into the cache and verified against the
 * publisher's checksum list before DIB sees them, a partial download never counted as
 * cached, the cache kept between builds, and --offline never fetching. Served by a
 * local HTTP server; DIB is the fake one (it records what it was handed).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { dump } from 'js-yaml';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';

const IMAGE = Buffer.from('a squashfs image, as far as this test is concerned\n'.repeat(2000));
const SHA = createHash('sha256').update(IMAGE).digest('hex');
const FILE = 'jammy-server-cloudimg-amd64.squashfs';

/** The CLI in a child process, asynchronously (the HTTP server runs in this process). */
function tib(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'packages/cli/bin/tib.js'), ...args], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

describe('tib run base images', () => {
  let server: http.Server;
  let base = '';
  let requests: string[] = [];
  let sums = `${SHA}  ${FILE}\n`;
  let dib: FakeDib;
  let dir: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.url}${req.headers.range ? ` ${req.headers.range}` : ''}`);
      if (req.url === '/SHA256SUMS') return res.end(sums);
      if (req.url === `/${FILE}`) {
        const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
        if (range) {
          res.writeHead(206);
          return res.end(IMAGE.subarray(Number(range[1])));
        }
        return res.end(IMAGE);
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    requests = [];
    sums = `${SHA}  ${FILE}\n`;
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-base-'));
  });
  afterEach(() => {
    dib.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (image: Record<string, unknown>) =>
    fs.writeFileSync(
      path.join(dir, 'r.yaml'),
      dump({
        tib: 1,
        name: 'jammy',
        base: { distro: 'ubuntu', release: 'jammy', image },
        datastore: { type: 'mysql', version: '8.0' },
        guestagent: { source: 'package' },
        output: { directory: 'out' },
      }),
    );
  const cached = () => path.join(dib.env['TIB_CACHE_DIR'] as string, 'images', SHA, FILE);

  it('downloads once, verified before DIB sees it, then reuses the cache', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: SHA });
    const first = await tib(['run', 'r.yaml'], dir, dib.env);
    expect(first.stderr).toMatch(/downloading/);
    expect(first.status).toBe(0);
    expect(fs.readFileSync(cached())).toEqual(IMAGE);
    // DIB 3.13's ubuntu element reads a directory of images with its SHA256SUMS.
    const env = dib.record().env;
    expect(env['BASE_IMAGE_FILE']).toBe(FILE);
    expect(env['DIB_CLOUD_IMAGES']).toMatch(/^file:\/\/.*\/base-image$/);
    const again = await tib(['run', 'r.yaml', '--force'], dir, dib.env);
    expect(again.status).toBe(0);
    expect(requests.filter((r) => r.startsWith(`/${FILE}`))).toHaveLength(1);
  });

  it('never counts a partial download, and resumes it', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: SHA });
    fs.mkdirSync(path.dirname(cached()), { recursive: true });
    fs.writeFileSync(`${cached()}.part`, IMAGE.subarray(0, 1000));
    const r = await tib(['run', 'r.yaml'], dir, dib.env);
    expect(r.status).toBe(0);
    expect(requests).toContain(`/${FILE} bytes=1000-`);
    expect(fs.readFileSync(cached())).toEqual(IMAGE);
    expect(fs.existsSync(`${cached()}.part`)).toBe(false);
  });

  it('refuses a download whose sha256 does not match, keeping nothing', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: 'f'.repeat(64) });
    const r = await tib(['run', 'r.yaml'], dir, dib.env);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/TIB5012.*sha256 mismatch/);
    expect(fs.existsSync(path.join(dib.env['TIB_CACHE_DIR'] as string, 'images', 'f'.repeat(64), FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'out', 'jammy.qcow2'))).toBe(false);
  });

  it('with --offline, uses the cache and never the network', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: SHA });
    const offlineMiss = await tib(['run', 'r.yaml', '--offline'], dir, dib.env);
    expect(offlineMiss.status).toBe(3);
    expect(offlineMiss.stderr).toMatch(/TIB5014.*--offline/);
    expect(requests).toEqual([]);
    expect((await tib(['run', 'r.yaml'], dir, dib.env)).status).toBe(0);
    requests = [];
    const offline = await tib(['run', 'r.yaml', '--offline', '--force'], dir, dib.env);
    expect(offline.status).toBe(0);
    expect(requests).toEqual([]);
  });

  it('source: cache uses the copy a download left, and names the file it expected when absent', async () => {
    write({ source: 'cache', url: `${base}/${FILE}`, sha256: SHA });
    const missing = await tib(['run', 'r.yaml'], dir, dib.env);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain(cached());
    fs.mkdirSync(path.dirname(cached()), { recursive: true });
    fs.writeFileSync(cached(), IMAGE);
    const hit = await tib(['run', 'r.yaml'], dir, dib.env);
    expect(hit.status).toBe(0);
    expect(requests).toEqual([]);
  });
});
