/**
 * Checksum lists in coreutils' format, read and written with the same rules as the
 * compiled script (its checksum_for and sha256sum_line), so both agree for every file
 * name. sha256sum escapes a name holding a backslash or a line break: the line starts
 * with `\` and the name has `\\`, `\n` and `\r` for them.
 */

/** The line `sha256sum FILE` prints for a file of this name and hash. */
export function sha256sumLine(sha256: string, fileName: string): string {
  if (!/[\\\n\r]/.test(fileName)) return `${sha256}  ${fileName}\n`;
  const escaped = fileName.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `\\${sha256}  ${escaped}\n`;
}

/**
 * Finds a file's sha256 in a publisher's checksum list. Two formats exist in the wild:
 * GNU (`<hash>  <file>` or `<hash> *<file>`, Ubuntu's SHA256SUMS) and BSD
 * (`SHA256 (<file>) = <hash>`, CentOS's CHECKSUM), each possibly escaped as above.
 */
export function findChecksum(list: string, fileName: string): string | undefined {
  for (const raw of list.split('\n')) {
    let line = raw.trim();
    const escaped = line.startsWith('\\');
    if (escaped) line = line.slice(1);
    // `<hash> <mode><name>`: one space, then a space (text) or `*` (binary) — a name may begin with either.
    const gnu = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    const bsd = gnu ? null : /^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$/.exec(line);
    const [hash, name] = gnu ? [gnu[1], gnu[2]] : bsd ? [bsd[2], bsd[1]] : [undefined, undefined];
    if (hash === undefined || name === undefined) continue;
    if ((escaped ? unescapeName(name) : name) === fileName) return hash.toLowerCase();
  }
  return undefined;
}

/** Undoes sha256sum's escaping: `\\` is a backslash, `\n` a line feed, `\r` a carriage return. */
function unescapeName(name: string): string {
  return name.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
