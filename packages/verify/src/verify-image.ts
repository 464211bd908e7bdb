/**
 * `tib verify`: is this image a working Trove guest for this plan? Offline checks of its
 * files, then optionally a boot of a throw-away overlay. Everything verify creates (raw
 * copies, loop devices, mounts, overlays, QEMU) is gone when it returns or is interrupted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bootTest } from './boot/run-boot';
import { plannedBoots } from './controller/plan-boots';
import { chooseAccel, kvmUsability } from './boot/accel';
import type { KvmProbe } from './boot/accel';
import { inspectImage } from './inspect/inspect';
import { Scope, withScope } from './scope';
import type { CheckResult, VerifyOptions, VerifyReport } from './types';

/** The image or its options are unusable; the message is for the user (exit 2). */
export class VerifyInputError extends Error {}

export async function verifyImage(options: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  const image = path.resolve(options.image);
  const st = fs.statSync(image, { throwIfNoEntry: false });
  if (!st) throw new VerifyInputError(`no image at ${options.image}`);
  if (!st.isFile()) throw new VerifyInputError(`${options.image} is not a file`);
  const env = options.env ?? process.env;
  const kvm = kvmUsability(hostKvmProbe(), options.plan.target.arch);
  const scope = new Scope();
  const timings: Record<string, number> = {};
  const checks: CheckResult[] = [];
  let consoleLog: string | undefined;
  let accel: 'kvm' | 'tcg' | undefined;
  let controller: string | undefined;

  const inspector = await withScope(
    scope,
    async () => {
      const work = fs.mkdtempSync(path.join(options.workDir ?? os.tmpdir(), 'tib-verify-'));
      scope.defer(`remove ${work}`, () => fs.rmSync(work, { recursive: true, force: true }));

      const t0 = Date.now();
      const inspected = await inspectImage({
        image,
        plan: options.plan,
        secretValues: options.secretValues,
        work,
        env,
        log: options.log,
        ...(options.inspector ? { inspector: options.inspector } : {}),
        kvmUsable: kvm.usable,
      });
      checks.push(...inspected.checks);
      timings['inspect'] = seconds(Date.now() - t0);

      if (options.boot) {
        const t1 = Date.now();
        const chosen = chooseAccel(options.accel, kvm);
        accel = chosen.accel;
        options.log(`booting a throw-away overlay under QEMU (${chosen.why})`);
        const boots = await plannedBoots(options, work, scope, env);
        controller = boots.label;
        for (const conversation of boots.conversations) {
          const boot = await bootTest({
            image,
            plan: options.plan,
            work,
            scope,
            env,
            log: options.log,
            accel: chosen.accel,
            timeoutSec: options.bootTimeoutSec ?? (chosen.accel === 'kvm' ? 300 : 900),
            consoleLogPath: options.consoleLogPath ?? defaultConsoleLog(image),
            ...(conversation ? { conversation } : {}),
          });
          const suffix = conversation && boots.conversations.length > 1 ? `.${conversation.served.datastore}` : '';
          checks.push(
            ...boot.checks.map((c) =>
              suffix && c.phase === 'controller'
                ? { ...c, id: `${c.id}${suffix}`, title: `${conversation?.served.datastore}: ${c.title}` }
                : c,
            ),
          );
          if (boot.consoleLog) consoleLog = boot.consoleLog;
          for (const [k, v] of Object.entries(boot.timings)) timings[`boot${suffix}.${k}`] = v;
        }
        timings['boot'] = seconds(Date.now() - t1);
      }
      return inspected.inspector;
    },
    (failures) => failures.forEach((f) => options.log(`cleanup failed: ${f}`)),
  );

  timings['total'] = seconds(Date.now() - started);
  return {
    ok: checks.every((c) => c.status !== 'fail'),
    image,
    checks,
    inspector,
    ...(accel ? { accel } : {}),
    ...(controller ? { controller } : {}),
    ...(consoleLog ? { consoleLog } : {}),
    timings,
  };
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** <image without extension>.console.log beside the image. */
export function defaultConsoleLog(image: string): string {
  return path.join(path.dirname(image), `${path.basename(image).replace(/\.(qcow2|raw|img|vhd)$/, '')}.console.log`);
}

function hostKvmProbe(): KvmProbe {
  return {
    hostArch: process.arch,
    exists: (p) => fs.existsSync(p),
    readWrite: (p) => {
      try {
        fs.accessSync(p, fs.constants.R_OK | fs.constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
