/**
 * Turns what the boot showed (probe lines, console, ssh banner) into checks. Pass rules:
 * multi-user reached; a NIC got an IPv4 address by DHCP; cloud-init read the config
 * drive and wrote Trove's files; the agent service is active, or restarting only because
 * the message bus is unreachable (its log must say so); container model: Docker active;
 * native model: the datastore installed and not running.
 */
import type { Expectation } from '@tib/core';
import type { CheckResult, CheckStatus } from '../types';
import type { InjectedFile } from './config-drive';
import type { ProbeReport } from './probe-parse';
import { bootFailure, consoleTail } from './probe-parse';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;

export interface BootObservation {
  readonly probe: ProbeReport;
  readonly console: string;
  readonly injected: readonly InjectedFile[];
  /** First line the host read through the ssh forward, if any. */
  readonly sshBanner?: string;
  readonly sshPort: number;
  /** Why the boot stopped before the probe ended: QEMU exited, or the time limit. */
  readonly stopped?: string;
  readonly timeoutSec: number;
  readonly accel: 'kvm' | 'tcg';
  /** The controller conversation ran: the bus was reachable, and its own rows judge the agent's talk. */
  readonly busReachable?: boolean;
}

function row(id: string, title: string, status: CheckStatus, evidence: string, e: AgentBoot): CheckResult {
  return { id, phase: 'boot', title, status, evidence: evidence.replace(/\s+/g, ' ').trim().slice(0, 300), expectation: e };
}

export function bootChecks(e: AgentBoot, o: BootObservation): CheckResult[] {
  const v = (k: string): string => o.probe.values.get(k) ?? '';
  const out: CheckResult[] = [];
  const startTitle = `guest booted (${o.accel}), probe reported on ttyS0`;
  if (!o.probe.ended) {
    const why = bootFailure(o.console) ?? o.stopped ?? `no probe report within ${o.timeoutSec} s`;
    const seen = o.probe.begun ? 'the probe started but did not finish' : 'the probe never started (cloud-init did not run its user-data?)';
    out.push(row('boot:start', startTitle, 'fail', `${why}; ${seen}; console: ${consoleTail(o.console)}`, e));
  } else {
    out.push(row('boot:start', startTitle, 'pass', `probe ran at ${v('begin')} s of uptime, ended at ${v('end')} s`, e));
  }
  // Without a finished probe, whatever it did report is still evidence; the rest is unknown.
  const unknown = (id: string, title: string): CheckResult =>
    row(id, title, o.probe.begun ? 'fail' : 'skip', 'not reported: the probe did not finish', e);
  const have = (k: string): boolean => o.probe.values.has(k);

  const muTitle = 'reached multi-user';
  out.push(
    have('multi-user')
      ? row(
          'boot:multi-user',
          muTitle,
          v('multi-user') === 'active' || /^N [2345]$/.test(v('multi-user')) ? 'pass' : 'fail',
          `multi-user.target ${v('multi-user')}; system ${v('system')}${v('failed-units') ? `; failed units: ${v('failed-units')}` : ''}`,
          e,
        )
      : unknown('boot:multi-user', muTitle),
  );

  const netTitle = 'network up by DHCP';
  if (have('ipv4')) {
    const addresses = v('ipv4');
    const lease = v('dhcp-lease');
    // No default route is expected: QEMU's user network under restrict=on hands out no
    // router, and the bus is reached on the guest's own subnet (guestfwd 10.0.2.100).
    const ok = addresses !== '' && lease !== '';
    const banner = o.sshBanner ? `; ssh via 127.0.0.1:${o.sshPort}: ${o.sshBanner}` : '';
    const evidence =
      addresses === ''
        ? `no IPv4 address on any NIC (${v('nics') || 'none found'}); DHCP client: ${v('dhcp-client') || 'none'}`
        : [
            addresses,
            v('route') || `routes: ${v('routes') || 'none'}`,
            lease ? `lease ${lease.trim()}` : `no DHCP lease file (DHCP client: ${v('dhcp-client') || 'none'})`,
          ].join('; ') + banner;
    const journal = !ok && v('net-journal') ? `; network log: ${v('net-journal')}` : '';
    out.push(row('boot:network', netTitle, ok ? 'pass' : 'fail', evidence + journal, e));
  } else out.push(unknown('boot:network', netTitle));

  const ciTitle = 'cloud-init read the config drive';
  if (have('cloud-init')) {
    const status = v('cloud-init');
    const ok = /status: done/.test(status) && /openstack|configdrive/i.test(v('datasource') || 'openstack');
    out.push(
      row('boot:cloud-init', ciTitle, ok ? 'pass' : 'fail', `${status || 'no status'}; datasource ${v('datasource') || 'unknown'}`, e),
    );
  } else out.push(unknown('boot:cloud-init', ciTitle));

  const injTitle = `Trove's files injected (${e.injection === 'nova-files' ? 'Nova files' : `write_files ${e.owner}:${e.group}`})`;
  if (have('injected-0')) {
    const parts = o.injected.map((f, i) => {
      const got = v(`injected-${i}`);
      const [owner, mode, digest] = got.split(' ');
      return {
        f,
        got,
        ok: digest === f.sha256,
        text:
          got === 'missing'
            ? `${f.path} missing`
            : `${f.path} ${owner ?? '?'} ${mode ?? '?'}${digest === f.sha256 ? '' : ' (content differs)'}`,
      };
    });
    out.push(row('boot:injection', injTitle, parts.every((p) => p.ok) ? 'pass' : 'fail', parts.map((p) => p.text).join('; '), e));
  } else out.push(unknown('boot:injection', injTitle));

  out.push(agentRow(e, o, v, have));

  if (e.docker) {
    const t = `Docker engine (${e.dockerService ?? 'docker'}) active`;
    out.push(
      have('docker-active')
        ? row(
            'boot:docker',
            t,
            v('docker-active') === 'active' ? 'pass' : 'fail',
            `${e.dockerService ?? 'docker'}: ${v('docker-active')}`,
            e,
          )
        : unknown('boot:docker', t),
    );
  }
  if (e.datastoreService) {
    const t = `${e.datastoreService} installed, not running (the agent starts it)`;
    if (have('datastore-active')) {
      const version = v('datastore-version');
      const running = v('datastore-active') === 'active';
      out.push(
        row(
          'boot:datastore',
          t,
          !running && version !== '' ? 'pass' : 'fail',
          `${e.datastoreService}: ${v('datastore-active')}; ${(e.datastorePackages ?? []).join(' ')} ${version || 'not installed'}`,
          e,
        ),
      );
    } else out.push(unknown('boot:datastore', t));
  }
  return out;
}

function agentRow(e: AgentBoot, o: BootObservation, v: (k: string) => string, have: (k: string) => boolean): CheckResult {
  const title = o.busReachable ? `${e.service} active` : `${e.service} active (its message bus is unreachable)`;
  if (!have('agent-active')) return row('boot:agent', title, o.probe.begun ? 'fail' : 'skip', 'not reported: the probe did not finish', e);
  const active = v('agent-active');
  const state = v('agent-state');
  const restarts = Number(/NRestarts=(\d+)/.exec(state)?.[1] ?? '0');
  const bus = v('agent-bus');
  const error = v('agent-error');
  const journal = v('agent-journal');
  let status: CheckStatus;
  let why: string;
  if (active === 'active' && restarts === 0) {
    status = 'pass';
    why = o.busReachable
      ? 'active, no restarts (the conversation rows show what it says on the bus)'
      : bus
        ? `active; log: ${bus}`
        : 'active (no message-bus attempt logged yet)';
  } else if (!o.busReachable && (active === 'active' || active === 'activating') && bus) {
    status = 'pass';
    why = `${active} after ${restarts} restart(s), because the bus is unreachable; log: ${bus}`;
  } else {
    status = 'fail';
    why = `${active}${restarts > 0 ? ` after ${restarts} restart(s)` : ''}${error ? `; log: ${error}` : ''}${journal ? `; journal: ${journal}` : ''}${!error && !journal ? `; ${state}` : ''}`;
  }
  return row('boot:agent', title, status, why, e);
}
