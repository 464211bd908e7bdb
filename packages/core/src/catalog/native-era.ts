/**
 * What a native-model image can run: the last native-era agent (Trove 13.0.1) together
 * with a controller of its era, which renders the datastore's configuration from its own
 * templates at prepare. Each limit names the code or template that causes it; the facts
 * and their upstream sources are in docs/facts/controller.md §3.2, §3.4 and
 * docs/facts/guest-agent-contract.md §2.7, §2.8.
 */

/** Why the native era cannot run a datastore version that packages offer. */
export const NATIVE_REFUSALS = {
  /** docs/facts/guest-agent-contract.md §2.7 (SET PASSWORD), docs/facts/controller.md §3.2 (query cache). */
  mysql8:
    "the Trove ≤ 13 agent sets root's password with SET PASSWORD … = PASSWORD(), which MySQL 8.0 (and Percona Server and XtraDB Cluster 8.0) removed, so prepare fails; the era's configuration template also sets query_cache_*, which 8.0 refuses",
  /** docs/facts/controller.md §3.2. */
  mariadb106:
    "the Trove ≤ 13 controller's MariaDB template sets innodb_log_files_in_group, which MariaDB 10.6 removed: the server refuses to start",
  /** docs/facts/guest-agent-contract.md §2.8 (measured on bookworm). */
  bookworm:
    "the native-era agent (Trove ≤ 13) cannot run on Debian 12: every one of its datastore managers imports sqlalchemy.interfaces (through the MySQL backup strategy it loads at start), which SQLAlchemy 1.4 removed (bookworm has 1.4.46); use datastore.runtime: container with Debian's own Trove 18 agent",
} as const;

/**
 * Image-side adjustments a version needs under the native-era agent, applied by its
 * tib-ds-<type> element (which reads them from TIB_DATASTORE_IMAGE_FIXES).
 */
export type NativeImageFix = 'mariadbd-as-mysqld';

export const NATIVE_IMAGE_FIXES: Readonly<Record<NativeImageFix, string>> = {
  // docs/facts/guest-agent-contract.md §2.7: the agent's running check is `ps -C mysqld`.
  'mariadbd-as-mysqld':
    "with tib's image-side fix: MariaDB ≥ 10.5 runs as mariadbd and the Trove ≤ 13 agent only ever looks for a process named mysqld, so the image starts the server through its mysqld name",
};

/**
 * What the controller of the era needs for a version, beyond its defaults: tib supplies
 * the configuration template, which the controller reads from its template_path
 * (docs/facts/trove-releases.md §6).
 */
export const NATIVE_CONTROLLER_TEMPLATES = {
  /** docs/facts/controller.md §3.2: measured with PostgreSQL 13 and Trove 13.0.1's template. */
  postgresql:
    "needs tib's PostgreSQL configuration template on the controller (template_path): the Trove ≤ 13 template sets wal_level = minimal, which PostgreSQL ≥ 10 refuses with its default max_wal_senders = 10; tib's sets max_wal_senders = 0",
} as const;

/** Caveats: the version runs, but part of Trove's API fails. */
export const NATIVE_CAVEATS = {
  /** docs/facts/guest-agent-contract.md §2.7. */
  postgresql13Backups:
    'backups and replicas fail: the Trove ≤ 13 agent writes wal_keep_segments, which PostgreSQL 13 removed (wal_keep_size replaced it)',
} as const;
