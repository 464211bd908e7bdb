/**
 * The boot test's side effects: an overlay on the image (the image itself is only read),
 * a blank volume, the config drive ISO, QEMU with the console on a file, polling that
 * file for the probe's report, an ssh banner read through the loopback forward, and
 * always: QEMU killed and every file removed.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expectation, Plan } from '@tib/core';
import { haveTool, loadExeca, MissingToolError, runTool, ToolError } from '../exec';
import type { Scope } from '../scope';
import type { CheckResult } from '../types';
import { imageInfo } from '../inspect/loop';
import { bootChecks } from './boot-checks';
import { configDriveLayout, newIdentity, troveFiles } from './config-drive';
import { parseProbe, sawLogin } from './probe-parse';
import { probeCloudConfig, probeScript } from './probe-script';
import { freeLoopbackPort, sshBanner } from './ports';
import { openstackMac, qemuArgs } from './qemu-args';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;

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
}

export interface BootOutcome {
  readonly checks: CheckResult[];
  readonly consoleLog?: string;
  readonly timings: Record<string, number>;
}

const MIN = 60_000;

export async function bootTest(o: BootOptions): Promise<BootOutcome> {
  const expectation = o.plan.expectations.find((e): e is AgentBoot => e.kind === 'agent-boot');
  if (!expectation) throw new ToolError('the plan has no boot expectation (agent-boot); recompile it with this tib');
  if (!(await haveTool('qemu-system-x86_64', o.env)) && o.plan.target.arch === 'amd64')
    throw new MissingToolError('qemu-system-x86_64 is not installed (apt install qemu-system-x86)');
  if (o.plan.target.arch !== 'amd64') throw new ToolError(`the boot test supports amd64 images (this one is ${o.plan.target.arch})`);

  const dir = path.join(o.work, 'boot');
  fs.mkdirSync(dir, { recursive: true });
  o.scope.defer('remove the boot test files', () => fs.rmSync(dir, { recursive: true, force: true }));

  // Disks: an overlay whose backing file (the image) QEMU opens read-only, and a volume.
  const { format } = await imageInfo(o.image, o.env);
  const overlay = path.join(dir, 'overlay.qcow2');
  const volume = path.join(dir, 'volume.qcow2');
  await runTool('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', format, '-b', o.image, overlay], { timeoutMs: MIN, env: o.env });
  await runTool('qemu-img', ['create', '-q', '-f', 'qcow2', volume, '4G'], { timeoutMs: MIN, env: o.env });

  // The config drive.
  const identity = newIdentity(o.plan.image.name);
  const injected = troveFiles(expectation, identity);
  const script = probeScript({ boot: expectation, injectedPaths: injected.map((f) => f.path), settleSec: 240, agentWaitSec: 180 });
  const layout = configDriveLayout(expectation, identity, injected, probeCloudConfig(script));
  const tree = path.join(dir, 'config-drive');
  for (const [rel, content] of layout) {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), content);
  }
  const iso = path.join(dir, 'config-drive.iso');
  await makeIso(tree, iso, o.env);

  const consoleFile = path.join(dir, 'console.log');
  fs.writeFileSync(consoleFile, '');
  const sshPort = await freeLoopbackPort();
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
  });

  const { execa } = await loadExeca();
  const started = Date.now();
  o.log(
    `QEMU: ${o.accel}, ssh forward 127.0.0.1:${sshPort}, limit ${o.timeoutSec} s; injecting ${injected.map((f) => path.basename(f.path)).join(', ')} by ${expectation.injection}`,
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

  const timings: Record<string, number> = {};
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
      if (probe.ended) {
        timings['probe'] = Math.round(elapsed);
        o.log(`probe report complete after ${Math.round(elapsed)} s`);
        // The forward only answers if the guest's network and sshd are up.
        banner = await sshBanner(sshPort, 10_000);
        break;
      }
      if (exited) {
        stopped = `QEMU exited (code ${exited.code ?? 'signal'})${exited.stderr.trim() ? `: ${exited.stderr.trim().split('\n').slice(-2).join(' | ')}` : ''}`;
        break;
      }
      if (elapsed > o.timeoutSec) {
        stopped = `no complete probe report within ${o.timeoutSec} s`;
        break;
      }
    }
  } finally {
    await stop();
  }
  text = fs.readFileSync(consoleFile, 'utf8');
  const checks = bootChecks(expectation, {
    probe: parseProbe(text),
    console: text,
    injected,
    sshPort,
    timeoutSec: o.timeoutSec,
    accel: o.accel,
    ...(banner ? { sshBanner: banner } : {}),
    ...(stopped ? { stopped } : {}),
  });
  let consoleLog: string | undefined;
  if (checks.some((c) => c.status === 'fail')) consoleLog = keepConsole(consoleFile, o.consoleLogPath, o.log);
  return { checks, timings, ...(consoleLog ? { consoleLog } : {}) };
}

/** Nova's config drive: ISO 9660 with Rock Ridge and Joliet, volume label config-2. */
async function makeIso(tree: string, iso: string, env: NodeJS.ProcessEnv): Promise<void> {
  for (const tool of ['genisoimage', 'mkisofs', 'xorrisofs']) {
    if (await haveTool(tool, env)) {
      await runTool(tool, ['-quiet', '-o', iso, '-V', 'config-2', '-r', '-J', tree], { timeoutMs: MIN, env });
      return;
    }
  }
  throw new MissingToolError('no ISO tool to write the config drive (apt install genisoimage)');
}

function keepConsole(from: string, to: string, log: (l: string) => void): string | undefined {
  try {
    fs.copyFileSync(from, to);
    log(`the boot failed: console log saved as ${to}`);
    return to;
  } catch (err) {
    log(`could not save the console log as ${to}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
