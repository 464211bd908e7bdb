/** Keys in the image: repository signing keys (gpg listings) and ssh authorized keys. */

/** Full fingerprints from `gpg --with-colons` output (`fpr` records of primary keys and subkeys). */
export function gpgFingerprints(colons: string): string[] {
  return colons
    .split('\n')
    .filter((l) => l.startsWith('fpr:'))
    .map((l) => (l.split(':')[9] ?? '').toUpperCase())
    .filter((f) => f !== '');
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
