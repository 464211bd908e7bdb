import type { Expectation } from '@tib/core';
import { chooseAccel, kvmUsability } from '../src/boot/accel';
import type { KvmProbe } from '../src/boot/accel';
import { bootChecks } from '../src/boot/boot-checks';
import type { BootObservation } from '../src/boot/boot-checks';
import { configDriveLayout, multipart, troveFiles, UNREACHABLE_BUS } from '../src/boot/config-drive';
import type { InstanceIdentity } from '../src/boot/config-drive';
import { bootFailure, consoleTail, parseProbe, sawLogin } from '../src/boot/probe-parse';
import { BUS_UNREACHABLE, probeCloudConfig, probeScript } from '../src/boot/probe-script';
import { openstackMac, qemuArgs, qemuEscape } from '../src/boot/qemu-args';
import { chooseInspectors } from '../src/inspect/choose';
import { CONTAINER_RECIPE, NATIVE_RECIPE, planFor } from './support/plans';
import { load } from 'js-yaml';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;
const bootOf = (recipe: Record<string, unknown>): AgentBoot => {
  const e = planFor(recipe).expectations.find((x): x is AgentBoot => x.kind === 'agent-boot');
  if (!e) throw new Error('no agent-boot expectation');
  return e;
};
const zed = bootOf(CONTAINER_RECIPE);
const ussuri = bootOf(NATIVE_RECIPE);
const identity: InstanceIdentity = {
  uuid: '11111111-2222-3333-4444-555555555555',
  name: 'tib-verify-x',
  tenantId: 'ab'.repeat(16),
  rpcKey: 'cd'.repeat(16),
};

describe('KVM detection', () => {
  const probe = (files: string[], rw = true, hostArch = 'x64'): KvmProbe => ({
    exists: (p) => files.includes(p),
    readWrite: () => rw,
    hostArch,
  });
  test.each([
    [probe(['/dev/kvm']), 'amd64', true, '/dev/kvm is usable'],
    [probe([]), 'amd64', false, 'no /dev/kvm'],
    [probe(['/dev/kvm'], false), 'amd64', false, 'no permission to open /dev/kvm'],
    [probe(['/dev/kvm', '/sys/module/kvm_pvm']), 'amd64', false, '/dev/kvm is a nested PVM KVM (kvm_pvm), which cannot run a stock guest'],
    [probe(['/dev/kvm']), 'arm64', false, 'a arm64 image on a x64 host runs under emulation'],
  ])('case %#', (p, arch, usable, reason) => {
    expect(kvmUsability(p, arch)).toEqual({ usable, reason });
  });

  test.each([
    [undefined, true, 'kvm'],
    [undefined, false, 'tcg'],
    ['tcg', true, 'tcg'],
    ['kvm', false, 'kvm'],
  ] as const)('requested %s, usable %s -> %s', (requested, usable, accel) => {
    expect(chooseAccel(requested, { usable, reason: 'r' }).accel).toBe(accel);
  });
});

describe('choice of inspector', () => {
  test.each([
    [undefined, { isRoot: true, kvmUsable: false, haveGuestfish: true, haveLoopTools: true }, ['loop', 'libguestfs']],
    [undefined, { isRoot: true, kvmUsable: true, haveGuestfish: true, haveLoopTools: true }, ['libguestfs', 'loop']],
    [undefined, { isRoot: false, kvmUsable: false, haveGuestfish: true, haveLoopTools: true }, ['libguestfs']],
    [undefined, { isRoot: true, kvmUsable: false, haveGuestfish: false, haveLoopTools: true }, ['loop']],
    [undefined, { isRoot: false, kvmUsable: false, haveGuestfish: false, haveLoopTools: true }, []],
    ['libguestfs', { isRoot: true, kvmUsable: false, haveGuestfish: true, haveLoopTools: true }, ['libguestfs']],
  ] as const)('requested %s on %j', (requested, host, order) => {
    expect(chooseInspectors(requested, host).order).toEqual(order);
  });
});

describe('config drive', () => {
  test("Trove 18 (zed): files go in as write_files with the contract's owner, Nova files list stays empty", () => {
    const files = troveFiles(zed, identity);
    const layout = configDriveLayout(zed, identity, files, { runcmd: ['echo probe'] });
    expect([...layout.keys()].sort()).toEqual([
      'openstack/latest/meta_data.json',
      'openstack/latest/user_data',
      'openstack/latest/vendor_data.json',
    ]);
    const meta = JSON.parse(layout.get('openstack/latest/meta_data.json') ?? '{}') as { uuid: string; files: unknown[]; hostname: string };
    expect(meta).toMatchObject({ uuid: identity.uuid, files: [], hostname: 'tib-verify-x' });
    const userData = layout.get('openstack/latest/user_data') ?? '';
    const parts = userData.split('--==tib-verify-user-data==').slice(1, -1);
    expect(parts).toHaveLength(2);
    const trove = load((parts[0] ?? '').split('\n\n').slice(1).join('\n\n')) as {
      write_files: { path: string; owner: string; content: string }[];
    };
    expect(trove.write_files.map((f) => [f.path, f.owner])).toEqual([
      ['/etc/trove/conf.d/guest_info.conf', 'trove:trove'],
      ['/etc/trove/conf.d/trove-guestagent.conf', 'trove:trove'],
    ]);
    expect(trove.write_files[1]?.content).toContain(`transport_url = ${UNREACHABLE_BUS}`);
    expect(parts[1]).toContain('# tib verify test instrumentation (not sent by Trove)');
  });

  test("Trove 13 (ussuri): files go in through Nova's files list and openstack/content", () => {
    const files = troveFiles(ussuri, identity);
    const layout = configDriveLayout(ussuri, identity, files, { runcmd: ['echo probe'] });
    const meta = JSON.parse(layout.get('openstack/latest/meta_data.json') ?? '{}') as { files: { path: string; content_path: string }[] };
    expect(meta.files).toEqual([
      { path: '/etc/trove/conf.d/guest_info.conf', content_path: '/content/0000' },
      { path: '/etc/trove/conf.d/trove-guestagent.conf', content_path: '/content/0001' },
    ]);
    expect(layout.get('openstack/content/0000')).toContain(`guest_id = ${identity.uuid}`);
    expect(layout.get('openstack/content/0000')).toContain('datastore_manager = mariadb');
    expect(layout.get('openstack/latest/user_data')).not.toContain('write_files');
  });

  test('the injected files carry digests of their content', () => {
    const [info] = troveFiles(zed, identity);
    expect(info?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('multipart user-data is well formed', () => {
    const text = multipart([{ name: 'a.cfg', body: '#cloud-config\na: 1\n' }]);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Content-Type: multipart/mixed; boundary="==tib-verify-user-data=="',
      'MIME-Version: 1.0',
    ]);
    expect(text.trimEnd().endsWith('--==tib-verify-user-data==--')).toBe(true);
  });
});

describe('probe', () => {
  const script = probeScript({ boot: zed, injectedPaths: ['/etc/trove/conf.d/guest_info.conf'], settleSec: 240, agentWaitSec: 180 });
  test("reports on the first serial port and watches the plan's services and log", () => {
    expect(script).toContain('> /dev/ttyS0');
    expect(script).toContain('svc=trove-guestagent;');
    expect(script).toContain('log=/var/log/trove/trove-guestagent.log;');
    expect(script).toContain('kv docker-active "$(svc_active docker)"');
    expect(script).not.toContain('datastore-active');
    expect(script).toContain('/var/lib/dhcpcd/*.lease*');
    expect(script.trimEnd().split('\n').at(-1)).toMatch(/^kv end /);
  });
  test('native: checks the datastore instead of Docker', () => {
    const s = probeScript({ boot: ussuri, injectedPaths: [], settleSec: 10, agentWaitSec: 10 });
    expect(s).toContain('kv datastore-active "$(svc_active mariadb)"');
    expect(s).not.toContain('docker-active');
  });
  test('is launched detached so cloud-init can finish the boot', () => {
    const cfg = probeCloudConfig(script);
    expect(cfg.runcmd).toHaveLength(1);
    expect(cfg.runcmd[0]).toContain('systemd-run --unit=tib-verify-probe --no-block');
    expect(cfg.runcmd[0]).toContain("<<'TIB_PROBE_EOF'");
  });
  test.each([
    ['2024 ERROR oslo.messaging._drivers.impl_rabbit [-] Connection failed: [Errno 111] ECONNREFUSED (retrying in 2.0 seconds)'],
    ['ERROR trove-guestagent cannot connect to the message bus at 127.0.0.1:5672: [Errno 111] Connection refused; retrying'],
    ['AMQP server on 127.0.0.1:5672 is unreachable: timed out'],
  ])('recognises the bus failure in %j', (line) => {
    expect(new RegExp(BUS_UNREACHABLE).test(line)).toBe(true);
  });
});

describe('parseProbe', () => {
  test('reads key=value lines, ignoring \\r and console noise before them', () => {
    const text =
      '[  1.0] kernel\r\nTIB-PROBE begin=61\r\n[ 70.1] random: crng init done TIB-PROBE system=running\r\nTIB-PROBE ipv4=eth0 10.0.2.15/24 \r\nnot a probe line=1\nTIB-PROBE end=99\r\n';
    const p = parseProbe(text);
    expect([...p.values]).toEqual([
      ['begin', '61'],
      ['system', 'running'],
      ['ipv4', 'eth0 10.0.2.15/24'],
      ['end', '99'],
    ]);
    expect(p.begun && p.ended).toBe(true);
  });
  test('login prompt, tail and boot failures', () => {
    expect(sawLogin('Debian GNU/Linux 12 tib ttyS0\r\n\r\ntib login: ')).toBe(true);
    expect(sawLogin('login: incorrect\nmore')).toBe(false);
    expect(consoleTail('a\n\n\u001b[0;32mb\u001b[0m\nc\n', 2)).toBe('b | c');
    expect(bootFailure('x\n[  3.2] Kernel panic - not syncing: VFS: Unable to mount root fs\n')).toBe(
      'Kernel panic - not syncing: VFS: Unable to mount root fs',
    );
    expect(bootFailure('all fine')).toBeUndefined();
  });
});

describe('boot checks', () => {
  const injected = troveFiles(zed, identity);
  const good: Record<string, string> = {
    begin: '61',
    system: 'running',
    'multi-user': 'active',
    'failed-units': '',
    ipv4: 'eth0 10.0.2.15/24',
    route: 'default via 10.0.2.2 dev eth0',
    'dhcp-lease': ' /var/lib/dhcp/dhclient.eth0.leases',
    'dhcp-client': '/usr/sbin/dhclient',
    'cloud-init': 'status: done',
    datasource: 'openstack',
    'injected-0': `trove:trove 644 ${injected[0]?.sha256}`,
    'injected-1': `trove:trove 644 ${injected[1]?.sha256}`,
    'agent-active': 'active',
    'agent-state': 'ActiveState=active SubState=running NRestarts=0 ExecMainStatus=0',
    'agent-bus': 'ERROR oslo.messaging._drivers.impl_rabbit Connection failed: [Errno 111] ECONNREFUSED (retrying in 2.0 seconds)',
    'docker-active': 'active',
    end: '140',
  };
  const observe = (values: Record<string, string | undefined>, extra: Partial<BootObservation> = {}): BootObservation => {
    const map = new Map(Object.entries({ ...good, ...values }).filter((kv): kv is [string, string] => kv[1] !== undefined));
    return {
      probe: { values: map, begun: map.has('begin'), ended: map.has('end') },
      console: 'tib login: \n',
      injected,
      sshPort: 40022,
      timeoutSec: 900,
      accel: 'tcg',
      sshBanner: 'SSH-2.0-OpenSSH_9.2p1',
      ...extra,
    };
  };
  const status = (o: BootObservation) => Object.fromEntries(bootChecks(zed, o).map((c) => [c.id, c.status]));

  test('a healthy container guest passes every boot check', () => {
    const rows = bootChecks(zed, observe({}));
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['boot:start', 'pass'],
      ['boot:multi-user', 'pass'],
      ['boot:network', 'pass'],
      ['boot:cloud-init', 'pass'],
      ['boot:injection', 'pass'],
      ['boot:agent', 'pass'],
      ['boot:docker', 'pass'],
    ]);
    expect(rows.find((r) => r.id === 'boot:network')?.evidence).toContain('ssh via 127.0.0.1:40022: SSH-2.0-OpenSSH_9.2p1');
    expect(rows.every((r) => r.phase === 'boot')).toBe(true);
  });

  test.each([
    [
      'no DHCP client',
      { nics: 'eth0', ipv4: '', 'dhcp-lease': '', 'dhcp-client': 'none' },
      'boot:network',
      /no IPv4 address on any NIC \(eth0\); DHCP client: none/,
    ],
    [
      'an address without a lease file names the DHCP client',
      {
        'dhcp-lease': '',
        'dhcp-client': '/usr/sbin/dhcpcd',
        route: '',
        routes: '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15;',
        'net-journal': 'dhcpcd: eth0: soliciting a DHCP lease',
      },
      'boot:network',
      /routes: 10\.0\.2\.0\/24 dev eth0 .*; no DHCP lease file \(DHCP client: \/usr\/sbin\/dhcpcd\); .*network log: dhcpcd: eth0: soliciting/,
    ],
    [
      'agent disabled',
      { 'agent-active': 'inactive', 'agent-state': 'ActiveState=inactive SubState=dead NRestarts=0', 'agent-bus': '' },
      'boot:agent',
      /^inactive/,
    ],
    [
      'agent crash loop',
      {
        'agent-active': 'activating',
        'agent-state': 'ActiveState=activating SubState=auto-restart NRestarts=7',
        'agent-bus': '',
        'agent-error': 'ConfigFilesPermissionDeniedError: Failed to open some config files',
      },
      'boot:agent',
      /after 7 restart\(s\); log: ConfigFilesPermissionDeniedError/,
    ],
    ['Docker stopped', { 'docker-active': 'inactive' }, 'boot:docker', /docker: inactive/],
    [
      'injected file changed',
      { 'injected-1': 'root:root 660 0000' },
      'boot:injection',
      /trove-guestagent.conf root:root 660 \(content differs\)/,
    ],
    ['cloud-init error', { 'cloud-init': 'status: error' }, 'boot:cloud-init', /status: error/],
  ])('%s fails %s', (_name, values, id, evidence) => {
    const rows = bootChecks(zed, observe(values));
    const row = rows.find((r) => r.id === id);
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(evidence);
    expect(rows.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([id]);
  });

  test('an agent restarting because the bus is unreachable passes, saying so', () => {
    const rows = bootChecks(
      zed,
      observe({ 'agent-active': 'activating', 'agent-state': 'ActiveState=activating SubState=auto-restart NRestarts=2' }),
    );
    expect(rows.find((r) => r.id === 'boot:agent')).toMatchObject({
      status: 'pass',
      evidence: expect.stringMatching(/after 2 restart\(s\), because the bus is unreachable/),
    });
  });

  test('no probe at all: boot:start fails with the console tail, the rest is skipped', () => {
    const o: BootObservation = {
      probe: { values: new Map(), begun: false, ended: false },
      console: 'Booting\n[ 2.0] Kernel panic - not syncing: VFS\n',
      injected,
      sshPort: 1,
      timeoutSec: 900,
      accel: 'tcg',
      stopped: 'QEMU exited (code 0)',
    };
    const rows = bootChecks(zed, o);
    expect(rows[0]).toMatchObject({
      id: 'boot:start',
      status: 'fail',
      evidence: expect.stringContaining('Kernel panic - not syncing: VFS'),
    });
    expect(rows.slice(1).every((r) => r.status === 'skip')).toBe(true);
  });

  test('a probe cut short fails what it did not report', () => {
    const s = status(observe({ end: undefined, 'agent-active': undefined, 'docker-active': undefined }));
    expect(s).toMatchObject({ 'boot:start': 'fail', 'boot:network': 'pass', 'boot:agent': 'fail', 'boot:docker': 'fail' });
  });

  test('native: the datastore must be installed and stopped', () => {
    const o = observe({ 'datastore-active': 'inactive', 'datastore-version': '1:10.11.6-0+deb12u1' });
    const nativeRows = bootChecks(ussuri, {
      ...o,
      injected: troveFiles(ussuri, identity),
      probe: { ...o.probe, values: new Map([...o.probe.values].filter(([k]) => !k.startsWith('injected'))) },
    });
    expect(nativeRows.find((r) => r.id === 'boot:datastore')).toMatchObject({
      status: 'pass',
      evidence: 'mariadb: inactive; mariadb-server 1:10.11.6-0+deb12u1',
    });
    expect(nativeRows.some((r) => r.id === 'boot:docker')).toBe(false);
    const running = bootChecks(ussuri, observe({ 'datastore-active': 'active', 'datastore-version': '1:10.11.6' }));
    expect(running.find((r) => r.id === 'boot:datastore')?.status).toBe('fail');
  });
});

describe('qemu command line', () => {
  const args = qemuArgs({
    accel: 'tcg',
    overlay: '/w/o,v.qcow2',
    volume: '/w/vol.qcow2',
    configDrive: '/w/cd.iso',
    consoleLog: '/w/console.log',
    sshPort: 40022,
    memoryMiB: 2048,
    cpus: 2,
    mac: 'fa:16:3e:00:00:01',
  });
  test('restricted user networking with a loopback-only forward', () => {
    expect(args).toContain('user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:40022-:22');
  });
  test('TCG with multi-threading and the max CPU; KVM with the host CPU', () => {
    expect(args.slice(args.indexOf('-accel'), args.indexOf('-accel') + 4)).toEqual(['-accel', 'tcg,thread=multi', '-cpu', 'max']);
    const kvm = qemuArgs({
      accel: 'kvm',
      overlay: 'o',
      volume: 'v',
      configDrive: 'c',
      consoleLog: 'l',
      sshPort: 1,
      memoryMiB: 1,
      cpus: 1,
      mac: 'm',
    });
    expect(kvm.slice(kvm.indexOf('-accel'), kvm.indexOf('-accel') + 4)).toEqual(['-accel', 'kvm', '-cpu', 'host']);
  });
  test('disks: overlay and volume on virtio, config drive read-only cdrom, commas escaped', () => {
    expect(args).toContain('file=/w/o,,v.qcow2,if=virtio,format=qcow2,cache=unsafe');
    expect(args).toContain('file=/w/cd.iso,if=ide,media=cdrom,readonly=on,format=raw');
    expect(args).toContain('-no-reboot');
    expect(args).toContain('file:/w/console.log');
  });
  test.each([
    ['a,b', 'a,,b'],
    ['plain', 'plain'],
  ])('qemuEscape(%s)', (a, b) => {
    expect(qemuEscape(a)).toBe(b);
  });
  test("MACs are in OpenStack's range", () => {
    expect(openstackMac(Buffer.from([0, 0xab, 0x0f]))).toBe('fa:16:3e:00:ab:0f');
  });
});
