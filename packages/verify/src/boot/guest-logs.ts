/**
 * The agent's log and the database container's output, streamed by the probe to the
 * serial console as TIB-LOG lines: attached to a failing conversation row, so the report
 * shows where the guest side stopped.
 */
import type { CheckResult } from '../types';
import { LOG_PREFIX } from './probe-script';

const LINE = new RegExp(`${LOG_PREFIX} (agent|db) (.*)$`);

export function guestLogLines(consoleText: string): { source: 'agent' | 'db'; text: string }[] {
  const out: { source: 'agent' | 'db'; text: string }[] = [];
  for (const raw of consoleText.split('\n')) {
    const m = LINE.exec(raw.replace(/\r/g, ''));
    if (m?.[1] === 'agent' || m?.[1] === 'db') out.push({ source: m[1], text: (m[2] ?? '').trim() });
  }
  return out;
}

/** The log lines that explain a failure: the agent's warnings and errors, and the last lines of both logs. */
export function failureContext(consoleText: string, max = 14): string[] {
  const lines = guestLogLines(consoleText);
  const serious = lines.filter((l) => l.source === 'agent' && /\b(ERROR|CRITICAL|WARNING|Traceback)\b/.test(l.text)).slice(-6);
  const recentAgent = lines.filter((l) => l.source === 'agent').slice(-4);
  const recentDb = lines.filter((l) => l.source === 'db').slice(-4);
  const picked = [...new Set([...serious, ...recentAgent, ...recentDb])];
  return picked.slice(-max).map((l) => `${l.source}: ${l.text}`);
}

/** Gives the first failing conversation row the guest's side of the story. */
export function attachLogs(checks: readonly CheckResult[], consoleText: string): CheckResult[] {
  const first = checks.findIndex((c) => c.status === 'fail');
  if (first < 0) return [...checks];
  const context = failureContext(consoleText);
  if (context.length === 0) return [...checks];
  return checks.map((c, i) => (i === first ? { ...c, context } : c));
}
