/** How a source-built agent was installed: Python distribution metadata and DIB's git manifest. */

/** Name and Version from a wheel's METADATA or an egg's PKG-INFO. */
export function pythonDistMetadata(text: string): { name?: string; version?: string } {
  const out: { name?: string; version?: string } = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') break;
    const m = /^(Name|Version):\s*(.+)$/.exec(line);
    if (m?.[1] === 'Name') out.name = m[2]?.trim();
    if (m?.[1] === 'Version') out.version = m[2]?.trim();
  }
  return out;
}

/** DIB's source-repositories manifest: "<name> <type> <dest> <location> <sha>" per line. */
export function gitManifest(text: string): { name: string; type: string; dest: string; location: string; ref: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .map(([name, type, dest, location, ref]) => ({
      name: name ?? '',
      type: type ?? '',
      dest: dest ?? '',
      location: location ?? '',
      ref: ref ?? '',
    }));
}
