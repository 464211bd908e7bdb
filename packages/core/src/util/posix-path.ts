/**
 * A plan path (relative to its recipe's directory, or absolute) as seen from the working
 * directory the recipe path itself is relative to: the form in which paths of several
 * recipes compare. POSIX paths only, pure (no file system).
 */
export function fromWorkingDirectory(recipePath: string, p: string): string {
  if (p.startsWith('/')) return normalize(p);
  const dir = recipePath.includes('/') ? recipePath.slice(0, recipePath.lastIndexOf('/')) : '.';
  return normalize(`${dir}/${p}`);
}

function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!(part === '..' && absolute)) out.push(part);
  }
  if (absolute) return `/${out.join('/')}`;
  return out.length === 0 ? '.' : out.join('/');
}
