/**
 * Whether an installed package version satisfies what the plan expects: the same
 * version, or one that continues it at a component boundary (1:18.0.0 matches
 * 1:18.0.0-2; 10.11 matches 1:10.11.6-0+deb12u1 when only the upstream part counts).
 */
export function versionSatisfies(found: string, expected: string, upstreamOnly = false): boolean {
  const f = splitEpoch(found);
  const e = splitEpoch(expected);
  if (!upstreamOnly && e.epoch !== undefined && (f.epoch ?? '0') !== e.epoch) return false;
  const have = f.rest;
  const want = e.rest;
  if (have === want) return true;
  if (!have.startsWith(want)) return false;
  const next = have.charAt(want.length);
  return next === '.' || next === '-' || next === '+' || next === '~' || next === ':';
}

function splitEpoch(v: string): { epoch?: string; rest: string } {
  const m = /^(\d+):(.*)$/.exec(v.trim());
  return m ? { epoch: m[1] ?? '0', rest: m[2] ?? '' } : { rest: v.trim() };
}
