/**
 * The boot test's side effects: an overlay on the image (the image itself is only read),
 * a blank volume, the config drive ISO, QEMU with the console on a file, polling that
 * file for the probe's report, an ssh banner read through the loopback forward, and,
 * with a controller, a private message bus and the controller conversation; always:
 * QEMU and the bus stopped and every file removed.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expectation, Plan } from '@tib/core';
import { haveTool, loadExeca, MissingToolError, runTool, ToolError } from '../exec';
import type { Scope } from '../scope';
import type { CheckResult } from '../types';
import { imageInfo } from '../inspect/loop';
import { converse, GUEST_BUS_ADDRESS, GUEST_BUS_PORT, troveInjection } from '../controller/conversation';
import type { ConversationOutcome, ServedVersion, TroveInjection } from '../controller/conversation';
import { startPrivateBus } from '../controller/private-bus';
import type { ControllerRuntime } from '../controller/runtime';
import { bootChecks } from './boot-checks';
import { keepConsole, sleep, writeConfigDrive } from './boot-files';
import { configDriveLayout, newIdentity, troveFiles } from './config-drive';
import type { InjectedFile } from './config-drive';
import { attachLogs } from './guest-logs';
import { parseProbe, sawLogin } from './probe-parse';
import { probeCloudConfig, probeScript } from './probe-script';
import { freeLoopbackPort, sshBanner } from './ports';
import { openstackMac, qemuArgs } from './qemu-args';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;

/** The controller conversation to hold with the booted guest, for one datastore it serves. */
export interface ConversationRequest {
  readonly runtime: ControllerRuntime;
  readonly helperDir: string;
  readonly served: ServedVersion;
  /** The guest port of the datastore, forwarded from a loopback port for the real query. */
  readonly dbPort?: number;
  /** Controller config templates tib supplies, already written out (template_path). */
  readonly templatePath?: string;
  /** How long to wait for the agent on the bus (default 600 s). */
  readonly agentWaitSec?: number;
}

export interface BootOptions {
  readonly image: string;
  readonly plan: Plan;
  readonly work: string;
  readonly scope: Scope;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  readonly accel: 'kvm' | 'tcg';
  readonly timeoutSec: number;
  readonly consoleLogPath: string;
  readonly conversation?: ConversationRequest;
}

export interface BootOutcome {
  readonly checks: CheckResult[];
  readonly consoleLog?: string;
  readonly timings: Record<string, number>;
}

const MIN = 60_000;
/** The root disk of the flavor the boot test plays (a small database flavor's). */
const FLAVOR_ROOT_GIB = 8;

export async function bootTest(o: BootOptions): Promise<BootOutcome> {
  const expectation = o.plan.expectations.find((e): e is AgentBoot => e.kind === 'agent-boot');
  if (!expectation) throw new ToolError('the plan has no boot expectation (agent-boot); recompile it with this tib');
  if (!(await haveTool('qemu-system-x86_64', o.env)) && o.plan.target.arch === 'amd64')
    throw new MissingToolError('qemu-system-x86_64 is not installed (apt install qemu-system-x86)');
  if (o.plan.target.arch !== 'amd64') throw new ToolError(`the boot test supports amd64 images (this one is ${o.plan.target.arch})`);

  const dir = path.join(o.work, `boot-${o.conversation?.served.datastore ?? 'agent'}`);
  fs.mkdirSync(dir, { recursive: true });
  o.scope.defer('remove the boot test files', () => fs.rmSync(dir, { recursive: true, force: true }));

  // Disks: an overlay whose backing file (the image) QEMU opens read-only, and a volume.
  // The overlay gets a flavor's root disk size, as Nova gives an instance: the image's
  // own disk is only as large as its files, and cloud-init grows the root to the disk.
  const { format, virtualSize } = await imageInfo(o.image, o.env);
  const overlay = path.join(dir, 'overlay.qcow2');
  const volume = path.join(dir, 'volume.qcow2');
  const rootBytes = String(Math.max(virtualSize, FLAVOR_ROOT_GIB * 1024 ** 3));
  await runTool('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', format, '-b', o.image, overlay, rootBytes], {
    timeoutMs: MIN,
    env: o.env,
  });
  await runTool('qemu-img', ['create', '-q', '-f', 'qcow2', volume, '4G'], { timeoutMs: MIN, env: o.env });

  const timings: Record<string, number> = {};
  const identity = newIdentity(o.plan.image.name);
  // With a controller: a private bus, and what Trove's own code injects; without: the
  // files a controller would send, with a bus nobody listens on (the weaker proof).
  let conversation: { setup: Parameters<typeof converse>[0]; injection: TroveInjection } | undefined;
  if (o.conversation) {
    const c = o.conversation;
    const bus = await startPrivateBus(path.join(dir, 'bus'), o.scope, o.env, o.log);
    timings['bus-start'] = bus.startSeconds;
    const scratch = path.join(dir, 'controller');
    fs.mkdirSync(scratch, { recursive: true });
    const setup = {
      plan: o.plan,
      served: c.served,
      runtime: c.runtime,
      helperDir: c.helperDir,
      bus,
      identity,
      scratch,
      env: o.env,
      ...(c.templatePath ? { templatePath: c.templatePath } : {}),
      ...(c.agentWaitSec ? { agentWaitSec: c.agentWaitSec } : {}),
    };
    conversation = { setup, injection: await troveInjection(setup) };
  }
  const injected: readonly InjectedFile[] = conversation ? conversation.injection.files : troveFiles(expectation, identity);
  const script = probeScript({
    boot: expectation,
    injectedPaths: injected.map((f) => f.path),
    settleSec: 240,
    agentWaitSec: 180,
    conversation: conversation !== undefined,
  });
  const layout = configDriveLayout(expectation, identity, injected, probeCloudConfig(script), conversation?.injection.userData);
  const iso = await writeConfigDrive(layout, dir, o.env);

  const consoleFile = path.join(dir, 'console.log');
  fs.writeFileSync(consoleFile, '');
  const sshPort = await freeLoopbackPort();
  const dbForward = o.conversation?.dbPort ? { host: await freeLoopbackPort(), guest: o.conversation.dbPort } : undefined;
  const args = qemuArgs({
    accel: o.accel,
    overlay,
    volume,
    configDrive: iso,
    consoleLog: consoleFile,
    sshPort,
    memoryMiB: 2048,
    cpus: 2,
    mac: openstackMac(randomBytes(3)),
    ...(conversation ? { bus: { address: GUEST_BUS_ADDRESS, port: GUEST_BUS_PORT, hostPort: conversation.setup.bus.port } } : {}),
    ...(dbForward ? { forwards: [dbForward] } : {}),
  });

  const { execa } = await loadExeca();
  const started = Date.now();
  o.log(
    `QEMU: ${o.accel}, ssh forward 127.0.0.1:${sshPort}, limit ${o.timeoutSec} s; injecting ${injected.map((f) => path.basename(f.path)).join(', ')} by ${conversation?.injection.delivery ?? expectation.injection}`,
  );
  const qemu = execa('qemu-system-x86_64', args, {
    env: o.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
    // A backstop only: the poll below stops QEMU much earlier.
    timeout: (o.timeoutSec + 60) * 1000,
    killSignal: 'SIGTERM',
    forceKillAfterDelay: 5000,
  });
  let exited: { code: number | undefined; stderr: string } | undefined;
  void qemu.then((r) => {
    exited = { code: r.exitCode, stderr: String(r.stderr ?? '') };
  });
  const stop = async (): Promise<void> => {
    if (exited) return;
    qemu.kill('SIGTERM');
    await Promise.race([qemu, sleep(10_000)]);
    if (!exited) qemu.kill('SIGKILL');
    await qemu.catch(() => undefined);
  };
  o.scope.defer('stop QEMU', stop);

  // The conversation runs beside the boot: the helper waits for the agent on the bus.
  let talked: ConversationOutcome | undefined;
  let talkFailed: unknown;
  const stopTalking = new AbortController();
  const talking = conversation
    ? converse(conversation.setup, dbForward?.host, o.timeoutSec, stopTalking.signal).then(
        (r) => {
          talked = r;
          o.log(`controller conversation finished after ${Math.round((Date.now() - started) / 1000)} s`);
        },
        (err: unknown) => {
          talkFailed = err;
        },
      )
    : undefined;

  let text: string;
  let stopped: string | undefined;
  let banner: string | undefined;
  try {
    for (;;) {
      await sleep(2000);
      text = fs.readFileSync(consoleFile, 'utf8');
      const elapsed = (Date.now() - started) / 1000;
      if (timings['login'] === undefined && sawLogin(text)) {
        timings['login'] = Math.round(elapsed);
        o.log(`login prompt on the console after ${Math.round(elapsed)} s`);
      }
      const probe = parseProbe(text);
      if (timings['probe-start'] === undefined && probe.begun) timings['probe-start'] = Math.round(elapsed);
      if (probe.ended && timings['probe'] === undefined) {
        timings['probe'] = Math.round(elapsed);
        o.log(`probe report complete after ${Math.round(elapsed)} s`);
        // The forward only answers if the guest's network and sshd are up.
        banner = await sshBanner(sshPort, 10_000);
        // An agent that is not running after the boot settled will not come to the bus.
        const down = agentDown(probe.values);
        if (down && talking && !talked) {
          o.log(`the agent is not running (${down}): the conversation stops`);
          stopTalking.abort(`the agent never came to the bus: the guest reports it ${down}`);
        }
      }
      if (probe.ended && (!talking || talked || talkFailed)) break;
      if (exited) {
        stopped = `QEMU exited (code ${exited.code ?? 'signal'})${exited.stderr.trim() ? `: ${exited.stderr.trim().split('\n').slice(-2).join(' | ')}` : ''}`;
        break;
      }
      if (elapsed > o.timeoutSec + (talking ? 120 : 0)) {
        stopped = `no complete probe report within ${o.timeoutSec} s`;
        break;
      }
    }
  } finally {
    await stop();
  }
  // QEMU is gone, so the guest is unreachable: a conversation still going ends soon.
  if (talking) await talking;
  if (talkFailed) throw talkFailed;
  text = fs.readFileSync(consoleFile, 'utf8');
  const checks = bootChecks(expectation, {
    probe: parseProbe(text),
    console: text,
    injected,
    sshPort,
    timeoutSec: o.timeoutSec,
    accel: o.accel,
    busReachable: conversation !== undefined,
    ...(banner ? { sshBanner: banner } : {}),
    ...(stopped ? { stopped } : {}),
  });
  if (talked) {
    checks.push(...attachLogs(talked.checks, text));
    Object.assign(timings, talked.timings);
  }
  let consoleLog: string | undefined;
  if (checks.some((c) => c.status === 'fail')) consoleLog = keepConsole(consoleFile, o.consoleLogPath, o.log);
  return { checks, timings, ...(consoleLog ? { consoleLog } : {}) };
}

/** Why the probe says the agent is not running, or undefined when it runs without restarts. */
function agentDown(values: ReadonlyMap<string, string>): string | undefined {
  const active = values.get('agent-active') ?? '';
  const restarts = Number(/NRestarts=(\d+)/.exec(values.get('agent-state') ?? '')?.[1] ?? '0');
  if (active === 'active' && restarts === 0) return undefined;
  if (active === '') return undefined;
  return `${active}${restarts > 0 ? ` after ${restarts} restart(s)` : ''}`;
}
