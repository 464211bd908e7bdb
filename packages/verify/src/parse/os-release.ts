/** /etc/os-release (os-release(5)): KEY=value lines, values optionally quoted. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    let value = line.slice(eq + 1);
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) {
      value = value.slice(1, -1);
      // Double-quoted values may escape $, ", \ and ` (shell rules, as the spec says).
      if (q === '"') value = value.replace(/\\([$"\\`])/g, '$1');
    }
    out[key] = value;
  }
  return out;
}
