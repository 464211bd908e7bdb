import { AGENT_SOURCES } from '../catalog/agent-sources';
import { builtImages } from './served';
import type { ResolvedRecipe } from '../resolve/resolved';
import type { PlanElement, Requirement } from './plan-types';

/** What the build host must have, checked before anything is written. */
export function preflightFor(r: ResolvedRecipe, elements: readonly PlanElement[]): Requirement[] {
  const req: Requirement[] = [{ kind: 'root' }];
  req.push({
    kind: 'dib',
    min: '3.13.0',
    ...(r.release.dib?.maxExclusive ? { maxExclusive: r.release.dib.maxExclusive, why: r.release.dib.note } : {}),
  });
  for (const e of elements) if (e.origin !== 'rendered') req.push({ kind: 'element', name: e.name, origin: e.origin });
  const command = (name: string, pkg: string, why: string) => {
    if (!req.some((x) => x.kind === 'command' && x.name === name)) req.push({ kind: 'command', name, package: pkg, why });
  };
  command('sha256sum', 'coreutils', 'verifies inputs and writes checksums');
  if (r.image.source === 'bootstrap' && r.release.family === 'deb') {
    command('debootstrap', 'debootstrap', 'builds the Debian/Ubuntu root from packages');
    req.push({
      kind: 'debootstrap-suite',
      suite: r.release.dibRelease,
      why: `debootstrap needs its script for ${r.release.dibRelease} (${r.release.title}); update debootstrap`,
    });
  }
  if (r.output.formats.some((f) => f === 'qcow2' || f === 'vhd')) command('qemu-img', 'qemu-utils', 'converts the disk to qcow2/vhd');
  if (r.output.formats.includes('vhd')) command('vhd-util', 'blktap-utils', 'writes vhd images');
  command('sfdisk', 'fdisk', 'partitions the disk image');
  command('mkfs.ext4', 'e2fsprogs', 'creates the root file system');
  if (r.image.source === 'download' || r.image.source === 'cache') command('curl', 'curl', 'downloads the base image');
  if (r.access?.password) command('openssl', 'openssl', 'hashes the development password before it enters the image');
  if (r.repositories.length > 0) {
    // Repository keys are fetched and their fingerprints checked on this host, before any
    // package from the repository is trusted inside the image.
    command('gpg', 'gnupg', 'checks repository signing-key fingerprints');
    if (r.repositories.some((x) => !x.keyFile)) command('curl', 'curl', 'fetches repository signing keys');
  }
  if (r.model === 'native' && r.datastore.native?.source === 'download' && !r.datastore.package)
    command('curl', 'curl', "downloads the vendor's datastore package");
  for (const c of AGENT_SOURCES[r.agent.source].hostCommands) command(c.name, c.package, c.why);
  if (builtImages(r).length > 0) {
    // tib-datastore-images bootstraps each image's root on the build host.
    command('debootstrap', 'debootstrap', "builds the datastore images from the distribution's packages");
    command('unshare', 'util-linux', 'mounts /proc for the datastore image build in a private namespace');
    command('gzip', 'gzip', 'compresses the datastore image archives');
  }
  for (const s of [r.subscription?.password, r.subscription?.activationKey, r.access?.password]) {
    if (!s) continue;
    req.push({ kind: 'secret', from: 'env' in s.ref ? { env: s.ref.env } : { file: s.file?.path ?? s.ref.file }, what: s.at.join('.') });
  }
  req.push({ kind: 'disk', gib: Math.max(6, (r.output.sizeGb ?? 3) * (r.output.formats.length + 1)) });
  req.push({ kind: 'memory', gib: 4 }, { kind: 'loop-devices' }, { kind: 'partition-mapping' });
  for (const f of r.hostFiles) if (f.role !== 'secret') req.push({ kind: 'input', id: f.id });
  req.push({ kind: 'output-directory' });
  return req;
}
