/**
 * The controller conversation's pure parts: the rows the helper prints become report rows;
 * the controller's and the guest's configuration follow the plan's controller contract;
 * the guest reaches the bus only through QEMU's per-connection forward; a failure carries
 * the guest's log lines; Trove's own user data goes on the config drive unchanged.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Expectation } from '@tib/core';
import { configDriveLayout } from '../src/boot/config-drive';
import { attachLogs, failureContext } from '../src/boot/guest-logs';
import { LOG_PREFIX, probeScript } from '../src/boot/probe-script';
import { qemuArgs } from '../src/boot/qemu-args';
import { controllerConfig, conversationChecks, guestConfig, guestTransportUrl } from '../src/controller/conversation';
import type { PrivateBus } from '../src/controller/private-bus';
import type { CheckResult } from '../src/types';
import { CONTAINER_RECIPE, planFor } from './support/plans';

const bus: PrivateBus = {
  url: 'rabbit://tib:pw@127.0.0.1:40000/',
  port: 40000,
  user: 'tib',
  password: 'pw',
  startSeconds: 4,
  logDir: '/x',
};
const plan = planFor(CONTAINER_RECIPE);
type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;
const boot = plan.expectations.find((e): e is AgentBoot => e.kind === 'agent-boot') as AgentBoot;

const passing = [
  { check: 'trove', ok: true, trove_version: '18.0.0', python: '3.11.2', trove_path: '/usr/lib/python3/dist-packages/trove' },
  { check: 'bus_controller', ok: true, broker: '3.10.8', ms: 12 },
  { check: 'conductor', ok: true, topic: 'trove-conductor' },
  { check: 'bus', ok: true, queue: 'guestagent.g1', consumers: 1 },
  { check: 'rpc_ping', ok: true, result: true, ms: 530 },
  { check: 'prepare_sent', ok: true, ms: 40 },
  { event: 'heartbeat', service_status: 'building' },
  {
    check: 'healthy',
    ok: true,
    status: 'healthy',
    statuses: [
      [61.2, 'building'],
      [140.5, 'healthy'],
    ],
    ms: 79300,
  },
  { check: 'create_database', ok: true, result: null, ms: 20 },
  { check: 'query', ok: true, row: ['10.11.14-MariaDB', 'tibcheck', 'tibcheck@%'], ms: 300 },
];

describe('conversation rows', () => {
  test('every helper check becomes a controller row; events do not', () => {
    const { checks, timings } = conversationChecks(passing, 0, '');
    expect(checks.map((c) => c.id)).toEqual([
      'controller:trove',
      'controller:bus_controller',
      'controller:conductor',
      'controller:bus',
      'controller:rpc_ping',
      'controller:prepare_sent',
      'controller:healthy',
      'controller:create_database',
      'controller:query',
    ]);
    expect(checks.every((c) => c.status === 'pass' && c.phase === 'controller')).toBe(true);
    expect(timings['conversation.healthy']).toBe(79.3);
  });

  test('a conversation stopped before the bus row says why, not an empty queue count', () => {
    const rows = [
      ...passing.slice(0, 3),
      { check: 'bus', ok: false, error: 'stopped', message: 'the agent never came to the bus: the guest reports it failed' },
    ];
    const row = conversationChecks(rows, 0, '').checks.find((c) => c.id === 'controller:bus');
    expect(row).toMatchObject({ status: 'fail', evidence: 'stopped: the agent never came to the bus: the guest reports it failed' });
  });

  test('healthy names the states seen, with their times', () => {
    const row = conversationChecks(passing, 0, '').checks.find((c) => c.id === 'controller:healthy');
    expect(row?.evidence).toContain('building@61.2s → healthy@140.5s');
  });

  test('a failing row carries what the agent reported to the conductor', () => {
    const rows = [
      ...passing.slice(0, 6),
      { event: 'notify_exc_info', message: "[Errno 2] No such file or directory: '/opt/trove-guestagent/.guestagent.prepare.start'" },
      { check: 'healthy', ok: false, reason: 'error', statuses: [], ms: 2000 },
    ];
    const row = conversationChecks(rows, 5, '').checks.find((c) => c.id === 'controller:healthy');
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toContain('/opt/trove-guestagent/.guestagent.prepare.start');
  });

  test('a helper that dies without a failing row still fails the conversation', () => {
    const { checks } = conversationChecks(passing.slice(0, 2), 1, 'Traceback ...\nImportError: No module named trove');
    expect(checks.at(-1)).toMatchObject({ id: 'controller:helper', status: 'fail' });
    expect(checks.at(-1)?.evidence).toContain('ImportError');
  });

  test('a row the helper skipped is a skip, with its reason', () => {
    const { checks } = conversationChecks([{ check: 'is_root_enabled', skipped: 'no such guest call for postgresql' }], 0, '');
    expect(checks[0]).toMatchObject({ status: 'skip', evidence: 'no such guest call for postgresql' });
  });
});

describe('controller and guest configuration from the contract', () => {
  test("the guest's config names the bus through the forward and the contract's agent settings", () => {
    const conf = guestConfig(plan.controller, bus);
    expect(conf).toContain(`transport_url = ${guestTransportUrl(bus)}`);
    expect(conf).toContain('rabbit://tib:pw@10.0.2.100:5672/');
    expect(conf).toContain('control_exchange = trove');
    expect(conf).toMatch(/\[mariadb\]\ndocker_image = mariadb/);
  });
  test("the controller's side gets the contract's trove.conf settings and tib's templates", () => {
    const conf = controllerConfig(plan.controller, '/run/t/');
    expect(conf).toContain('injected_config_owner = trove');
    expect(conf).toContain('template_path = /run/t/');
  });
});

describe('the guest reaches the bus only through QEMU', () => {
  const args = qemuArgs({
    accel: 'tcg',
    overlay: '/o.qcow2',
    volume: '/v.qcow2',
    configDrive: '/c.iso',
    consoleLog: '/c.log',
    sshPort: 2222,
    memoryMiB: 2048,
    cpus: 2,
    mac: 'fa:16:3e:00:00:01',
    bus: { address: '10.0.2.100', port: 5672, hostPort: 40000 },
    forwards: [{ host: 33306, guest: 3306 }],
  });
  const netdev = args[args.indexOf('-netdev') + 1] ?? '';
  test('restrict=on stays, with a per-connection command to the loopback bus', () => {
    expect(netdev).toContain('restrict=on');
    expect(netdev).toContain('guestfwd=tcp:10.0.2.100:5672-cmd:socat - TCP:127.0.0.1:40000');
    expect(netdev).toContain('hostfwd=tcp:127.0.0.1:33306-:3306');
    expect(netdev).not.toMatch(/hostfwd=tcp:0\.0\.0\.0|hostfwd=tcp::/);
  });
});

describe("the guest's log on a failing row", () => {
  const console = [
    'Debian GNU/Linux 12 tib-verify ttyS0',
    `${LOG_PREFIX} agent 2026-12-01 INFO trove.cmd.guest starting`,
    `${LOG_PREFIX} agent 2026-12-01 ERROR trove.guestagent.datastore.manager Failed to prepare: image not found`,
    `${LOG_PREFIX} db 2026-12-01 [tib-entrypoint] initialising /var/lib/mysql/data`,
    '[  140.1] random kernel line',
  ].join('\r\n');
  test('the agent errors and both logs tails', () => {
    const lines = failureContext(console);
    expect(lines).toContain('agent: 2026-12-01 ERROR trove.guestagent.datastore.manager Failed to prepare: image not found');
    expect(lines).toContain('db: 2026-12-01 [tib-entrypoint] initialising /var/lib/mysql/data');
    expect(lines.join('\n')).not.toContain('kernel line');
  });
  test('only the first failing row gets them', () => {
    const rows: CheckResult[] = [
      { id: 'a', phase: 'controller', title: 'a', status: 'pass', evidence: '' },
      { id: 'b', phase: 'controller', title: 'b', status: 'fail', evidence: '' },
      { id: 'c', phase: 'controller', title: 'c', status: 'fail', evidence: '' },
    ];
    const out = attachLogs(rows, console);
    expect(out[0]?.context).toBeUndefined();
    expect(out[1]?.context?.length).toBeGreaterThan(0);
    expect(out[2]?.context).toBeUndefined();
  });
});

describe("Trove's own user data on the config drive", () => {
  test('goes first, unchanged, beside the probe', () => {
    const userData =
      '#cloud-config\nwrite_files:\n- encoding: b64\n  owner: trove:trove\n  path: /etc/trove/conf.d/guest_info.conf\n  content: eA==\n';
    const layout = configDriveLayout(boot, { uuid: 'u', name: 'n', tenantId: 't', rpcKey: 'k' }, [], { runcmd: ['true'] }, userData);
    const data = layout.get('openstack/latest/user_data') ?? '';
    expect(data).toContain(userData.trimEnd());
    expect(data.indexOf('trove-injected-files.cfg')).toBeLessThan(data.indexOf('tib-verify-probe.cfg'));
  });
});

describe('the probe of a conversation boot', () => {
  const script = probeScript({
    boot,
    injectedPaths: ['/etc/trove/conf.d/guest_info.conf'],
    settleSec: 240,
    agentWaitSec: 180,
    conversation: true,
  });
  test("streams the agent's log and the database container's output, and does not wait for a bus failure", () => {
    expect(script).toContain(`${LOG_PREFIX} agent`);
    expect(script).toContain('docker logs -f --since "$since" database');
    expect(script).toContain('while [ "$i" -lt 5 ]');
  });
  test('outlives its report, so systemd does not stop the log streamers with its unit', () => {
    const lines = script.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('wait');
    expect(lines.at(-2)).toMatch(/^kv end /);
  });
  test('passes shellcheck', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-probe-'));
    const file = path.join(dir, 'probe.sh');
    fs.writeFileSync(file, script);
    try {
      execFileSync('shellcheck', ['-s', 'sh', '-S', 'warning', file], { stdio: 'pipe' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
