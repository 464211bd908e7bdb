/**
 * Real images for the integration tests: the plan compiled from the recipe on disk, and
 * tampered copies made through a read-write loop mount of a raw copy (the original image
 * is only ever read).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { compilePlan } from '@tib/core';
import type { Plan, SourceHost } from '@tib/core';
import type { ConversationOptions, Inspector, VerifyReport } from '../../src';

export const REPO = path.resolve(__dirname, '../../../..');

export interface ImageUnderTest {
  readonly image: string;
  readonly recipe: string;
}

/**
 * The images under test: the one named by TIB_VERIFY_IMAGE / TIB_VERIFY_RECIPE (what
 * scripts/ci/verify-image.sh passes), else the reference images where `tib run` puts them (images/).
 */
export function imagesUnderTest(): ImageUnderTest[] {
  const image = process.env['TIB_VERIFY_IMAGE'];
  const recipe = process.env['TIB_VERIFY_RECIPE'];
  if (image && recipe) return [{ image: path.resolve(image), recipe: path.resolve(recipe) }];
  return [
    {
      image: path.join(REPO, 'images/debian-bookworm-container.qcow2'),
      recipe: path.join(REPO, 'recipes/debian-bookworm-container.yaml'),
    },
    {
      image: path.join(REPO, 'images/debian-bullseye-mariadb-native.qcow2'),
      recipe: path.join(REPO, 'recipes/debian-bullseye-mariadb-native.yaml'),
    },
  ];
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function available(i: ImageUnderTest): boolean {
  return isRoot && fs.existsSync(i.image) && fs.existsSync(i.recipe);
}

const diskHost: SourceHost = {
  readFile: (p) => {
    try {
      return fs.readFileSync(path.resolve(REPO, p), 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists: (p) => fs.existsSync(path.resolve(REPO, p)),
  listFiles: (dir) => {
    const root = path.resolve(REPO, dir);
    if (!fs.existsSync(root)) return undefined;
    return fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();
  },
};

export function planOf(recipe: string): Plan {
  const r = compilePlan(
    { recipePath: path.relative(REPO, recipe), elementsDir: path.join(REPO, 'elements'), tibVersion: '0.1.0', set: [], mode: 'validate' },
    diskHost,
  );
  if (!r.ok) throw new Error(`${recipe} does not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.plan;
}

export function scratch(name: string): string {
  const base = process.env['TIB_VERIFY_WORK'] ?? os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `tib-verify-it-${name}-`));
}

/** Runs a tool (jest cannot load execa, so the tests use child_process directly). */
function run(command: string, args: string[], options: { allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 20 * 60_000, env: options.env ?? process.env });
  if (r.status !== 0 && !options.allowFailure) throw new Error(`${command} ${args.join(' ')}: exit ${r.status ?? r.signal}: ${r.stderr}`);
  return r.stdout;
}

export interface VerifyCall {
  readonly image: string;
  readonly plan: Plan;
  readonly workDir: string;
  readonly boot?: boolean;
  readonly inspector?: Inspector;
  readonly secretValues?: readonly string[];
  readonly conversation?: ConversationOptions;
}

/**
 * Runs the built verifyImage (packages/verify/dist) in a child node process: it needs
 * execa (ESM), which jest's CommonJS runtime cannot load. Options, secrets included, go
 * through stdin, never the command line.
 */
export function runVerify(call: VerifyCall): VerifyReport {
  const driver = [
    'const { verifyImage } = require(process.argv[1]);',
    "let input = ''; process.stdin.on('data', (c) => { input += c; });",
    "process.stdin.on('end', async () => {",
    '  const o = JSON.parse(input);',
    '  const report = await verifyImage({ ...o, log: (l) => process.stderr.write(`${l}\\n`) });',
    '  process.stdout.write(JSON.stringify(report));',
    '});',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', driver, path.join(REPO, 'packages/verify/dist/index.js')], {
    input: JSON.stringify({ boot: false, inspector: 'loop', secretValues: [], ...call }),
    encoding: 'utf8',
    timeout: 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`verifyImage failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as VerifyReport;
}

/**
 * A raw copy of `image` with `tamper` applied to its root file system, mounted read-write
 * at `root` for the duration of the callback. Returns the copy's path.
 */
export async function tamperedCopy(image: string, dir: string, tamper: (root: string) => Promise<void> | void): Promise<string> {
  const copy = path.join(dir, 'tampered.raw');
  run('qemu-img', ['convert', '-O', 'raw', image, copy]);
  const device = run('losetup', ['--find', '--show', copy]).trim();
  const root = path.join(dir, 'rw-root');
  fs.mkdirSync(root, { recursive: true });
  try {
    run('partx', ['--add', device], { allowFailure: true });
    run('mount', [`${device}p1`, root]);
    try {
      await tamper(root);
    } finally {
      run('umount', [root]);
    }
  } finally {
    run('partx', ['--delete', device], { allowFailure: true });
    run('losetup', ['--detach', device]);
  }
  return copy;
}

/** Runs a command inside the mounted copy (dpkg, for a realistic package removal). */
export function inChroot(root: string, args: string[]): void {
  run('chroot', [root, ...args], { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Loop devices and mounts left behind under a directory (there must be none). */
export function leftovers(dir: string): string[] {
  const loops = run('losetup', ['--list', '--noheadings', '--output', 'BACK-FILE'])
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(dir));
  const mounts = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .filter((l) => l.includes(dir));
  return [...loops, ...mounts];
}
