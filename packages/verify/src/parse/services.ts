/**
 * Whether a service starts at boot, read from the image's files the way systemd and
 * sysvinit decide it: no running init needed.
 *
 * systemd: a unit is enabled when a symlink for it (or for the unit an alias points to)
 * sits in a `*.wants`/`*.requires` directory under /etc/systemd/system; a link to
 * /dev/null masks it. sysvinit: an `S??name` link in a runlevel 2-5 directory.
 */
import type { ImageFs } from '../image/image-fs';
import { basename, globDirs, joinPath, listDir, resolvePath } from '../image/image-fs';

const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system'];
const RC_DIRS = [
  '/etc/rc2.d',
  '/etc/rc3.d',
  '/etc/rc4.d',
  '/etc/rc5.d',
  '/etc/rc.d/rc2.d',
  '/etc/rc.d/rc3.d',
  '/etc/rc.d/rc4.d',
  '/etc/rc.d/rc5.d',
];

export interface ServiceState {
  /** Where the unit file or init script was found. */
  readonly unitPath?: string;
  /** The unit this name is an alias of, when it is one. */
  readonly aliasOf?: string;
  readonly masked: boolean;
  /** The links that make it start at boot. */
  readonly enabledBy: readonly string[];
}

export function serviceState(fs: ImageFs, name: string, init: 'systemd' | 'sysvinit'): ServiceState {
  if (init === 'systemd') {
    const s = systemdState(fs, name);
    // systemd runs init scripts without a unit through its sysv generator.
    if (s.unitPath === undefined && !s.masked) {
      const v = sysvState(fs, name);
      if (v.unitPath !== undefined) return v;
    }
    return s;
  }
  return sysvState(fs, name);
}

function systemdState(fs: ImageFs, name: string): ServiceState {
  const unit = name.includes('.') ? name : `${name}.service`;
  let unitPath: string | undefined;
  let aliasOf: string | undefined;
  let masked = false;
  for (const dir of UNIT_DIRS) {
    const p = joinPath(dir, unit);
    const st = fs.lstat(resolvePath(fs, p, false) ?? p);
    if (!st) continue;
    if (st.type === 'symlink') {
      const target = resolvePath(fs, p);
      if (st.target === '/dev/null' || target === '/dev/null') {
        masked = true;
        break;
      }
      if (target && basename(target) !== unit) aliasOf = basename(target);
      if (target !== undefined && unitPath === undefined) unitPath = p;
    } else if (unitPath === undefined) {
      unitPath = p;
    }
  }
  const names = new Set([unit, ...(aliasOf ? [aliasOf] : [])]);
  const enabledBy: string[] = [];
  if (!masked) {
    for (const dir of globDirs(fs, '/etc/systemd/system', ['.wants', '.requires'])) {
      for (const entry of listDir(fs, dir)) {
        const link = joinPath(dir, entry);
        const target = fs.lstat(link)?.target;
        if (names.has(entry) || (target !== undefined && names.has(basename(target)))) enabledBy.push(link);
      }
    }
  }
  return { ...(unitPath ? { unitPath } : {}), ...(aliasOf ? { aliasOf } : {}), masked, enabledBy };
}

function sysvState(fs: ImageFs, name: string): ServiceState {
  const script = joinPath('/etc/init.d', name);
  const exists = fs.lstat(resolvePath(fs, script) ?? script) !== undefined;
  const enabledBy: string[] = [];
  for (const dir of RC_DIRS) {
    for (const entry of listDir(fs, dir)) {
      if (/^S\d\d/.test(entry) && entry.slice(3) === name) enabledBy.push(joinPath(dir, entry));
    }
  }
  return { ...(exists ? { unitPath: script } : {}), masked: false, enabledBy };
}
