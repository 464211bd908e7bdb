/**
 * What an image installs, as two lists to compare between builds: its dpkg packages with
 * versions and states, and every path of its root file system with type, mode, owner and
 * size (symlinks with their target). Read through a read-only loop mount of a raw copy,
 * the way tib verify opens images (partx adds the partitions where the kernel does not).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ImageContents {
  readonly packages: readonly string[];
  /** `path type mode uid:gid size [-> target]`; directories without a size (ext4 grows them as entries come and go). */
  readonly files: readonly string[];
  /** Files whose bytes no two builds share (BUILD_UNIQUE), each as what it holds once the build's own part is left out. */
  readonly unique: Readonly<Record<string, string>>;
}

/**
 * Files that differ between any two builds of one recipe, whichever way they are built,
 * and how to compare them instead of by size.
 */
export const BUILD_UNIQUE: readonly { readonly path: RegExp; readonly why: string; readonly read: (file: string) => string }[] = [
  {
    path: /^\/boot\/initrd\.img-[^/]+$/,
    why: "mkinitramfs's gzip header names a random temporary file and each cpio entry carries its mtime: the listing is compared (names, modes, owners, sizes; the copy of the random iSCSI initiator name without its size)",
    read: (file) =>
      run('bash', ['-c', 'zcat "$1" | cpio -itv --quiet', 'initrd', file])
        .split('\n')
        .map((l) => l.replace(/^(\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+\S+\s+\S+\s+\S+(\s.*)$/, '$1$2'))
        .map((l) => (/ etc\/initiatorname\.iscsi$/.test(l) ? l.replace(/\d+ etc\//, '<size> etc/') : l))
        .sort()
        .join('\n'),
  },
  {
    path: /^\/etc\/ssl\/private\/ssl-cert-snakeoil\.key$/,
    why: "ssl-cert's postinst makes a new key pair at each installation, whose PEM length varies by a few bytes: compared by its kind and size in bits",
    read: (file) => run('openssl', ['pkey', '-in', file, '-noout', '-text']).split('\n')[0] ?? '',
  },
  {
    path: /^\/etc\/iscsi\/initiatorname\.iscsi$/,
    why: "open-iscsi's postinst gives each installation a random initiator name: compared with the random part masked",
    read: (file) => fs.readFileSync(file, 'utf8').replace(/^(InitiatorName=iqn\.[^:]+:[^:]+:)[0-9a-f]+$/m, '$1<random>'),
  },
];

function run(cmd: string, args: readonly string[], options: { cwd?: string; allowFailure?: boolean } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(options.cwd ? { cwd: options.cwd } : {}) });
  if (r.status !== 0 && !options.allowFailure) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

export async function imageContents(image: string): Promise<ImageContents> {
  const work = fs.mkdtempSync(path.join(process.env['TIB_IT_WORK'] ?? os.tmpdir(), 'tib-contents-'));
  const raw = path.join(work, 'disk.raw');
  const root = path.join(work, 'root');
  fs.mkdirSync(root);
  let device = '';
  let mounted = false;
  try {
    run('qemu-img', ['convert', '-O', 'raw', image, raw]);
    device = run('losetup', ['--read-only', '--find', '--show', raw]).trim();
    run('partx', ['--add', device], { allowFailure: true });
    const partitions = fs
      .readdirSync('/dev')
      .filter((d) => d.startsWith(`${path.basename(device)}p`))
      .map((d) => `/dev/${d}`);
    for (const part of [...partitions.sort(), device]) {
      const fstype = run('blkid', ['-o', 'value', '-s', 'TYPE', part], { allowFailure: true }).trim();
      if (fstype !== 'ext4') continue;
      run('mount', ['-t', 'ext4', '-o', 'ro,noload', part, root]);
      mounted = true;
      break;
    }
    if (!mounted) throw new Error(`no ext4 root file system in ${image}`);
    const packages = run('dpkg-query', [
      `--admindir=${root}/var/lib/dpkg`,
      '-W',
      '-f',
      '${Package}:${Architecture} ${Version} ${db:Status-Abbrev}\\n',
    ]);
    const listing = run('find', ['.', '-xdev', '-printf', '%p\\t%y\\t%m\\t%U:%G\\t%s\\t%l\\n'], { cwd: root });
    const files = listing
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [p, type, mode, owner, size, target] = l.split('\t');
        const where = (p ?? '').replace(/^\./, '') || '/';
        if (type === 'd') return `${where} d ${mode} ${owner}`;
        return `${where} ${type} ${mode} ${owner} ${size}${type === 'l' ? ` -> ${target}` : ''}`;
      })
      .sort();
    const unique: Record<string, string> = {};
    for (const f of files) {
      const where = f.split(' ')[0] ?? '';
      const rule = BUILD_UNIQUE.find((u) => u.path.test(where));
      if (rule) unique[where] = rule.read(path.join(root, where));
    }
    return { packages: packages.split('\n').filter(Boolean).sort(), files, unique };
  } finally {
    if (mounted) run('umount', [root], { allowFailure: true });
    if (device) {
      run('partx', ['--delete', device], { allowFailure: true });
      run('losetup', ['--detach', device], { allowFailure: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Lines only in a, only in b. */
export function difference(a: readonly string[], b: readonly string[]): { onlyA: string[]; onlyB: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  return { onlyA: a.filter((x) => !sb.has(x)), onlyB: b.filter((x) => !sa.has(x)) };
}
