/** The offline checks: one or more rows per expectation of the plan, in the plan's order. */
import type { Expectation } from '@tib/core';
import type { CheckResult } from '../types';
import { checkAgentSource, checkRepository, checkSecurity, checkSshKeys } from './agent';
import { checkDatasources, checkKernelCmdline } from './boot-config';
import type { InspectData } from './context';
import { checkSecrets } from './secrets';
import { checkFileAbsent, checkFileContains, checkOsRelease, checkPackage, checkPath, checkService, checkUser } from './system';

export function offlineChecks(expectations: readonly Expectation[], d: InspectData): CheckResult[] {
  const out: CheckResult[] = [];
  let contains = 0;
  const seen = new Set<string>();
  for (const e of expectations) {
    for (const r of checkOne(e, d, () => contains++)) {
      // Two expectations can lead to the same row (a rendered file that is also a required path).
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

function checkOne(e: Expectation, d: InspectData, next: () => number): CheckResult[] {
  switch (e.kind) {
    case 'os-release':
      return [checkOsRelease(e, d)];
    case 'package':
      return [checkPackage(e, d)];
    case 'service':
      return [checkService(e, d)];
    case 'user':
      return [checkUser(e, d)];
    case 'path':
      return [checkPath(e, d)];
    case 'file-contains':
      return [checkFileContains(e, d, next())];
    case 'file-absent':
      return [checkFileAbsent(e, d)];
    case 'datasources':
      return [checkDatasources(e, d)];
    case 'kernel-cmdline':
      return [checkKernelCmdline(e, d)];
    case 'agent-source':
      return checkAgentSource(e, d);
    case 'repository':
      return [checkRepository(e, d)];
    case 'security':
      return [checkSecurity(e, d)];
    case 'ssh-keys':
      return [checkSshKeys(e, d)];
    case 'no-secrets':
      return checkSecrets(e, d);
    // Observed only by booting (boot/boot-checks.ts).
    case 'agent-boot':
      return [];
  }
}
