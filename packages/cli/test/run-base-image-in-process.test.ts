/**
 * tib run's base images in this process (the in-process twin of run-base-image.test.ts):
 * downloaded once into the cache and verified, a partial download resumed and never
 * counted, --offline and source: cache never fetching, local images verified, and the
 * publisher's checksum list read, over http:// and file://. DIB is the fake one.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import type { Plan } from '@tib/core';
import { acquireBaseImage, BaseImageError } from '../../runner/src/base-image';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { runCli } from './support/run-cli';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const describeAsRoot = isRoot ? describe : describe.skip;

describeAsRoot('tib run in-process: base images', () => {
  const IMAGE = Buffer.from('a squashfs image, as far as this test is concerned\n'.repeat(500));
  const SHA = createHash('sha256').update(IMAGE).digest('hex');
  const FILE = 'jammy-server-cloudimg-amd64.squashfs';
  let server: http.Server;
  let base = '';
  let requests: string[] = [];
  let dib: FakeDib;
  let dir: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.url}${req.headers.range ? ` ${req.headers.range}` : ''}`);
      if (req.url === '/SHA256SUMS') return res.end(`${'0'.repeat(64)}  other.img\n${SHA} *${FILE}\n`);
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
    dib = createFakeDib();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-inproc-base-'));
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
  const run = (...args: string[]) => runCli(['run', 'r.yaml', ...args], { cwd: dir, env: dib.env });
  const cached = () => path.join(dib.env['TIB_CACHE_DIR'] as string, 'images', SHA, FILE);

  it('downloads once, verified, resumes a partial file, then uses the cache (also --offline and source: cache)', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: SHA });
    fs.mkdirSync(path.dirname(cached()), { recursive: true });
    fs.writeFileSync(`${cached()}.part`, IMAGE.subarray(0, 1000));
    const first = await run();
    expect(first.stderr).toMatch(/downloading/);
    expect(first.code).toBe(0);
    expect(requests).toContain(`/${FILE} bytes=1000-`);
    expect(fs.readFileSync(cached())).toEqual(IMAGE);
    expect(dib.record().sums).toBe(`${SHA}  ${FILE}\n`);
    requests = [];
    const again = await run('--force', '--offline');
    expect(again.code).toBe(0);
    expect(requests).toEqual([]);
    write({ source: 'cache', url: `${base}/${FILE}` });
    expect((await run('--force')).code).toBe(0);
  });

  it('refuses a download that does not match, a missing file, --offline without the cache, and a cache without it', async () => {
    write({ source: 'download', url: `${base}/${FILE}`, sha256: 'a'.repeat(64) });
    const mismatch = await run();
    expect(mismatch.code).toBe(3);
    expect(mismatch.stderr).toMatch(/TIB5012/);
    expect(fs.existsSync(path.join(dib.env['TIB_CACHE_DIR'] as string, 'images', 'a'.repeat(64), `${FILE}.part`))).toBe(false);

    write({ source: 'download', url: `${base}/missing.squashfs`, sha256: SHA });
    const missing = await run();
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/TIB5014.*HTTP 404/);

    write({ source: 'download', url: `${base}/${FILE}`, sha256: SHA });
    const offline = await run('--offline');
    expect(offline.code).toBe(3);
    expect(offline.stderr).toMatch(/TIB5014.*--offline/);

    write({ source: 'cache', url: `${base}/${FILE}` });
    const noCache = await run();
    expect(noCache.code).toBe(3);
    expect(noCache.stderr).toMatch(/TIB5013/);
  });

  it('verifies a local base image before DIB sees it', async () => {
    fs.writeFileSync(path.join(dir, 'local.squashfs'), IMAGE);
    write({ source: 'local', path: 'local.squashfs', sha256: SHA });
    expect((await run()).code).toBe(0);
    expect(dib.record().env['BASE_IMAGE_FILE']).toBe('local.squashfs');
    fs.writeFileSync(path.join(dir, 'local.squashfs'), 'tampered');
    const tampered = await run('--force');
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toMatch(/TIB5012/);
  });

  describe('acquireBaseImage', () => {
    /** Just the parts of a plan the base-image step reads. */
    const planWith = (baseImage: Record<string, unknown>): Plan =>
      ({
        recipe: { path: 'r.yaml' },
        inputs: [],
        baseImage: { handoff: 'cloud-images-dir', fileName: FILE, ...baseImage },
      }) as unknown as Plan;
    const paths = () => ({ cwd: dir, recipeDir: dir, outputDir: path.join(dir, 'out'), cacheDir: path.join(dir, 'cache') });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (err: unknown) => (err instanceof BaseImageError ? err.diagnostic : err),
      );

    it('finds the sha256 in the publisher checksum list (http and file://), then remembers it by URL', async () => {
      const got = await acquireBaseImage(
        planWith({ source: 'download', url: `${base}/${FILE}`, checksumList: `${base}/SHA256SUMS` }),
        paths(),
        false,
        () => {},
      );
      expect(got?.sha256).toBe(SHA);
      expect(requests).toContain('/SHA256SUMS');
      // Known by URL now: no list is fetched again, even offline.
      requests = [];
      const offline = await acquireBaseImage(
        planWith({ source: 'download', url: `${base}/${FILE}`, checksumList: `${base}/SHA256SUMS` }),
        paths(),
        true,
        () => {},
      );
      expect(offline?.file).toBe(got?.file);
      expect(requests).toEqual([]);

      fs.writeFileSync(path.join(dir, FILE), IMAGE);
      fs.writeFileSync(path.join(dir, 'SUMS'), `SHA256 (${FILE}) = ${SHA.toUpperCase()}\n`);
      const local = await acquireBaseImage(
        planWith({ source: 'download', url: `file://${path.join(dir, FILE)}`, checksumList: `file://${path.join(dir, 'SUMS')}` }),
        { ...paths(), cacheDir: path.join(dir, 'cache2') },
        false,
        () => {},
      );
      expect(local?.sha256).toBe(SHA);
    });

    it('refuses a name the list does not have, a list it cannot fetch, and no known sha256', async () => {
      const unlisted = await refusal(
        acquireBaseImage(
          planWith({ source: 'download', url: `${base}/x.img`, fileName: 'x.img', checksumList: `${base}/SHA256SUMS` }),
          paths(),
          false,
          () => {},
        ),
      );
      expect(unlisted).toMatchObject({ code: 'TIB5014', message: expect.stringMatching(/x\.img is not listed/) });
      const noList = await refusal(
        acquireBaseImage(planWith({ source: 'download', url: `${base}/${FILE}`, checksumList: `${base}/NOPE` }), paths(), false, () => {}),
      );
      expect(noList).toMatchObject({ code: 'TIB5014', message: expect.stringMatching(/HTTP 404/) });
      const unknown = await refusal(acquireBaseImage(planWith({ source: 'download', url: `${base}/${FILE}` }), paths(), false, () => {}));
      expect(unknown).toMatchObject({ code: 'TIB5014', message: expect.stringMatching(/no sha256 is known/) });
      expect(await acquireBaseImage(planWith({ source: 'bootstrap' }), paths(), false, () => {})).toBeUndefined();
      const noInput = await refusal(acquireBaseImage(planWith({ source: 'local', input: 'base-image' }), paths(), false, () => {}));
      expect(noInput).toMatchObject({ code: 'TIB5011' });
    });
  });
});
