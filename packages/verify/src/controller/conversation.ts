/**
 * The controller conversation of the boot test: what Trove's controller would inject into
 * a new instance (from Trove's own code, with the controller configured as the plan's
 * controller contract says), then the helper's conversation with the booted guest, turned
 * into rows of the verify report.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ControllerContract, Plan } from '@tib/core';
import { ToolError } from '../exec';
import type { CheckResult } from '../types';
import type { InjectedFile, InstanceIdentity } from '../boot/config-drive';
import type { PrivateBus } from './private-bus';
import type { ControllerRuntime } from './runtime';
import { majorOf, runHelper } from './runtime';

/** The address the guest reaches the bus at: QEMU's guestfwd on its user network. */
export const GUEST_BUS_ADDRESS = '10.0.2.100';
export const GUEST_BUS_PORT = 5672;

export interface ServedVersion {
  readonly datastore: string;
  readonly version: string;
  readonly manager: string;
}

export interface ConversationSetup {
  readonly plan: Plan;
  readonly served: ServedVersion;
  readonly runtime: ControllerRuntime;
  readonly helperDir: string;
  readonly bus: PrivateBus;
  readonly identity: InstanceIdentity;
  readonly scratch: string;
  /** Controller config templates tib supplies (template_path), when the contract has any. */
  readonly templatePath?: string;
  /** How long to wait for the agent on the bus (default 600 s). */
  readonly agentWaitSec?: number;
  readonly env: NodeJS.ProcessEnv;
}

/** What Trove sends a new instance: its files, and how (Nova files, or cloud-config user data). */
export interface TroveInjection {
  readonly files: readonly InjectedFile[];
  readonly delivery: 'nova-files' | 'cloud-config';
  /** cloud-config: Trove's own user data, sent as the first part. */
  readonly userData?: string;
}

/** The guest's transport_url, through QEMU's forward to the private bus. */
export function guestTransportUrl(bus: PrivateBus): string {
  return `rabbit://${bus.user}:${bus.password}@${GUEST_BUS_ADDRESS}:${GUEST_BUS_PORT}/`;
}

/** trove-guestagent.conf as the operator's controller would inject it: the bus and the contract's settings. */
export function guestConfig(contract: ControllerContract, bus: PrivateBus): string {
  return iniFile(
    [
      { section: 'DEFAULT', key: 'transport_url', value: guestTransportUrl(bus) },
      { section: 'DEFAULT', key: 'control_exchange', value: 'trove' },
      ...contract.settings.filter((s) => s.file === 'trove-guestagent.conf'),
    ],
    "# The controller's trove-guestagent.conf for tib verify's conversation: the private bus and the image's controller contract.",
  );
}

/** trove.conf settings of the contract (injected_config_owner, template_path …) for the controller side. */
export function controllerConfig(contract: ControllerContract, templatePath: string | undefined): string {
  return iniFile(
    [
      ...contract.settings.filter((s) => s.file === 'trove.conf' && s.key !== 'template_path'),
      ...(templatePath ? [{ section: 'DEFAULT', key: 'template_path', value: templatePath }] : []),
    ],
    "# The controller's trove.conf settings from the image's controller contract.",
  );
}

function iniFile(entries: readonly { section: string; key: string; value: string }[], header: string): string {
  const sections = [...new Set(entries.map((e) => e.section))];
  const out = [header];
  for (const section of sections) {
    out.push(`[${section}]`);
    for (const e of entries.filter((x) => x.section === section)) out.push(`${e.key} = ${e.value}`);
  }
  return `${out.join('\n')}\n`;
}

function helperCommon(s: ConversationSetup, confFile: string): string[] {
  return [
    '--datastore',
    s.served.datastore,
    '--datastore-version',
    s.served.version,
    '--manager',
    s.served.manager,
    '--tenant-id',
    s.identity.tenantId,
    '--conf',
    confFile,
    ...(s.templatePath ? ['--template-path', s.templatePath] : []),
  ];
}

/** Paths the helper sees: the chroot's view of a host file under its /run. */
function visibleToHelper(s: ConversationSetup, hostFile: string): string {
  if (s.runtime.where === 'host' || !s.runtime.root) return hostFile;
  const inside = `/run/tib-conversation-${process.pid}`;
  fs.mkdirSync(path.join(s.runtime.root, inside), { recursive: true });
  const target = path.join(inside, path.basename(hostFile));
  fs.copyFileSync(hostFile, path.join(s.runtime.root, target));
  return target;
}

/** Asks Trove's code what it would inject into this instance. */
export async function troveInjection(s: ConversationSetup): Promise<TroveInjection> {
  const guestConf = path.join(s.scratch, 'trove-guestagent.conf');
  const ctlConf = path.join(s.scratch, 'trove.conf');
  fs.writeFileSync(guestConf, guestConfig(s.plan.controller, s.bus), { mode: 0o600 });
  fs.writeFileSync(ctlConf, controllerConfig(s.plan.controller, s.templatePath), { mode: 0o600 });
  let result: Record<string, unknown> | undefined;
  const run = await runHelper(
    s.runtime,
    s.helperDir,
    [
      'injected-files',
      ...helperCommon(s, visibleToHelper(s, ctlConf)),
      '--guest-id',
      s.identity.uuid,
      '--instance-key',
      s.identity.rpcKey,
      '--guest-config',
      visibleToHelper(s, guestConf),
    ],
    {
      env: s.env,
      timeoutMs: 120_000,
      scratch: s.scratch,
      onRow: (row) => (row['check'] === 'injected_files' ? (result = row) : undefined),
    },
  );
  if (!result)
    throw new ToolError(`the controller helper could not produce Trove's injected files (exit ${run.exitCode}): ${run.stderrTail}`);
  const files = Object.entries((result['files'] ?? {}) as Record<string, string>).map(([p, content]) => ({
    path: p,
    content,
    sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
  }));
  const delivery = result['delivery'] === 'cloud-config' ? 'cloud-config' : 'nova-files';
  const userData = typeof result['userdata'] === 'string' ? result['userdata'] : undefined;
  return { files, delivery, ...(userData ? { userData } : {}) };
}

export interface ConversationOutcome {
  readonly checks: CheckResult[];
  readonly timings: Record<string, number>;
  readonly logFile: string;
}

/** The conversation itself; `dbPort` is the host end of QEMU's forward to the datastore. */
export async function converse(
  s: ConversationSetup,
  dbPort: number | undefined,
  timeoutSec: number,
  cancel?: AbortSignal,
): Promise<ConversationOutcome> {
  const ctlConf = path.join(s.scratch, 'trove.conf');
  const rows: Record<string, unknown>[] = [];
  const mysqlFamily = ['mysql', 'mariadb', 'percona', 'pxc'].includes(s.served.manager);
  const major = majorOf(s.runtime.troveVersion);
  const run = await runHelper(
    s.runtime,
    s.helperDir,
    [
      '--deadline',
      String(timeoutSec),
      'converse',
      ...helperCommon(s, visibleToHelper(s, ctlConf)),
      '--transport-url',
      s.bus.url,
      '--guest-id',
      s.identity.uuid,
      '--instance-key',
      s.identity.rpcKey,
      '--agent-timeout',
      String(Math.min(s.agentWaitSec ?? 600, timeoutSec)),
      '--healthy-timeout',
      String(Math.min(900, timeoutSec)),
      // Before Trove 14 a PostgreSQL guest reports "running", never "healthy".
      '--healthy-status',
      major <= 13 ? 'healthy,running' : 'healthy',
      ...(mysqlFamily ? ['--charset', 'utf8mb4', '--collation', 'utf8mb4_general_ci'] : []),
      ...(dbPort ? ['--query-port', String(dbPort)] : []),
    ],
    { env: s.env, timeoutMs: (timeoutSec + 60) * 1000, scratch: s.scratch, onRow: (row) => rows.push(row), ...(cancel ? { cancel } : {}) },
  );
  if (cancel?.aborted) {
    // The guest showed it cannot answer: the conversation stops where it stood.
    const where = rows.some((r) => r['check'] === 'bus') ? 'stopped' : 'bus';
    rows.push({ check: where, ok: false, error: 'stopped', message: String(cancel.reason ?? 'the guest cannot answer') });
  }
  return { ...conversationChecks(rows, run.exitCode, run.stderrTail), logFile: run.logFile };
}

const TITLES: Readonly<Record<string, string>> = {
  trove: 'controller code loaded',
  bus_controller: 'private message bus up (controller side)',
  conductor: 'conductor serving its topic',
  bus: 'agent connected to the message bus',
  rpc_ping: 'rpc_ping answered',
  prepare_sent: 'prepare sent as the taskmanager sends it',
  healthy: 'heartbeats reached healthy',
  create_database: 'guest API: create_database',
  list_databases: 'guest API: list_databases shows it',
  create_user: 'guest API: create_user',
  list_users: 'guest API: list_users shows it',
  is_root_enabled: 'guest API: is_root_enabled',
  restart: 'guest API: restart',
  healthy_after_restart: 'healthy again after restart',
  query: 'the datastore answers a query (as the new user, from outside)',
  deadline: 'conversation finished in time',
  stopped: 'conversation went on to the end',
  helper: 'controller helper ran',
};

/** Turns the helper's JSON rows into report rows (pure, for tests). */
export function conversationChecks(
  rows: readonly Record<string, unknown>[],
  exitCode: number,
  stderrTail: string,
): { checks: CheckResult[]; timings: Record<string, number> } {
  const checks: CheckResult[] = [];
  const timings: Record<string, number> = {};
  const errors = rows.filter((r) => r['event'] === 'notify_exc_info').map((r) => String(r['message'] ?? ''));
  for (const r of rows) {
    const name = typeof r['check'] === 'string' ? r['check'] : undefined;
    if (!name) continue;
    const status = r['ok'] === undefined ? 'skip' : r['ok'] ? 'pass' : 'fail';
    if (typeof r['ms'] === 'number') timings[`conversation.${name}`] = Math.round(r['ms'] / 100) / 10;
    checks.push({
      id: `controller:${name}`,
      phase: 'controller',
      title: TITLES[name] ?? name,
      status,
      evidence: evidenceOf(name, r, status === 'fail' ? errors : []),
    });
  }
  if (checks.length === 0 || (exitCode !== 0 && !checks.some((c) => c.status === 'fail'))) {
    checks.push({
      id: 'controller:helper',
      phase: 'controller',
      title: TITLES['helper'] ?? 'helper',
      status: 'fail',
      evidence: `the controller helper stopped (exit ${exitCode}) without a failing row: ${stderrTail.replace(/\s+/g, ' ').slice(-300)}`,
    });
  }
  return { checks, timings };
}

function evidenceOf(name: string, r: Record<string, unknown>, errors: readonly string[]): string {
  const ms = typeof r['ms'] === 'number' ? ` in ${(r['ms'] / 1000).toFixed(1)} s` : '';
  const parts: string[] = [];
  switch (name) {
    case 'trove':
      parts.push(`Trove ${String(r['trove_version'])} (Python ${String(r['python'])}) from ${String(r['trove_path'])}`);
      break;
    case 'bus':
      // The row tib adds when the guest showed its agent cannot come has no queue to count.
      parts.push(r['queue'] === undefined ? failure(r, ms) : `${String(r['queue'])}: ${String(r['consumers'] ?? 0)} consumer(s)`);
      break;
    case 'healthy':
    case 'healthy_after_restart': {
      const seen = ((r['statuses'] as [number, string][] | undefined) ?? []).map(([t, st]) => `${st}@${t}s`).join(' → ');
      parts.push(
        r['ok']
          ? `${String(r['status'])}${ms}; heartbeats: ${seen || 'none'}`
          : `${String(r['reason'])}${ms}; heartbeats: ${seen || 'none'}`,
      );
      break;
    }
    case 'query':
      parts.push(
        r['row']
          ? `${JSON.stringify(r['row'])}${ms}${r['fallback'] ? `; ${String(r['fallback'])}` : ''}`
          : String(r['skipped'] ?? r['error'] ?? ''),
      );
      break;
    default:
      if (r['skipped']) parts.push(String(r['skipped']));
      else if (r['ok']) parts.push(`ok${ms}${r['result'] !== undefined && r['result'] !== null ? `: ${short(r['result'])}` : ''}`);
      else parts.push(failure(r, ms));
  }
  if (errors.length > 0) parts.push(`the agent reported: ${errors.join(' | ')}`);
  return parts.join('; ').replace(/\s+/g, ' ').trim().slice(0, 600);
}

function failure(r: Record<string, unknown>, ms: string): string {
  return `${String(r['error'] ?? r['reason'] ?? 'failed')}${r['message'] ? `: ${String(r['message'])}` : ''}${ms}`;
}

function short(value: unknown): string {
  return JSON.stringify(value).slice(0, 160);
}
