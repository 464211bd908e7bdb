/**
 * What the offline checks read: the image's files, and the facts that needed a tool to
 * extract (rpm's database, gpg's view of a keyring, the canary scans). The checks
 * themselves are pure functions of this value.
 */
import type { Expectation } from '@tib/core';
import type { ImageFs } from '../image/image-fs';
import { readText } from '../image/image-fs';
import type { ScanHit } from '../image/scanner';
import { Accounts, parseGroup, parsePasswd } from '../parse/accounts';
import type { PackageDb } from '../parse/dpkg';
import type { CheckResult, CheckStatus } from '../types';

export type Unavailable = { readonly unavailable: string };

export interface SecretScan {
  /** How many canary values were long enough to scan for. */
  readonly canaries: number;
  /** Files holding a canary, or why the files were not scanned. */
  readonly files: readonly { readonly path: string; readonly hits: readonly ScanHit[] }[] | Unavailable;
  /** Matches in the raw disk (free blocks included), or why it was not scanned. */
  readonly disk: { readonly bytes: number; readonly hits: readonly ScanHit[] } | Unavailable;
}

export interface InspectData {
  readonly fs: ImageFs;
  readonly accounts: Accounts;
  readonly packages: PackageDb | Unavailable;
  /** gpg fingerprints of key files named by repository expectations, by image path. */
  readonly keyFingerprints: ReadonlyMap<string, readonly string[] | Unavailable>;
  readonly secrets: SecretScan;
  /** The secret values themselves, only to look for them in small files (never printed). */
  readonly secretValues: readonly string[];
}

export function accountsOf(fs: ImageFs): Accounts {
  return new Accounts(parsePasswd(readText(fs, '/etc/passwd') ?? ''), parseGroup(readText(fs, '/etc/group') ?? ''));
}

export function isUnavailable(v: unknown): v is Unavailable {
  return typeof v === 'object' && v !== null && 'unavailable' in v;
}

/** Builds a result row for an offline check. */
export function result(id: string, title: string, status: CheckStatus, evidence: string, expectation?: Expectation): CheckResult {
  return { id, phase: 'offline', title, status, evidence, ...(expectation ? { expectation } : {}) };
}

export const pass = (ok: boolean): CheckStatus => (ok ? 'pass' : 'fail');

/** One line of evidence, never longer than a table cell should be. */
export function clip(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
