/**
 * Which files' content an inspection that streams the whole image keeps in memory: the
 * ones the checks read. Everything else is only listed (and scanned for canaries).
 */
import type { Expectation } from '@tib/core';
import { normalizePath } from '../image/image-fs';

const SMALL = 4 * 1024 * 1024;

export function contentWanted(expectations: readonly Expectation[]): (path: string, size: number) => boolean {
  const exact = new Set<string>(['/usr/lib/os-release', '/var/lib/dpkg/status', '/boot/grub/grub.cfg', '/boot/grub2/grub.cfg']);
  for (const e of expectations) {
    if (e.kind === 'path' || e.kind === 'file-contains') exact.add(normalizePath(e.path));
    if (e.kind === 'agent-source') exact.add(normalizePath(e.entryPoint));
    if (e.kind === 'repository') exact.add(normalizePath(e.keyFile));
  }
  return (path, size) => {
    if (exact.has(path)) return size <= 256 * 1024 * 1024;
    // rpm's database is read by the host's rpm from a copy.
    if (path.startsWith('/var/lib/rpm/')) return true;
    if (size > SMALL) return false;
    if (path.startsWith('/etc/') || path.startsWith('/boot/loader/entries/')) return true;
    return /\/authorized_keys2?$/.test(path);
  };
}
