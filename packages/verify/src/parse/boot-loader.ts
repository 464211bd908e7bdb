/** The boot loader's configuration, as the checks read it. */

/** The kernel command lines of a grub.cfg (`linux` lines) or /etc/default/grub settings. */
export function kernelCommandLines(grubCfg: string): string[] {
  return grubCfg
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^linux(efi|16)?\s/.test(l) || /^options\s/.test(l))
    .map((l) => l.replace(/^\S+\s+/, ''));
}
