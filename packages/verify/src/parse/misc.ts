/** Small parsers for files the checks read: grub configs, gpg listings, Python metadata, DIB manifests. */

/** The kernel command lines of a grub.cfg (`linux` lines) or /etc/default/grub settings. */
export function kernelCommandLines(grubCfg: string): string[] {
  return grubCfg
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^linux(efi|16)?\s/.test(l) || /^options\s/.test(l))
    .map((l) => l.replace(/^\S+\s+/, ''));
}

/** Full fingerprints from `gpg --with-colons` output (`fpr` records of primary keys and subkeys). */
export function gpgFingerprints(colons: string): string[] {
  return colons
    .split('\n')
    .filter((l) => l.startsWith('fpr:'))
    .map((l) => (l.split(':')[9] ?? '').toUpperCase())
    .filter((f) => f !== '');
}

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

/** Whether a line of an authorized_keys file holds a key (not blank, not a comment). */
export function authorizedKeys(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The "type base64" part of a public key line, ignoring options and comment. */
export function keyIdentity(line: string): string | undefined {
  const m = /(ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+([A-Za-z0-9+/=]+)/.exec(
    line,
  );
  return m ? `${m[1]} ${m[2]}` : undefined;
}
