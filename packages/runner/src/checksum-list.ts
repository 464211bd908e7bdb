/**
 * Finds a file's sha256 in a publisher's checksum list. Two formats exist in the wild:
 * GNU (`<hash>  <file>` or `<hash> *<file>`, Ubuntu's SHA256SUMS) and BSD
 * (`SHA256 (<file>) = <hash>`, CentOS's CHECKSUM). Same rules as the compiled script.
 */
export function findChecksum(list: string, fileName: string): string | undefined {
  for (const raw of list.split('\n')) {
    const line = raw.trim();
    const gnu = /^([0-9a-fA-F]{64})\s+\*?(.+)$/.exec(line);
    if (gnu && gnu[2] === fileName) return gnu[1]?.toLowerCase();
    const bsd = /^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$/.exec(line);
    if (bsd && bsd[1] === fileName) return bsd[2]?.toLowerCase();
  }
  return undefined;
}
