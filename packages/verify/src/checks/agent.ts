/** Checks of where the agent came from, the image's repositories, MAC settings and ssh access. */
import type { Expectation } from '@tib/core';
import { joinPath, listDir, readText, statPath } from '../image/image-fs';
import { gitManifest } from '../parse/agent-install';
import { authorizedKeys, keyIdentity } from '../parse/keys';
import type { CheckResult } from '../types';
import type { InspectData } from './context';
import { clip, isUnavailable, pass, result } from './context';

type Exp<K extends Expectation['kind']> = Extract<Expectation, { kind: K }>;

/** git/local agents: the venv's entry point, the Trove release installed in it, and the git source. */
export function checkAgentSource(e: Exp<'agent-source'>, d: InspectData): CheckResult[] {
  const out: CheckResult[] = [];
  const shebang = (readText(d.fs, e.entryPoint) ?? '').split('\n')[0] ?? '';
  const dist = installedDistribution(d, e.venv, e.distribution);
  const problems: string[] = [];
  if (!shebang.startsWith(`#!${e.venv}/`))
    problems.push(shebang ? `entry point runs ${shebang.slice(2)}, not the venv's python` : `no ${e.entryPoint}`);
  if (!dist) problems.push(`no ${e.distribution} distribution in ${e.venv}'s site-packages`);
  else if (Number(dist.version.split('.')[0]) !== e.major) problems.push(`${e.distribution} ${dist.version} is not Trove ${e.major}`);
  const evidence = dist
    ? `${e.distribution} ${dist.version} in ${dist.where}; ${shebang || 'no entry point'}`
    : shebang || 'no entry point';
  out.push(
    result(
      'agent-source',
      `agent from ${e.source} in ${e.venv} (Trove ${e.major})`,
      pass(problems.length === 0),
      problems.length > 0 ? `${problems.join('; ')} (${clip(evidence, 80)})` : evidence,
      e,
    ),
  );

  if (e.git) {
    const title = `agent git source ${e.git.repo} ${e.git.ref}`;
    const text = readText(d.fs, e.git.manifest);
    const line = text === undefined ? undefined : gitManifest(text).find((l) => l.dest === e.git?.dest || l.name === 'guest-agent');
    if (!line) {
      out.push(
        result(
          'agent-git',
          title,
          'fail',
          text === undefined ? `no ${e.git.manifest} (DIB's source-repositories record)` : `${e.git.manifest} has no ${e.git.dest} line`,
          e,
        ),
      );
    } else {
      // DIB records the commit it checked out; a ref that is a sha must be that commit.
      const isSha = /^[0-9a-f]{7,40}$/i.test(e.git.ref);
      const refOk = !isSha || line.ref.toLowerCase().startsWith(e.git.ref.toLowerCase());
      const repoOk = line.location === e.git.repo;
      out.push(
        result(
          'agent-git',
          title,
          pass(refOk && repoOk),
          `${line.location} at ${line.ref}${repoOk ? '' : ` (the recipe names ${e.git.repo})`}${refOk ? '' : ` (expected ${e.git.ref})`}`,
          e,
        ),
      );
    }
  }
  return out;
}

function installedDistribution(d: InspectData, venv: string, name: string): { version: string; where: string } | undefined {
  const lib = joinPath(venv, 'lib');
  for (const py of listDir(d.fs, lib).filter((n) => n.startsWith('python'))) {
    const site = joinPath(joinPath(lib, py), 'site-packages');
    for (const entry of listDir(d.fs, site)) {
      // trove-13.0.1.dist-info, trove-13.0.1-py3.11.egg-info, or an editable install's __editable__.trove-13.0.1.pth
      const m = new RegExp(`^(?:__editable__\\.)?${name}-(\\d[^-]*?)(?:-py[\\d.]+)?\\.(?:dist-info|egg-info|pth)$`).exec(entry);
      if (m?.[1]) return { version: m[1], where: joinPath(site, entry) };
    }
  }
  return undefined;
}

export function checkRepository(e: Exp<'repository'>, d: InspectData): CheckResult {
  const title = `repository ${e.name}: ${e.file} and key ${e.keyFile}`;
  const id = `repository:${e.name}`;
  const text = readText(d.fs, e.file);
  if (text === undefined) return result(id, title, 'fail', `no ${e.file}`, e);
  const lines = text.split('\n').filter((l) => !l.trim().startsWith('#'));
  const sourceOk = lines.some((l) => l.includes(e.source));
  const keyRef = e.type === 'apt' ? `signed-by=${e.keyFile}` : `gpgkey=file://${e.keyFile}`;
  const keyRefOk = lines.some((l) => l.includes(keyRef));
  const key = statPath(d.fs, e.keyFile);
  const problems: string[] = [];
  if (!sourceOk) problems.push(`${e.file} does not name ${e.source}`);
  if (!keyRefOk) problems.push(`${e.file} does not pin ${keyRef}`);
  if (!key || key.stat.type !== 'file') problems.push(`no key file ${e.keyFile}`);
  let keyEvidence = '';
  const fprs = d.keyFingerprints.get(e.keyFile);
  if (key && fprs !== undefined) {
    if (isUnavailable(fprs)) keyEvidence = `key not read (${fprs.unavailable})`;
    else {
      const missing = e.fingerprints.filter((f) => !fprs.includes(f.toUpperCase()));
      if (missing.length > 0) problems.push(`key lacks ${missing.join(', ')}`);
      keyEvidence = `key holds ${fprs.length} fingerprint(s)${missing.length === 0 && e.fingerprints.length > 0 ? ', pinned ones included' : ''}`;
    }
  }
  const firstLine = lines.find((l) => l.includes(e.source)) ?? lines.find((l) => l.trim() !== '') ?? '';
  return result(
    id,
    title,
    pass(problems.length === 0),
    problems.length > 0 ? problems.join('; ') : `${clip(firstLine, 100)}; ${keyEvidence || 'key present'}`,
    e,
  );
}

export function checkSecurity(e: Exp<'security'>, d: InspectData): CheckResult {
  return e.framework === 'selinux' ? checkSelinux(e, d) : checkApparmor(e, d);
}

function checkSelinux(e: Exp<'security'>, d: InspectData): CheckResult {
  const title = `SELinux ${e.mode}`;
  const text = readText(d.fs, '/etc/selinux/config');
  const value = text
    ?.split('\n')
    .map((l) => /^\s*SELINUX\s*=\s*(\w+)/.exec(l)?.[1])
    .find((v) => v !== undefined);
  if (value === undefined)
    return result(
      'security:selinux',
      title,
      pass(e.mode === 'disabled'),
      text === undefined ? 'no /etc/selinux/config (no SELinux policy in the image)' : 'no SELINUX= line in /etc/selinux/config',
      e,
    );
  return result('security:selinux', title, pass(value === e.mode), `SELINUX=${value} in /etc/selinux/config`, e);
}

function checkApparmor(e: Exp<'security'>, d: InspectData): CheckResult {
  const title = `AppArmor ${e.mode}${e.paths.length > 0 ? ` (datastore paths ${e.paths.join(', ')})` : ''}`;
  const installed = !isUnavailable(d.packages) && d.packages.get('apparmor')?.installed === true;
  const state = `apparmor package ${installed ? 'installed' : 'not installed'}`;
  if (e.profiles.length === 0) {
    return result('security:apparmor', title, 'skip', `no datastore profile to adjust in this model; ${state}`, e);
  }
  const present = e.profiles.filter((p) => (readText(d.fs, joinPath('/etc/apparmor.d', p)) ?? '').includes('{'));
  if (present.length === 0)
    return result(
      'security:apparmor',
      title,
      'pass',
      `none of ${e.profiles.join(', ')} in the image: nothing confines the datastore; ${state}`,
      e,
    );
  const problems: string[] = [];
  const notes: string[] = [];
  for (const p of present) {
    const disabled = statPath(d.fs, joinPath('/etc/apparmor.d/disable', p)) !== undefined;
    const complain = statPath(d.fs, joinPath('/etc/apparmor.d/force-complain', p)) !== undefined;
    if (e.mode === 'disabled') {
      if (!disabled) problems.push(`${p} not in disable/`);
      else notes.push(`${p} disabled`);
      continue;
    }
    if (disabled) problems.push(`${p} is disabled`);
    if (e.mode === 'complain' && !complain) problems.push(`${p} not in force-complain/`);
    if (e.mode === 'enforce' && complain) problems.push(`${p} forced to complain`);
    const local = readText(d.fs, joinPath('/etc/apparmor.d/local', p)) ?? '';
    const missing = e.paths.filter((path) => !local.includes(path.replace(/\/$/, '')));
    if (missing.length > 0) problems.push(`local/${p} does not allow ${missing.join(', ')}`);
    else notes.push(`${p} ${e.mode} with local/${p}`);
  }
  if (e.mode !== 'disabled' && !installed) problems.push('the apparmor package is not installed, so no profile is loaded');
  return result(
    'security:apparmor',
    title,
    pass(problems.length === 0),
    problems.length > 0 ? problems.join('; ') : `${notes.join('; ')}; ${state}`,
    e,
  );
}

export function checkSshKeys(e: Exp<'ssh-keys'>, d: InspectData): CheckResult {
  const found = authorizedKeyFiles(d);
  if (!e.present) {
    const withKeys = found.filter((f) => f.keys.length > 0);
    return result(
      'ssh-keys',
      'no ssh authorized keys (production image)',
      pass(withKeys.length === 0),
      withKeys.length === 0
        ? `no keys in any account's authorized_keys (${d.accounts.users.length} accounts)`
        : `keys found: ${withKeys.map((f) => `${f.path} (${f.keys.length})`).join(', ')}`,
      e,
    );
  }
  const title = `ssh keys for ${e.user} (development image)`;
  const mine = found.find((f) => f.user === e.user && f.path.endsWith('/authorized_keys'));
  if (!mine) return result('ssh-keys', title, 'fail', `no authorized_keys for ${e.user}`, e);
  const have = new Set(mine.keys.map(keyIdentity).filter((k): k is string => k !== undefined));
  const missing = e.keys.map(keyIdentity).filter((k): k is string => k !== undefined && !have.has(k));
  const enough = mine.keys.length >= e.keys.length + e.keyFiles;
  const others = found.filter((f) => f !== mine && f.keys.length > 0).map((f) => f.path);
  return result(
    'ssh-keys',
    title,
    pass(missing.length === 0 && enough),
    `${mine.path}: ${mine.keys.length} key(s)${missing.length > 0 ? `; missing ${missing.length} inline key(s)` : ''}${enough ? '' : `; expected at least ${e.keys.length + e.keyFiles}`}${others.length > 0 ? `; also ${others.join(', ')}` : ''}`,
    e,
  );
}

function authorizedKeyFiles(d: InspectData): { user: string; path: string; keys: string[] }[] {
  const out: { user: string; path: string; keys: string[] }[] = [];
  const seen = new Set<string>();
  for (const u of d.accounts.users) {
    for (const name of ['authorized_keys', 'authorized_keys2']) {
      const path = joinPath(joinPath(u.home || '/', '.ssh'), name);
      if (seen.has(path)) continue;
      seen.add(path);
      const text = readText(d.fs, path);
      if (text !== undefined) out.push({ user: u.name, path, keys: authorizedKeys(text) });
    }
  }
  return out;
}
