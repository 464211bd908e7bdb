/**
 * The controller conversation on broken copies of a real container image: each breakage
 * leaves real instances in BUILD, and each must fail the conversation where it stops, with
 * the guest's evidence. Needs root, QEMU, RabbitMQ and Trove's controller code for the
 * image's agent (the host's python3-trove, or a chroot made by tib controller prepare);
 * the image comes from TIB_VERIFY_IMAGE / TIB_VERIFY_RECIPE, as in verify-image.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult, VerifyReport } from '../src';
import { available, imagesUnderTest, leftovers, planOf, REPO, runVerify, scratch, tamperedCopy } from './support/images';

const note = (line: string): void => void process.stderr.write(`[conversation-it] ${line}\n`);
const row = (r: VerifyReport, id: string): CheckResult | undefined => r.checks.find((c) => c.id === id);
const cacheDir = process.env['TIB_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'tib');
const enabled = process.env['TIB_VERIFY_CONVERSATION_TAMPER'] !== '0';

/** The agent's drop-in (package agents) or unit (venv agents) inside a mounted copy. */
function agentUnit(root: string, service: string): string {
  const dropIn = path.join(root, `etc/systemd/system/${service}.service.d/10-tib.conf`);
  return fs.existsSync(dropIn) ? dropIn : path.join(root, `etc/systemd/system/${service}.service`);
}

for (const target of imagesUnderTest()) {
  const plan = available(target) ? planOf(target.recipe) : undefined;
  if (!plan || plan.target.model !== 'container' || !enabled) {
    test.skip(`${path.basename(target.image)}: a container image, as root, with the conversation on`, () => undefined);
    continue;
  }
  const served = plan.controller.registration.versions[0];
  if (!served) throw new Error('the plan serves no datastore');
  const talk = (copy: string, dir: string): VerifyReport => {
    const report = runVerify({
      image: copy,
      plan,
      workDir: dir,
      boot: true,
      conversation: {
        choice: 'auto',
        helperDir: path.join(REPO, 'packages/verify/controller'),
        cacheDir,
        datastores: [served.datastore],
        // A broken agent shows itself at boot; the conversation stops then.
        agentWaitSec: 420,
      },
    });
    note(
      `${path.basename(copy)}: controller ${report.controller}; ${Object.entries(report.timings)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}`,
    );
    for (const c of report.checks.filter((x) => x.status === 'fail'))
      note(`  FAIL ${c.id}: ${c.evidence}${c.context ? `\n    | ${c.context.join('\n    | ')}` : ''}`);
    return report;
  };

  /**
   * Where the agent never comes to the bus, the datastore images are never used: dropping
   * them spares the boot a `docker load` under TCG (a minute or more) and changes nothing
   * the case asserts.
   */
  const dropDatastoreImages = (root: string): void => {
    const dir = path.join(root, 'var/lib/tib/images');
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true });
  };

  describe(`${path.basename(target.image)}: the conversation catches a broken image`, () => {
    const cases: [string, (root: string) => void, [string, RegExp][]][] = [
      [
        "the agent's --config-file names a file that does not exist: the agent never comes to the bus",
        (root) => {
          const unit = agentUnit(root, plan.agent.service);
          const text = fs.readFileSync(unit, 'utf8').replace(/--config-dir=/, '--config-file=/etc/trove/tib-missing.conf --config-dir=');
          fs.writeFileSync(unit, text);
          dropDatastoreImages(root);
        },
        [
          ['controller:bus', /never came to the bus/],
          ['boot:agent', /ConfigFilesNotFoundError|tib-missing\.conf|activating|failed/],
        ],
      ],
      [
        'the datastore image is missing: prepare never reaches healthy',
        (root) => {
          const dir = path.join(root, 'var/lib/tib/images');
          for (const f of fs.readdirSync(dir)) if (f.startsWith(`tib-${served.datastore}-`)) fs.rmSync(path.join(dir, f));
        },
        [['controller:healthy', /failed|error|timeout/]],
      ],
      [
        'the injected config is unreadable by the agent: it never comes to the bus',
        (root) => {
          // The config directory root-only, and the image no longer hands it to the agent.
          for (const d of ['etc/trove', 'etc/trove/conf.d']) {
            fs.chownSync(path.join(root, d), 0, 0);
            fs.chmodSync(path.join(root, d), 0o700);
          }
          const unit = agentUnit(root, plan.agent.service);
          fs.writeFileSync(unit, fs.readFileSync(unit, 'utf8').replace(/^ExecStartPre=.*\n/gm, ''));
          dropDatastoreImages(root);
        },
        [
          ['controller:bus', /never came to the bus/],
          // What the guest shows depends on when the probe looks: the unit between restarts
          // (activating, failed) or running again, with oslo.config's error for the file or
          // for the directory it could not read in the journal.
          ['boot:agent', /Permission|ConfigFiles|ConfigDir|activating|failed/],
        ],
      ],
    ];
    test.each(cases)('%s', async (_name, tamper, expected) => {
      const dir = scratch('talk');
      try {
        const copy = await tamperedCopy(target.image, dir, tamper);
        const report = talk(copy, dir);
        expect(report.ok).toBe(false);
        expect(report.controller).not.toMatch(/^not held/);
        for (const [id, evidence] of expected) {
          const r = row(report, id);
          expect(`${id}: ${r?.status}`).toBe(`${id}: fail`);
          expect(`${r?.evidence} ${(r?.context ?? []).join(' ')}`).toMatch(evidence);
        }
        // It got as far as the boot: the guest came up and cloud-init wrote Trove's files.
        expect(row(report, 'boot:start')?.status).toBe('pass');
        expect(leftovers(dir)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
