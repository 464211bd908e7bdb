import type { Diagnostic } from '../../diagnostics/diagnostic';
import { resolveRecipePath } from '../../facts/host-files';
import { rule } from './rule';

export const accessOnlyDevelopment = rule('accessOnlyDevelopment', ({ recipe, locator }) => {
  if (!recipe.access || recipe.purpose === 'development') return [];
  return [
    locator.diagnostic(
      'TIB3013',
      ['access'],
      `access (ssh keys, passwords) is for development images; this recipe's purpose is ${recipe.purpose ?? 'production (the default)'}`,
      {
        part: 'key',
        hint: 'set purpose: development in a dev overlay, or remove access from production recipes',
      },
    ),
  ];
});

export const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File/;
const PUBLIC_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+=*( [^\n\r]*)?$/;

/** A private key must never reach a recipe or an image; public keys must look like keys. */
export const sshKeysArePublic = rule('sshKeysArePublic', ({ recipe, locator, host }) => {
  const out: Diagnostic[] = [];
  (recipe.access?.sshKeys ?? []).forEach((key, index) => {
    const at = ['access', 'sshKeys', index];
    if (typeof key === 'string') {
      if (PRIVATE_KEY.test(key))
        out.push(
          locator.diagnostic(
            'TIB3014',
            at,
            'this is a private key; only the public key (ssh-ed25519 AAAA… / ssh-rsa AAAA…) belongs in a recipe — treat the private key as leaked',
          ),
        );
      else if (!PUBLIC_KEY.test(key.trim()))
        out.push(locator.diagnostic('TIB2005', at, 'not an ssh public key line (expected e.g. "ssh-ed25519 AAAAC3… comment")'));
      return;
    }
    const file = resolveRecipePath(locator, [...at, 'file'], key.file);
    const text = host.readFile(file);
    if (text !== undefined && PRIVATE_KEY.test(text)) {
      out.push(locator.diagnostic('TIB3014', [...at, 'file'], `${key.file} holds a private key; point at the .pub file`));
    }
  });
  return out;
});

export const subscriptionOnlyRhel = rule('subscriptionOnlyRhel', ({ recipe, locator }) => {
  if (!recipe.rhel || recipe.base.distro === 'rhel') return [];
  return [
    locator.diagnostic('TIB3010', ['rhel'], `rhel settings apply only to base.distro: rhel (this recipe builds ${recipe.base.distro})`, {
      part: 'key',
    }),
  ];
});

/**
 * DIB's rhel-common only warns on an unknown method and builds an unregistered image;
 * tib checks that the chosen method has what it needs, up front.
 */
export const subscriptionComplete = rule('subscriptionComplete', ({ recipe, locator }) => {
  const sub = recipe.rhel?.subscription;
  if (!sub) return [];
  const at = ['rhel', 'subscription'];
  const out: Diagnostic[] = [];
  const need = (message: string) => out.push(locator.diagnostic('TIB3025', at, message, { part: 'key' }));
  const hasKey = sub.activationKey !== undefined;
  const hasPassword = sub.user !== undefined && sub.password !== undefined;
  if (sub.method === 'disable') {
    for (const f of ['user', 'password', 'activationKey', 'org', 'pool', 'repos', 'satelliteUrl'] as const) {
      if (sub[f] !== undefined)
        out.push(
          locator.diagnostic('TIB3025', [...at, f], `${f} is ignored with method: disable (nothing is registered)`, { part: 'key' }),
        );
    }
    return out;
  }
  if (!hasKey && !hasPassword) need(`method: ${sub.method} needs user + password, or activationKey + org`);
  if (hasKey && sub.org === undefined) need('activationKey needs org (the organization the key belongs to)');
  if (sub.password !== undefined && sub.user === undefined) need('password needs user');
  if (sub.method === 'satellite' && sub.satelliteUrl === undefined) need('method: satellite needs satelliteUrl');
  if (sub.method === 'portal' && sub.satelliteUrl !== undefined) {
    out.push(locator.diagnostic('TIB3025', [...at, 'satelliteUrl'], 'satelliteUrl is only used with method: satellite', { part: 'key' }));
  }
  if (sub.pool !== undefined && sub.autoAttach === true) {
    out.push(locator.diagnostic('TIB3025', [...at, 'pool'], 'pool is ignored with autoAttach: true; choose one', { part: 'key' }));
  }
  return out;
});
