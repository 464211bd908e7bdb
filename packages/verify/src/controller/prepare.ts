/**
 * `tib controller prepare --trove N`: a chroot holding Trove N's controller code, cached on
 * this host for verify's conversation. debootstrap of the Debian release that packages that
 * Trove (or whose Python libraries run its source tree), its packages without recommends,
 * services kept from starting, and a marker saying what it holds. Built under a temporary
 * name and moved into place only when complete.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { controllerSource } from '@tib/core';
import { runTool, ToolError } from '../exec';
import { chrootArgv, CONTROLLER_MARKER, controllerCacheDir } from './runtime';
import type { ControllerMarker } from './runtime';

export interface PrepareOptions {
  readonly major: number;
  readonly cacheDir: string;
  readonly mirror: string;
  readonly securityMirror: string;
  /** A Trove source tree (for releases Debian never packaged). */
  readonly tree?: string;
  readonly tibVersion: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

const MIN = 60_000;

export async function prepareController(o: PrepareOptions): Promise<{ root: string; seconds: number }> {
  const source = controllerSource(o.major);
  if (!source) throw new ToolError(`tib knows no way to get Trove ${o.major}'s controller code on a Debian host`);
  if (source.tree && !o.tree) {
    throw new ToolError(
      `Debian never packaged Trove ${source.version}: give its source tree with --trove-tree (git tag ${source.tree.tag} of openstack/trove)`,
    );
  }
  if (o.tree && !fs.existsSync(path.join(o.tree, 'trove', 'guestagent', 'api.py')))
    throw new ToolError(`${o.tree} is not a Trove source tree (no trove/guestagent/api.py)`);
  const started = Date.now();
  const root = controllerCacheDir(o.cacheDir, o.major);
  const building = `${root}.partial`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(root), { recursive: true });
  const env = o.env;
  try {
    o.log(`debootstrap ${source.suite} into ${building}`);
    await runTool('debootstrap', ['--variant=minbase', source.suite, building, o.mirror], { timeoutMs: 20 * MIN, env });
    fs.writeFileSync(
      path.join(building, 'etc/apt/sources.list'),
      [
        `deb ${o.mirror} ${source.suite} main`,
        `deb ${o.mirror} ${source.suite}-updates main`,
        `deb ${o.securityMirror} ${source.suite}-security main`,
        '',
      ].join('\n'),
    );
    // Packages must not start services in the chroot.
    fs.writeFileSync(path.join(building, 'usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    o.log(`installing ${source.packages.length} packages`);
    await inChroot(building, ['apt-get', 'update', '-qq'], env, 10 * MIN);
    await inChroot(building, ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...source.packages], env, 30 * MIN);
    await inChroot(building, ['apt-get', 'clean'], env, MIN);
    let tree: string | undefined;
    if (o.tree) {
      tree = `/opt/trove-${source.version}`;
      fs.cpSync(o.tree, path.join(building, tree), { recursive: true, filter: (src) => path.basename(src) !== '.git' });
    }
    const marker: ControllerMarker = {
      troveVersion: source.version,
      suite: source.suite,
      ...(tree ? { tree } : {}),
      preparedBy: `tib ${o.tibVersion}`,
    };
    fs.writeFileSync(path.join(building, CONTROLLER_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.renameSync(building, root);
  } catch (err) {
    fs.rmSync(building, { recursive: true, force: true });
    throw err;
  }
  return { root, seconds: Math.round((Date.now() - started) / 1000) };
}

/** A command in the chroot being prepared (see chrootArgv). */
async function inChroot(root: string, command: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  await runTool('unshare', chrootArgv(root, command), { timeoutMs, env: { ...env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' } });
}
