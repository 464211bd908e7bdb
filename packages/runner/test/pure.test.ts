import { clock, compareVersions, findChecksum, ProgressTracker, Redactor, statusLine } from '../src';

describe('findChecksum', () => {
  const sha = 'a'.repeat(64);
  it.each([
    ['GNU text', `${sha}  focal-server-cloudimg-amd64.squashfs\n`, 'focal-server-cloudimg-amd64.squashfs', sha],
    ['GNU binary marker', `${sha} *focal-server-cloudimg-amd64.squashfs`, 'focal-server-cloudimg-amd64.squashfs', sha],
    [
      'BSD',
      `# comment\nSHA256 (CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2) = ${'B'.repeat(64)}`,
      'CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2',
      'b'.repeat(64),
    ],
    ['other files only', `${sha}  other.img`, 'wanted.img', undefined],
    ['prefix is not a match', `${sha}  wanted.img.sig`, 'wanted.img', undefined],
  ])('%s', (_label, list, file, expected) => {
    expect(findChecksum(list, file)).toBe(expected);
  });
});

describe('compareVersions', () => {
  it.each([
    ['3.13.0', '3.13.0', 0],
    ['3.13.0', '3.36.0', -1],
    ['3.36.0', '3.13.0', 1],
    ['3.9.1', '3.13.0', -1],
    ['3.13', '3.13.0', 0],
    ['4.0.0.dev3', '3.40.0', 1],
  ])('%s vs %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('ProgressTracker', () => {
  const lines = [
    '2026-11-25 22:07:06.775 | Running hooks from /tmp/dib_build.gTakrDZR/hooks/root.d',
    '2026-11-25 22:07:06.997 | dib-run-parts Running /tmp/dib_build.gTakrDZR/hooks/root.d/08-debootstrap',
    '2026-11-25 22:08:04.476 | dib-run-parts 08-debootstrap completed',
    '2026-11-25 22:08:45.677 | dib-run-parts Running /tmp/in_target.d/pre-install.d/00-disable-apt-recommends',
    '2026-11-25 22:09:06.117 | dib-run-parts Running /tmp/in_target.d/install.d/20-tib-guest-packages',
    'some apt output | not a marker',
    '2026-11-25 22:15:40.338 | Calculating image size (this may take a minute)...',
    '2026-11-25 22:16:40.338 | Converting image using qemu-img convert',
  ];

  it('follows phases and scripts, and times each phase', () => {
    const t = new ProgressTracker(0);
    const events = lines.map((l, i) => t.feed(l, (i + 1) * 1000)).filter((e) => e !== undefined);
    expect(
      events.map((e) => (e?.kind === 'phase' ? `phase ${e.phase}` : `script ${e?.phase}/${e?.kind === 'script' ? e.script : ''}`)),
    ).toEqual([
      'phase root.d',
      'script root.d/08-debootstrap',
      'phase pre-install.d',
      'phase install.d',
      'phase block-device',
      'phase convert',
    ]);
    expect(t.script).toBeUndefined();
    t.finish(10000);
    expect(Object.fromEntries(t.phaseSeconds)).toEqual({ 'root.d': 3, 'pre-install.d': 1, 'install.d': 2, 'block-device': 1, convert: 2 });
  });

  it('renders a status line with an estimate from the last build', () => {
    const t = new ProgressTracker(0);
    t.feed('dib-run-parts Running /tmp/in_target.d/install.d/30-tib-agent-package', 5000);
    expect(statusLine(t, 65000, 190)).toBe('[1:05 / ~3:10 last time] install.d 30-tib-agent-package');
    expect(clock(59.6)).toBe('1:00');
  });
});

describe('Redactor', () => {
  it('hides every occurrence, longest first, and ignores values too short to matter', () => {
    const r = new Redactor(['hunter2hunter2', 'hunter2', 'abc']);
    expect(r.redact('pw=hunter2hunter2 and hunter2, abc')).toBe('pw=*** and ***, abc');
  });
});
