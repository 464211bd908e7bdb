/** /etc/passwd and /etc/group, to name owners and check memberships the way the guest will. */
export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 7) continue;
    out.push({ name: f[0] ?? '', uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '', shell: f[6] ?? '' });
  }
  return out;
}

export function parseGroup(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 4) continue;
    out.push({
      name: f[0] ?? '',
      gid: Number(f[2]),
      members: (f[3] ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== ''),
    });
  }
  return out;
}

export class Accounts {
  constructor(
    readonly users: readonly PasswdEntry[],
    readonly groups: readonly GroupEntry[],
  ) {}

  user(name: string): PasswdEntry | undefined {
    return this.users.find((u) => u.name === name);
  }

  userName(uid: number): string {
    return this.users.find((u) => u.uid === uid)?.name ?? String(uid);
  }

  groupName(gid: number): string {
    return this.groups.find((g) => g.gid === gid)?.name ?? String(gid);
  }

  /** Every group the user is in: its primary group and supplementary memberships. */
  groupsOf(name: string): string[] {
    const u = this.user(name);
    const out = new Set<string>();
    if (u) out.add(this.groupName(u.gid));
    for (const g of this.groups) if (g.members.includes(name)) out.add(g.name);
    return [...out];
  }
}
