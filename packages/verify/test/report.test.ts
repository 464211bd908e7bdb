import { formatReport } from '../src/report';
import type { VerifyReport } from '../src/types';

const report: VerifyReport = {
  ok: false,
  image: '/images/x.qcow2',
  inspector: 'loop',
  accel: 'tcg',
  consoleLog: '/images/x.console.log',
  timings: { inspect: 11.5, boot: 150.2, total: 161.7 },
  checks: [
    { id: 'os-release', phase: 'offline', title: 'OS is debian 12 (bookworm)', status: 'pass', evidence: 'ID=debian VERSION_ID=12' },
    {
      id: 'path:/etc/systemd/system/trove-guestagent.service.d/10-tib.conf',
      phase: 'offline',
      title: '/etc/systemd/system/trove-guestagent.service.d/10-tib.conf (file, root:root, 0644)',
      status: 'pass',
      evidence: 'file 0644 root:root',
    },
    {
      id: 'secrets:files',
      phase: 'offline',
      title: 'no secret value in any file',
      status: 'skip',
      evidence: 'no secret value to look for',
    },
    { id: 'boot:agent', phase: 'boot', title: 'trove-guestagent running', status: 'fail', evidence: 'inactive' },
  ],
};

test('plain text: phases, marks, evidence, a summary and where the console log is', () => {
  const text = formatReport(report, { color: false });
  expect(text).toBe(
    [
      'Offline checks (loop)',
      '  PASS  OS is debian 12 (bookworm)                                ID=debian VERSION_ID=12',
      '  PASS  /etc/systemd/system/trove-guestagent.service.d/10-tib.conf (file, root:root, 0644)',
      `        ${' '.repeat(56)}  file 0644 root:root`,
      '  skip  no secret value in any file                               no secret value to look for',
      '',
      'Boot test (tcg)',
      '  FAIL  trove-guestagent running                                  inactive',
      '',
      'NOT verified: 2 passed, 1 failed, 1 skipped (inspect 11.5 s, boot 150.2 s, total 161.7 s)',
      'boot console log: /images/x.console.log',
      '',
    ].join('\n'),
  );
});

test('colour only when asked', () => {
  expect(formatReport(report, { color: true })).toContain('\u001b[31mFAIL\u001b[0m');
  expect(formatReport(report, { color: false })).not.toContain('\u001b[');
});
