/** Checks of the operating system layer: release, packages, services, accounts, files. */
import type { Expectation } from '@tib/core';
import { modeString, readText, resolvePath, statPath } from '../image/image-fs';
import { parseOsRelease } from '../parse/os-release';
import { serviceState } from '../parse/services';
import { versionSatisfies } from '../parse/version';
import type { CheckResult } from '../types';
import type { InspectData } from './context';
import { clip, isUnavailable, pass, result } from './context';

type Exp<K extends Expectation['kind']> = Extract<Expectation, { kind: K }>;

export function checkOsRelease(e: Exp<'os-release'>, d: InspectData): CheckResult {
  const text = readText(d.fs, '/etc/os-release') ?? readText(d.fs, '/usr/lib/os-release');
  const title = `OS is ${e.id} ${e.versionId ?? ''}${e.codename ? ` (${e.codename})` : ''}`.replace(/ +/g, ' ');
  if (text === undefined) return result('os-release', title, 'fail', 'no /etc/os-release in the image', e);
  const os = parseOsRelease(text);
  const found = `ID=${os['ID'] ?? '?'} VERSION_ID=${os['VERSION_ID'] ?? '?'}${os['VERSION_CODENAME'] ? ` VERSION_CODENAME=${os['VERSION_CODENAME']}` : ''}`;
  // VERSION_ID may be more precise than the recipe (9.4 for rhel 9; 7 for centos 7).
  const versionOk = e.versionId === undefined || os['VERSION_ID'] === e.versionId || (os['VERSION_ID'] ?? '').startsWith(`${e.versionId}.`);
  const codenameOk = e.codename === undefined || os['VERSION_CODENAME'] === undefined || os['VERSION_CODENAME'] === e.codename;
  return result('os-release', title, pass(os['ID'] === e.id && versionOk && codenameOk), found, e);
}

export function checkPackage(e: Exp<'package'>, d: InspectData): CheckResult {
  const want = `${e.name}${e.version ? ` ${e.version}` : ''}`;
  const title = e.installed ? `package ${want} installed` : `package ${e.name} not installed`;
  const id = `package:${e.name}`;
  if (isUnavailable(d.packages)) return result(id, title, 'skip', d.packages.unavailable, e);
  const p = d.packages.get(e.name);
  if (!e.installed) return result(id, title, pass(!p?.installed), p?.installed ? `installed: ${p.version}` : 'not installed', e);
  if (!p || !p.installed) return result(id, title, 'fail', p ? `${p.name} ${p.version}: ${p.status}` : 'not installed', e);
  const versionOk = e.version === undefined || versionSatisfies(p.version, e.version, e.versionIsUpstream ?? false);
  return result(id, title, pass(versionOk), `${p.name} ${p.version}${versionOk ? '' : ` (expected ${e.version})`}`, e);
}

export function checkService(e: Exp<'service'>, d: InspectData): CheckResult {
  const s = serviceState(d.fs, e.name, e.init);
  const id = `service:${e.name}`;
  const title = e.enabled ? `${e.name} enabled at boot (${e.init})` : `${e.name} not enabled at boot (${e.init})`;
  const where = s.unitPath ? `${s.unitPath}${s.aliasOf ? ` (alias of ${s.aliasOf})` : ''}` : 'no unit file or init script';
  if (e.enabled) {
    if (!s.unitPath) return result(id, title, 'fail', `no ${e.name} unit file or init script${s.masked ? '; masked' : ''}`, e);
    if (s.masked) return result(id, title, 'fail', `${where}; masked (linked to /dev/null)`, e);
    return result(
      id,
      title,
      pass(s.enabledBy.length > 0),
      s.enabledBy.length > 0
        ? `${where}; enabled by ${s.enabledBy.join(', ')}`
        : `${where}; not enabled (no link in any *.wants or runlevel directory)`,
      e,
    );
  }
  if (!s.unitPath) return result(id, title, 'pass', `no ${e.name} unit in the image`, e);
  if (s.masked) return result(id, title, 'pass', `${where}; masked`, e);
  return result(
    id,
    title,
    pass(s.enabledBy.length === 0),
    s.enabledBy.length === 0 ? `${where}; disabled` : `${where}; enabled by ${s.enabledBy.join(', ')}`,
    e,
  );
}

export function checkUser(e: Exp<'user'>, d: InspectData): CheckResult {
  const title = `user ${e.name}${e.groups.length > 0 ? ` in group ${e.groups.join(', ')}` : ' exists'}`;
  const u = d.accounts.user(e.name);
  if (!u) return result(`user:${e.name}`, title, 'fail', `no ${e.name} in /etc/passwd`, e);
  const groups = d.accounts.groupsOf(e.name);
  const missing = e.groups.filter((g) => !groups.includes(g));
  const evidence = `uid ${u.uid}, home ${u.home}, groups ${groups.join(',') || '(none)'}${missing.length > 0 ? `; not in ${missing.join(', ')}` : ''}`;
  return result(`user:${e.name}`, title, pass(missing.length === 0), evidence, e);
}

export function checkPath(e: Exp<'path'>, d: InspectData): CheckResult {
  const attributes = [
    e.type === 'dir' ? 'directory' : e.type,
    ...(e.owner ? [`${e.owner}${e.group ? `:${e.group}` : ''}`] : []),
    ...(e.mode !== undefined ? [modeString(e.mode)] : []),
  ];
  const title = `${e.path} (${attributes.join(', ')})`;
  const id = `path:${e.path}`;
  const s = statPath(d.fs, e.path);
  if (!s) return result(id, title, 'fail', `missing (${e.why})`, e);
  const st = s.stat;
  const typeOk = e.type === 'dir' ? st.type === 'dir' : st.type === 'file' && (e.type !== 'executable' || (st.mode & 0o111) !== 0);
  const user = d.accounts.userName(st.uid);
  const group = d.accounts.groupName(st.gid);
  const ownerOk = (e.owner === undefined || e.owner === user) && (e.group === undefined || e.group === group);
  const modeOk = e.mode === undefined || (st.mode & 0o7777) === e.mode;
  const via = s.path !== e.path ? ` (via ${s.path})` : '';
  const evidence = `${st.type} ${modeString(st.mode)} ${user}:${group}${via}`;
  return result(id, title, pass(typeOk && ownerOk && modeOk), evidence, e);
}

export function checkFileContains(e: Exp<'file-contains'>, d: InspectData, n: number): CheckResult {
  const title = `${e.path}: "${clip(e.text, 40)}"`;
  const id = `file-contains:${e.path}#${n}`;
  const text = readText(d.fs, e.path);
  if (text === undefined) return result(id, title, 'fail', resolvePath(d.fs, e.path) ? 'not a readable regular file' : 'missing', e);
  const line = text.split('\n').find((l) => l.includes(e.text));
  return result(id, title, pass(line !== undefined), line !== undefined ? clip(line) : `not found (${e.why})`, e);
}

export function checkFileAbsent(e: Exp<'file-absent'>, d: InspectData): CheckResult {
  const s = statPath(d.fs, e.path);
  return result(
    `file-absent:${e.path}`,
    `${e.path} absent`,
    pass(!s),
    s ? `present: ${s.stat.type} ${s.stat.size} bytes (${e.why})` : 'absent',
    e,
  );
}
