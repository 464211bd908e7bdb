/** The verify table for people: one row per check, grouped by phase, evidence beside it. */
import type { VerifyReport } from './types';

export interface FormatOptions {
  readonly color: boolean;
}

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'skip' } as const;
const COLOR = { pass: '\u001b[32m', fail: '\u001b[31m', skip: '\u001b[2m' } as const;
const RESET = '\u001b[0m';

export function formatReport(report: VerifyReport, options: FormatOptions): string {
  const out: string[] = [];
  // Long titles (paths) get their own line, with the evidence below, so the table stays aligned.
  const titleWidth = Math.min(56, Math.max(...report.checks.map((c) => c.title.length), 10));
  const headings = {
    offline: `Offline checks (${report.inspector ?? 'image'})`,
    boot: `Boot test (${report.accel ?? 'qemu'})`,
    controller: `Controller conversation${report.controller ? ` (${report.controller})` : ''}`,
  } as const;
  for (const phase of ['offline', 'boot', 'controller'] as const) {
    const rows = report.checks.filter((c) => c.phase === phase);
    if (rows.length === 0) continue;
    out.push(headings[phase]);
    for (const c of rows) {
      const mark = options.color ? `${COLOR[c.status]}${MARK[c.status]}${RESET}` : MARK[c.status];
      if (c.title.length > titleWidth) out.push(`  ${mark}  ${c.title}`, `        ${' '.repeat(titleWidth)}  ${c.evidence}`);
      else out.push(`  ${mark}  ${c.title.padEnd(titleWidth)}  ${c.evidence}`);
      for (const line of c.context ?? []) out.push(`        | ${line}`);
    }
    out.push('');
  }
  const count = (s: 'pass' | 'fail' | 'skip'): number => report.checks.filter((c) => c.status === s).length;
  const t = report.timings;
  const times = ['inspect', 'boot', 'conversation', 'total']
    .filter((k) => t[k] !== undefined)
    .map((k) => `${k} ${t[k]} s`)
    .join(', ');
  out.push(
    `${report.ok ? 'verified' : 'NOT verified'}: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped (${times})`,
  );
  if (report.consoleLog) out.push(`boot console log: ${report.consoleLog}`);
  return `${out.join('\n')}\n`;
}
