/**
 * Defects of a guest agent release with a datastore that no image can work around: the
 * image builds and instances become active, but part of Trove's API fails. tib warns
 * (TIB3034) and verify's controller conversation shows the failing call.
 */
import type { Datastore } from './datastores';

export interface AgentDefect {
  readonly datastore: Datastore;
  /** Does it hit an agent of this major release running with these Python modules? */
  readonly applies: (major: number, modules: Readonly<Record<string, string>>) => boolean;
  readonly what: string;
}

/** "2.9.5-1" → [2, 9, 5]. */
function versionOf(v: string | undefined): number[] {
  return (
    (v ?? '')
      .split(/[-+~]/)[0]
      ?.split('.')
      .map((x) => Number.parseInt(x, 10) || 0) ?? []
  );
}
const atLeast = (v: string | undefined, min: readonly number[]) => {
  const a = versionOf(v);
  for (let i = 0; i < min.length; i++) {
    const d = (a[i] ?? 0) - (min[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return v !== undefined;
};

export const AGENT_DEFECTS: readonly AgentDefect[] = [
  {
    datastore: 'postgresql',
    // Before 20.0.0 (commit cd11d767; backported as f07e85de in 17.0.1, b195a6ab in
    // 18.0.1, f62243a9 in 19.0.1) the agent runs CREATE DATABASE inside `with
    // psycopg2.connect(...)`, which since psycopg2 2.9 opens a transaction even in
    // autocommit mode; PostgreSQL refuses CREATE DATABASE in a transaction
    // (docs/facts/guest-agent-contract.md §4.4). The rule judges package agents, whose
    // versions tib knows: Debian 12's is 18.0.0. Seen by verify's conversation with Trove
    // 18's controller on recipes/debian-bookworm-container.yaml (PostgreSQL 15).
    applies: (major, modules) => major < 20 && atLeast(modules['psycopg2'], [2, 9]),
    what: 'create_database fails ("CREATE DATABASE cannot run inside a transaction block"): with psycopg2 2.9 or newer, agents before 20.0.0 other than 17.0.1, 18.0.1 and 19.0.1 have it',
  },
];

export function agentDefects(major: number, datastores: readonly Datastore[], modules: Readonly<Record<string, string>>): AgentDefect[] {
  return AGENT_DEFECTS.filter((d) => datastores.includes(d.datastore) && d.applies(major, modules));
}
