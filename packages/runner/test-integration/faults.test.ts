/**
 * Fault tests of `tib run`: with the real DIB where the fault happens inside DIB (a
 * failing install.d script, SIGINT during install.d), with a fake DIB where the fault is
 * the host's (a full or read-only output file system). Each asserts: the right exit
 * code, no half image at the output path, the previous image kept, and no loop device
 * or mount of the build left behind. Needs root and a prepared DIB host.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { createFakeDib } from '../../cli/test/support/fake-dib';

const ROOT = path.resolve(__dirname, '../../..');
const TIB = path.join(ROOT, 'packages/cli/bin/tib.js');
const PREVIOUS = 'previous good image\n';

function recipe(extra: Record<string, unknown> = {}): string {
  return dump({
    tib: 1,
    name: 'fault',
    // The release CI's real build uses, so DIB's debootstrap tarball is already cached;
    // a registry image, so no datastore image is built before the fault.
    base: { distro: 'debian', release: 'bookworm' },
    datastore: { type: 'mariadb', version: '10.11' },
    guestagent: { source: 'package' },
    output: { directory: 'out' },
    ...extra,
  });
}

/** Loop devices and mounts that belong to DIB builds. */
function buildLeftovers(): string[] {
  const loops = spawnSync('losetup', ['-a'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => /dib_image|dib_build/.test(l));
  const mounts = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .filter((l) => /dib_build|dib_image/.test(l));
  return [...loops, ...mounts];
}

function setup(extra: Record<string, unknown> = {}): { dir: string; image: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-fault-'));
  fs.writeFileSync(path.join(dir, 'r.yaml'), recipe(extra));
  fs.mkdirSync(path.join(dir, 'out'));
  const image = path.join(dir, 'out', 'fault.qcow2');
  fs.writeFileSync(image, PREVIOUS);
  return { dir, image };
}

function expectIntact(dir: string, image: string): void {
  expect(fs.readFileSync(image, 'utf8')).toBe(PREVIOUS);
  expect(fs.existsSync(path.join(dir, 'out', '.fault.tib-partial'))).toBe(false);
  expect(buildLeftovers()).toEqual([]);
}

function faultElement(dir: string, script: string): void {
  const d = path.join(dir, 'elements', 'fault-inject', 'install.d');
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'elements', 'fault-inject', 'README.rst'),
    'fault-inject\n============\nTest element: misbehaves in install.d.\n',
  );
  fs.writeFileSync(path.join(d, '00-fault-inject'), `#!/bin/bash\nset -eu\nset -o pipefail\n${script}\n`, { mode: 0o755 });
}

describe('tib run faults (real DIB)', () => {
  beforeAll(() => {
    expect(process.getuid?.()).toBe(0);
    expect(buildLeftovers()).toEqual([]);
  });

  it('DIB failing in install.d: exit 4, previous image kept, no leftovers', () => {
    const { dir, image } = setup({ elements: { paths: ['elements'], add: ['fault-inject'] } });
    faultElement(dir, 'echo "fault-inject: failing on purpose" >&2\nexit 1');
    const r = spawnSync(process.execPath, [TIB, 'run', 'r.yaml', '--force'], { cwd: dir, encoding: 'utf8', timeout: 30 * 60 * 1000 });
    expect(r.stderr).toMatch(/disk-image-create failed/);
    expect(r.stderr).toMatch(/fault-inject: failing on purpose/);
    expect(r.stderr).toMatch(/full log: .*fault\.log/);
    expect(r.status).toBe(4);
    expectIntact(dir, image);
  });

  it('SIGINT during install.d: exit 130, DIB cleaned up, previous image kept', async () => {
    const { dir, image } = setup({ elements: { paths: ['elements'], add: ['fault-inject'] } });
    faultElement(dir, 'echo "fault-inject: waiting to be interrupted"\nsleep 600');
    const child = spawn(process.execPath, [TIB, 'run', 'r.yaml', '--force'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const status = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/install\.d\/00-fault-inject/.test(stderr) && !child.killed) setTimeout(() => child.kill('SIGINT'), 3000);
      });
      child.on('exit', (code) => resolve(code));
    });
    expect(stderr).toMatch(/interrupted/);
    expect(status).toBe(130);
    expect(spawnSync('pgrep', ['-f', 'sleep 600'], { encoding: 'utf8' }).stdout.trim()).toBe('');
    expectIntact(dir, image);
  });
});

describe('compiled script faults (real DIB)', () => {
  it('SIGINT to build.sh during install.d: exit 130, DIB cleaned up, previous image kept', async () => {
    const { dir, image } = setup({ elements: { paths: ['elements'], add: ['fault-inject'] } });
    faultElement(dir, 'echo "fault-inject: waiting to be interrupted"\nsleep 600');
    expect(spawnSync(process.execPath, [TIB, 'compile', 'r.yaml', '-o', 'build.sh'], { cwd: dir }).status).toBe(0);
    const child = spawn('bash', ['build.sh', '--force'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const status = await new Promise<number | null>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/install\.d\/00-fault-inject/.test(output) && !child.killed) setTimeout(() => child.kill('SIGINT'), 3000);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => resolve(code));
    });
    expect(output).toMatch(/interrupted: DIB stopped and cleaned up/);
    expect(status).toBe(130);
    expect(spawnSync('pgrep', ['-f', 'sleep 600'], { encoding: 'utf8' }).stdout.trim()).toBe('');
    expectIntact(dir, image);
  });
});

describe('tib run faults (host file systems, fake DIB)', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted.reverse()) spawnSync('umount', ['-l', m]);
  });

  it('a full output file system: exit 4, nothing half-written, previous image kept', () => {
    const dib = createFakeDib();
    const { dir, image } = setup();
    const out = path.join(dir, 'out');
    fs.rmSync(out, { recursive: true });
    fs.mkdirSync(out);
    // Room enough for pre-flight (7 GiB, empty tmpfs costs nothing), then a fake DIB whose
    // image needs more: the disk fills up during the build, as when something else eats it.
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=7g', 'tmpfs', out]).status).toBe(0);
    mounted.push(out);
    fs.writeFileSync(image, PREVIOUS);
    fs.writeFileSync(
      path.join(dib.bin, 'disk-image-create'),
      fs
        .readFileSync(path.join(dib.bin, 'disk-image-create'), 'utf8')
        .replace(
          "        f.write('fake ' + t + ' image\\n')",
          "        f.write('start of an image'); f.flush(); os.posix_fallocate(f.fileno(), 0, 8 * 1024 ** 3)",
        ),
      { mode: 0o755 },
    );
    const r = spawnSync(process.execPath, [TIB, 'run', 'r.yaml', '--force'], { cwd: dir, encoding: 'utf8', env: dib.env });
    expect(r.stderr).toMatch(/No space left on device|ENOSPC/);
    expect(r.status).toBe(4);
    expectIntact(dir, image);
    dib.cleanup();
  });

  it('a read-only output file system: exit 3 before building', () => {
    const dib = createFakeDib();
    const { dir } = setup();
    const out = path.join(dir, 'out');
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=7g', 'tmpfs', out]).status).toBe(0);
    mounted.push(out);
    const r = spawnSync(process.execPath, [TIB, 'run', 'r.yaml'], { cwd: dir, encoding: 'utf8', env: dib.env });
    expect(r.stderr).toMatch(/TIB5017/);
    expect(r.status).toBe(3);
    expect(fs.existsSync(path.join(dib.recordDir, 'argv.json'))).toBe(false);
    dib.cleanup();
  });
});
