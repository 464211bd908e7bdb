import type { KeyPath } from '../diagnostics/diagnostic';

/**
 * Human wording for the schema's patterns, keyed by the last key of the path. A pattern
 * failure otherwise reads as a regular expression, which tells a user nothing.
 */
const BY_KEY: Readonly<Record<string, string>> = {
  sha256: 'must be a SHA-256: 64 lowercase hex digits',
  url: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  mirror: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  securityMirror: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  uri: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  keyUrl: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  satelliteUrl: 'must be an http://, https:// or file:// URL without spaces, quotes or $',
  baseurl: 'must be an http://, https:// or file:// URL without spaces or quotes',
  name: 'must be a name of letters, digits, ".", "_" and "-", starting with a letter or digit',
  release: 'must be a release name or number of lowercase letters, digits, "." and "-"',
  version: 'must be a version such as "8.0" or "10.11.6"',
  user: 'must be a Unix user name (lowercase letters, digits, "_" and "-", at most 32)',
  ref: 'must be a git branch, tag or commit id (no spaces, "..", leading "/" or shell characters)',
  repo: 'must be a git URL (https://, git://, ssh://, file://) or an absolute path, of letters, digits and . _ ~ : / @ + , = % - only',
  fingerprint: 'must be a full key fingerprint: 40 uppercase hex digits without spaces',
  env: 'must be an environment variable name (letters, digits and _, not starting with a digit)',
  pool: 'must be a subscription pool id (hex digits)',
  dataDir: 'must be an absolute path of letters, digits and . _ + @ / -',
  configIncludeDir: 'must be an absolute path of letters, digits and . _ + @ / -',
  logDir: 'must be an absolute path of letters, digits and . _ + @ / -',
  configDir: 'must be an absolute path of letters, digits and . _ + @ / -',
  file: 'must be a path on one line',
  path: 'must be a path on one line',
  directory: 'must be a path on one line',
};

const BY_PARENT: Readonly<Record<string, string>> = {
  packages: 'must be a package name, optionally name=version (letters, digits, + . _ : ~ -)',
  add: 'must be an element name (letters, digits, _ and -)',
  components: 'must be an apt component name',
  repos: 'must be a repository id',
  sshKeys: 'must be one public key line (no newlines or NUL characters)',
  extends: 'must be a path on one line',
  paths: 'must be a path on one line',
  environment: 'must not contain NUL characters',
};

export function describePattern(path: KeyPath, _schemaPath: string, pattern: string, value: unknown): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const wording =
    (typeof last === 'string' ? BY_KEY[last] : undefined) ??
    (typeof parent === 'string' ? BY_PARENT[parent] : undefined) ??
    (parent === 'environment' || path[0] === 'environment' ? BY_PARENT['environment'] : undefined) ??
    `does not match ${pattern}`;
  const shown = typeof value === 'string' ? ` (found ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)})` : '';
  return `${wording}${shown}`;
}
