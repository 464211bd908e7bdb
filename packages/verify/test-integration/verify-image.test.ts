/**
 * verify on real images (root, loop devices, QEMU): a built image passes; tampered
 * copies fail, each by the check meant to catch it, with evidence. The image is named by
 * TIB_VERIFY_IMAGE / TIB_VERIFY_RECIPE (scripts/ci/verify-image.sh), else the default
 * Debian build outputs are used when present. TIB_VERIFY_BOOT=0 skips the boot of a
 * tampered copy; TIB_VERIFY_LIBGUESTFS=1 adds the (slow without KVM) libguestfs
 * inspection; TIB_VERIFY_REQUIRE=1 turns a missing image into a failure.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult, Inspector, VerifyReport } from '../src';
import type { Plan } from '@tib/core';
import { available, imagesUnderTest, inChroot, leftovers, planOf, runVerify, scratch, tamperedCopy } from './support/images';
import type { ImageUnderTest } from './support/images';

const CANARY_FILE = 'tib-canary-3f9d2a71c5e8';
const CANARY_DELETED = 'tib-canary-deleted-b4e61d07';

function note(line: string): void {
  process.stderr.write(`[verify-it] ${line}\n`);
}

function verify(
  image: string,
  plan: Plan,
  work: string,
  extra: { boot?: boolean; secretValues?: string[]; inspector?: Inspector } = {},
): VerifyReport {
  const report = runVerify({ image, plan, workDir: work, ...extra });
  note(
    `${path.basename(image)} (${report.inspector}${report.accel ? `, boot ${report.accel}` : ''}): ${report.ok ? 'ok' : 'NOT ok'}; ${Object.entries(
      report.timings,
    )
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}`,
  );
  return report;
}

const failing = (r: VerifyReport): CheckResult[] => r.checks.filter((c) => c.status === 'fail');
const row = (r: VerifyReport, id: string): CheckResult | undefined => r.checks.find((c) => c.id === id);
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const wants = (root: string, unit: string): string => path.join(root, 'etc/systemd/system/multi-user.target.wants', unit);

type Tamper = (root: string) => Promise<void> | void;
/** name, tampering, canaries to pass, rows that must fail (with evidence), other rows that may fail with them. */
type Case = readonly [
  name: string,
  tamper: Tamper,
  secretValues: string[],
  expected: readonly (readonly [string, RegExp])[],
  mayAlsoFail?: readonly string[],
];

/** The tamperings that apply to a plan, each with the check rows that must catch it. */
function casesFor(plan: Plan): Case[] {
  const agent = plan.agent.service;
  const cases: Case[] = [
    [
      'agent unit disabled',
      (root) => fs.rmSync(wants(root, `${agent}.service`)),
      [],
      [[`service:${agent}`, /not enabled \(no link in any \*\.wants or runlevel directory\)/]],
    ],
    [
      'canary secret planted in a file, another in a deleted file',
      (root) => {
        fs.mkdirSync(path.join(root, 'var/lib/tib-test'), { recursive: true });
        fs.writeFileSync(path.join(root, 'var/lib/tib-test/leak.conf'), `password = ${CANARY_FILE}\n`);
        // Flushed before the delete, as a build step that wrote and later removed it would be
        // (ext4's delayed allocation never writes a file that dies in the page cache).
        const fd = fs.openSync(path.join(root, 'var/lib/tib-test/gone.conf'), 'w');
        fs.writeSync(fd, `password = ${CANARY_DELETED}\n`);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.rmSync(path.join(root, 'var/lib/tib-test/gone.conf'));
      },
      [CANARY_FILE, CANARY_DELETED],
      [
        ['secrets:files', /found in 1 file\(s\): \/var\/lib\/tib-test\/leak\.conf$/],
        ['secrets:disk', /found at byte offset \d+, \d+ of the/],
      ],
    ],
    [
      'DHCP client removed (dpkg --remove)',
      (root) => inChroot(root, ['dpkg', '--remove', '--force-depends', 'isc-dhcp-client']),
      [],
      [
        ['package:isc-dhcp-client', /isc-dhcp-client .*: deinstall ok config-files/],
        ['path:/sbin/dhclient', /missing/],
      ],
    ],
  ];
  if (plan.target.model === 'container') {
    cases.push([
      'Docker engine disabled',
      (root) => {
        fs.rmSync(wants(root, 'docker.service'));
        fs.rmSync(path.join(root, 'etc/systemd/system/sockets.target.wants/docker.socket'), { force: true });
      },
      [],
      [['service:docker', /docker\.service; not enabled/]],
    ]);
  } else {
    const ds = plan.expectations.find((e) => e.kind === 'agent-boot' && e.datastoreService !== undefined);
    const service = ds?.kind === 'agent-boot' ? (ds.datastoreService ?? plan.datastore.type) : plan.datastore.type;
    // The other names the agent looks the service up by: enabled with it when they are aliases.
    const aliases = plan.expectations.flatMap((e) =>
      e.kind === 'service' && !e.enabled && e.name !== service ? [`service:${e.name}`] : [],
    );
    cases.push([
      'datastore autostart enabled',
      (root) => fs.symlinkSync(`/lib/systemd/system/${service}.service`, wants(root, `${service}.service`)),
      [],
      [[`service:${service}`, new RegExp(`enabled by /etc/systemd/system/multi-user\\.target\\.wants/${service}\\.service`)]],
      aliases,
    ]);
  }
  return cases;
}

for (const target of imagesUnderTest()) describeImage(target);

function describeImage(target: ImageUnderTest): void {
  if (!available(target)) {
    test.skip(`${path.basename(target.image)}: not built here, or not running as root`, () => undefined);
    return;
  }
  // Compiling is pure and fast: the cases below depend on the plan (model, service names).
  const plan = planOf(target.recipe);
  describe(`${path.basename(target.image)} (${plan.target.model} model)`, () => {
    let work: string;
    let digest: string;
    beforeAll(() => {
      work = scratch('pristine');
      digest = sha256(target.image);
    });
    afterAll(async () => {
      expect(leftovers(work)).toEqual([]);
      fs.rmSync(work, { recursive: true, force: true });
      // verify only ever reads the image.
      expect(sha256(target.image)).toBe(digest);
    });

    test('the built image passes every offline check (loop inspector)', async () => {
      const report = verify(target.image, plan, work);
      expect(failing(report).map((c) => `${c.id}: ${c.evidence}`)).toEqual([]);
      expect(report.inspector).toBe('loop');
      expect(row(report, 'os-release')?.status).toBe('pass');
    });

    (process.env['TIB_VERIFY_LIBGUESTFS'] === '1' ? test : test.skip)('the libguestfs inspector reaches the same verdicts', async () => {
      const loop = verify(target.image, plan, work);
      const gfs = verify(target.image, plan, work, { inspector: 'libguestfs' });
      expect(gfs.inspector).toBe('libguestfs');
      const verdicts = (r: VerifyReport) => r.checks.filter((c) => c.id !== 'secrets:disk').map((c) => [c.id, c.status]);
      expect(verdicts(gfs)).toEqual(verdicts(loop));
    });

    test.each(casesFor(plan))('tampered copy: %s', async (caseName, tamper, secretValues, expected, mayAlsoFail = []) => {
      const dir = scratch('tamper');
      try {
        const copy = await tamperedCopy(target.image, dir, tamper);
        const report = verify(copy, plan, dir, { secretValues });
        expect(report.ok).toBe(false);
        for (const [id, evidence] of expected) {
          const r = row(report, id);
          note(`${caseName}: ${id} ${r?.status ?? 'missing'}: ${r?.evidence ?? ''}`);
          expect(r?.status).toBe('fail');
          expect(r?.evidence).toMatch(evidence);
        }
        // Caught by the right checks and by nothing else.
        const others = failing(report)
          .map((f) => f.id)
          .filter((id) => !expected.some(([e]) => e === id));
        for (const id of others) note(`${caseName}: also ${id}: ${row(report, id)?.evidence ?? ''}`);
        expect(others.filter((id) => !mayAlsoFail.includes(id))).toEqual([]);
        // No secret value is ever printed, only where it was found.
        expect(JSON.stringify(report)).not.toContain(CANARY_FILE);
        expect(JSON.stringify(report)).not.toContain(CANARY_DELETED);
        expect(leftovers(dir)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    (process.env['TIB_VERIFY_BOOT'] === '0' ? test.skip : test)(
      'boot of a copy without its agent unit and DHCP client: both caught in the guest, console log kept',
      async () => {
        const dir = scratch('boot');
        try {
          const copy = await tamperedCopy(target.image, dir, async (root) => {
            fs.rmSync(wants(root, `${plan.agent.service}.service`));
            inChroot(root, ['dpkg', '--remove', '--force-depends', 'isc-dhcp-client']);
          });
          const report = verify(copy, plan, dir, { boot: true });
          for (const id of ['boot:agent', 'boot:network', `service:${plan.agent.service}`, 'package:isc-dhcp-client']) {
            const r = row(report, id);
            note(`boot of the tampered copy: ${id} ${r?.status ?? 'missing'}: ${r?.evidence ?? ''}`);
            expect(r?.status).toBe('fail');
          }
          expect(row(report, 'boot:agent')?.evidence).toMatch(/^inactive/);
          expect(row(report, 'boot:network')?.evidence).toMatch(/no IPv4 address on any NIC/);
          // The boot itself went through: the probe reported and cloud-init injected the files.
          expect(row(report, 'boot:start')?.status).toBe('pass');
          expect(row(report, 'boot:injection')?.status).toBe('pass');
          expect(report.consoleLog).toBe(path.join(dir, 'tampered.console.log'));
          expect(fs.readFileSync(report.consoleLog ?? '', 'utf8')).toContain('TIB-PROBE end=');
          expect(leftovers(dir)).toEqual([]);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

(process.env['TIB_VERIFY_REQUIRE'] === '1' ? test : test.skip)('the images CI asked for are here and this runs as root', () => {
  expect(
    imagesUnderTest()
      .filter((i) => !available(i))
      .map((i) => i.image),
  ).toEqual([]);
});
