import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A stand-in diskimage-builder for fast tests of argument and environment plumbing:
 * `disk-image-create` records its argv, environment and the element tree it was given,
 * prints a few of DIB's progress lines, then writes small output files. FAKE_DIB_FAIL=N
 * makes it exit N, FAKE_DIB_SLEEP=S sleep S seconds first, FAKE_DIB_ECHO=VAR print
 * VAR. It proves nothing about images; real builds do that.
 */
export interface FakeDib {
  readonly root: string;
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where the last invocation was recorded. */
  readonly recordDir: string;
  record(): DibRecord;
  /** Every invocation, in order (tib run of several recipes calls DIB once per build). */
  records(): DibRecord[];
  cleanup(): void;
}

export interface DibRecord {
  readonly argv: string[];
  readonly env: Record<string, string>;
  readonly elements: { path: string; mode: number; content: string }[];
  /** The SHA256SUMS handed to DIB for a base image (SHA256SUMS=file://…), if any. */
  readonly sums?: string;
}

const FAKE_DIB = `#!/usr/bin/env python3
import json, os, sys, time
if sys.argv[1:] == ['--version']:
    print(os.environ.get('FAKE_DIB_VERSION', '3.13.0'))
    sys.exit(0)
record = os.environ['FAKE_DIB_RECORD']
os.makedirs(record, exist_ok=True)
with open(os.path.join(record, 'argv.json'), 'w') as f:
    json.dump(sys.argv[1:], f)
with open(os.path.join(record, 'env.json'), 'w') as f:
    json.dump(dict(os.environ), f)
tree = []
first = os.environ.get('ELEMENTS_PATH', '').split(':')[0]
for base, dirs, files in os.walk(first):
    dirs.sort()
    for name in sorted(files):
        p = os.path.join(base, name)
        with open(p, 'rb') as f:
            content = f.read().decode('utf-8')
        tree.append({'path': os.path.relpath(p, first), 'mode': os.stat(p).st_mode & 0o777, 'content': content})
with open(os.path.join(record, 'elements.json'), 'w') as f:
    json.dump(tree, f)
calls = os.path.join(record, 'calls')
os.makedirs(calls, exist_ok=True)
with open(os.path.join(calls, '%03d.json' % len(os.listdir(calls))), 'w') as f:
    json.dump({'argv': sys.argv[1:], 'env': dict(os.environ), 'elements': tree}, f)
sums = os.environ.get('SHA256SUMS', '')
if sums.startswith('file://'):
    with open(sums[len('file://'):], 'rb') as f, open(os.path.join(record, 'SHA256SUMS'), 'wb') as out:
        out.write(f.read())
echo = os.environ.get('FAKE_DIB_ECHO')
if echo:
    print('the environment holds %s=%s' % (echo, os.environ.get(echo, '')), flush=True)
sleep = float(os.environ.get('FAKE_DIB_SLEEP', '0'))
output = os.environ.get('FAKE_DIB_OUTPUT')
if output is None:
    # A little of what DIB prints, on both streams, for the progress tracker; then the
    # sleep, inside install.d (where a SIGINT test interrupts it).
    hooks = '/tmp/dib_build.fake/hooks'
    print('Running hooks from %s/root.d' % hooks, flush=True)
    print('dib-run-parts Running %s/root.d/10-fake-root' % hooks, flush=True)
    print('Running hooks from %s/install.d' % hooks, file=sys.stderr, flush=True)
    print('dib-run-parts Running %s/install.d/30-fake-install' % hooks, file=sys.stderr, flush=True)
    time.sleep(sleep)
else:
    # The caller's build output, after the sleep (a quiet start, for progress reporting).
    time.sleep(sleep)
    for line in output.splitlines():
        print(line, flush=True)
print('Converting image using qemu-img convert', flush=True)
fail = os.environ.get('FAKE_DIB_FAIL')
if fail:
    print('fake DIB failing as asked', file=sys.stderr)
    sys.exit(int(fail))
args = sys.argv[1:]
out = args[args.index('-o') + 1]
types = args[args.index('-t') + 1].split(',') if '-t' in args else ['qcow2']
for t in types:
    with open(out + '.' + t, 'w') as f:
        f.write('fake ' + t + ' image\\n')
print('Build completed successfully')
`;

const DIB_ELEMENTS = [
  'debian-minimal',
  'ubuntu-minimal',
  'ubuntu',
  'centos7',
  'centos',
  'centos-minimal',
  'rhel',
  'vm',
  'cloud-init',
  'openssh-server',
  'cloud-init-datasources',
  'selinux-permissive',
  'disable-selinux',
  'source-repositories',
  'growroot',
];

export function createFakeDib(): FakeDib {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-fake-dib-'));
  const bin = path.join(root, 'bin');
  const py = path.join(root, 'python');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(py, 'diskimage_builder'), { recursive: true });
  fs.writeFileSync(path.join(py, 'diskimage_builder', '__init__.py'), '');
  for (const e of DIB_ELEMENTS) fs.mkdirSync(path.join(py, 'diskimage_builder', 'elements', e), { recursive: true });
  fs.writeFileSync(path.join(bin, 'disk-image-create'), FAKE_DIB, { mode: 0o755 });
  for (const tool of ['debootstrap', 'qemu-img', 'sfdisk', 'mkfs.ext4', 'vhd-util', 'openssl']) {
    fs.writeFileSync(path.join(bin, tool), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  const recordDir = path.join(root, 'record');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    PYTHONPATH: py,
    FAKE_DIB_RECORD: recordDir,
    TIB_CACHE_DIR: path.join(root, 'cache'),
  };
  return {
    root,
    bin,
    env,
    recordDir,
    record: () => ({
      argv: JSON.parse(fs.readFileSync(path.join(recordDir, 'argv.json'), 'utf8')) as string[],
      env: JSON.parse(fs.readFileSync(path.join(recordDir, 'env.json'), 'utf8')) as Record<string, string>,
      elements: JSON.parse(fs.readFileSync(path.join(recordDir, 'elements.json'), 'utf8')) as DibRecord['elements'],
      ...(fs.existsSync(path.join(recordDir, 'SHA256SUMS')) ? { sums: fs.readFileSync(path.join(recordDir, 'SHA256SUMS'), 'utf8') } : {}),
    }),
    records: () => {
      const calls = path.join(recordDir, 'calls');
      if (!fs.existsSync(calls)) return [];
      return fs
        .readdirSync(calls)
        .sort()
        .map((f) => JSON.parse(fs.readFileSync(path.join(calls, f), 'utf8')) as DibRecord);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
