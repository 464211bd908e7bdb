/** Reads the probe's `TIB-PROBE key=value` lines out of a serial console log. */
import { PROBE_PREFIX } from './probe-script';

export interface ProbeReport {
  readonly values: ReadonlyMap<string, string>;
  readonly begun: boolean;
  readonly ended: boolean;
}

const LINE = new RegExp(`${PROBE_PREFIX} ([A-Za-z0-9_.:-]+)=(.*)$`);

export function parseProbe(consoleText: string): ProbeReport {
  const values = new Map<string, string>();
  for (const raw of consoleText.split('\n')) {
    // The serial line adds \r; kernel messages may precede a probe line on the same row.
    const m = LINE.exec(raw.replace(/\r/g, ''));
    if (m?.[1] !== undefined) values.set(m[1], (m[2] ?? '').trim());
  }
  return { values, begun: values.has('begin'), ended: values.has('end') };
}

/** Whether the console showed a login prompt (getty on the serial line). */
export function sawLogin(consoleText: string): boolean {
  return /\blogin: *$/m.test(consoleText.replace(/\r/g, ''));
}

/** The last few non-empty console lines, for evidence when the guest never reported. */
export function consoleTail(consoleText: string, n = 3): string {
  return consoleText
    .replace(/\r/g, '')

    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(-n)
    .join(' | ');
}

/** A kernel panic or an emergency shell: the boot failed before userspace could report. */
export function bootFailure(consoleText: string): string | undefined {
  const patterns = [
    /Kernel panic - not syncing[^\r\n]*/,
    /You are in emergency mode[^\r\n]*/,
    /Give root password for maintenance[^\r\n]*/,
    /Failed to mount[^\r\n]*\/sysroot[^\r\n]*/,
    /ALERT! [^\r\n]* does not exist[^\r\n]*/,
  ];
  for (const p of patterns) {
    const m = p.exec(consoleText);
    if (m) return m[0].trim();
  }
  return undefined;
}
