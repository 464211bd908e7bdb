/** dpkg's database (/var/lib/dpkg/status) and rpm query output, as one package table. */
export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  /** dpkg: `install ok installed`; rpm entries are always installed. */
  readonly installed: boolean;
  readonly status: string;
}

export type PackageDb = ReadonlyMap<string, InstalledPackage>;

/** Stanzas separated by blank lines; continuation lines start with a space. */
export function parseDpkgStatus(text: string): PackageDb {
  const out = new Map<string, InstalledPackage>();
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields: Record<string, string> = {};
    for (const line of stanza.split('\n')) {
      if (line.startsWith(' ') || line.startsWith('\t')) continue;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
    }
    const name = fields['Package'];
    if (!name) continue;
    const status = fields['Status'] ?? '';
    const pkg: InstalledPackage = {
      name,
      version: fields['Version'] ?? '',
      installed: status.endsWith(' installed') && status.startsWith('install '),
      status,
    };
    // Multi-arch packages appear once per architecture: an installed one wins.
    const prev = out.get(name);
    if (!prev || (!prev.installed && pkg.installed)) out.set(name, pkg);
  }
  return out;
}

/** Lines of `rpm -qa --qf '%{NAME}\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\n'`. */
export function parseRpmQuery(text: string): PackageDb {
  const out = new Map<string, InstalledPackage>();
  for (const line of text.split('\n')) {
    const [name, version] = line.trim().split('\t');
    if (!name || !version) continue;
    // An epoch of 0 is how rpm says "none"; drop it so versions read like rpm -q prints them.
    out.set(name, { name, version: version.replace(/^0:/, ''), installed: true, status: 'installed' });
  }
  return out;
}
