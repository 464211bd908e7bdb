import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LayerRef, Plan } from '@tib/core';
import type { Manifest } from '../manifest';
import type { LayerUse } from '../run-build';

/**
 * Phases of DIB that run after post-install: a single build runs every element's scripts
 * of these at its end, after the datastore is installed. A leaf must run them for the
 * elements only its layer had (debootstrap's cleanup of apt lists, runtime-ssh-host-keys'
 * removal of host keys …), in the same order, so they are carried into tib-layer-root.
 */
const TAIL_PHASES = ['post-root.d', 'block-device.d', 'pre-finalise.d', 'finalise.d', 'cleanup.d'];

/**
 * Completes tib-layer-root in a leaf's materialized element tree with what DIB's own
 * elements of the layer bring to every phase of a single build: their environment.d files
 * (DISTRO_NAME, DIB_INIT_SYSTEM, EFI_BOOT_DIR … that the leaf's DIB elements read from
 * root.d on) and their scripts of the last phases. Only elements the leaf does not have
 * itself (through its elements' element-deps) are carried; names stay as they are, so
 * DIB sorts them exactly as in a single build.
 */
export function carryLayerElements(leaf: Plan, rootElementDir: string, searchDirs: readonly string[]): string[] {
  const ref = leaf.layer;
  if (!ref) return [];
  const treeDir = path.dirname(rootElementDir);
  const dirs = [treeDir, ...searchDirs];
  // DIB adds `base` to every build (disk-image-create without -n).
  const leafNames = ['base', ...leaf.dib.elements.filter((e) => e.origin !== 'rendered').map((e) => e.name)];
  const inLeaf = expandDependencies(leafNames, dirs);
  const layerOnly = [...expandDependencies(['base', ...ref.dibElements], dirs)].filter((e) => !inLeaf.has(e)).sort();
  for (const element of layerOnly) {
    const from = locate(element, dirs);
    if (!from) throw new Error(`tib-layer-root: DIB element ${element} of the layer not found in ${dirs.join(', ')}`);
    for (const phase of ['environment.d', ...TAIL_PHASES]) {
      const src = path.join(from, phase);
      if (!fs.existsSync(src)) continue;
      const dest = path.join(rootElementDir, phase);
      fs.mkdirSync(dest, { recursive: true });
      for (const name of fs.readdirSync(src).sort()) {
        const file = path.join(src, name);
        if (!fs.statSync(file).isFile()) continue;
        const target = path.join(dest, name);
        if (fs.existsSync(target)) throw new Error(`tib-layer-root: ${phase}/${name} of ${element} clashes with another carried file`);
        fs.copyFileSync(file, target);
        fs.chmodSync(target, fs.statSync(file).mode & 0o7777);
      }
    }
  }
  return layerOnly;
}

/** Every element the names bring in through element-deps, as DIB expands them. */
export function expandDependencies(names: readonly string[], dirs: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const dir = locate(name, dirs);
    if (!dir) continue;
    const deps = path.join(dir, 'element-deps');
    if (!fs.existsSync(deps)) continue;
    for (const line of fs.readFileSync(deps, 'utf8').split('\n')) {
      const dep = line.replace(/#.*/, '').trim();
      if (dep) queue.push(dep);
    }
  }
  return seen;
}

function locate(name: string, dirs: readonly string[]): string | undefined {
  for (const d of dirs) {
    const p = path.join(d, name);
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) return p;
  }
  return undefined;
}

/** What an image's manifest says of the layer it was built from. */
export function layerRecord(ref: LayerRef, use: LayerUse): NonNullable<Manifest['layer']> {
  return {
    name: ref.name,
    key: ref.key,
    fingerprint: use.manifest?.fingerprint ?? '',
    covers: ref.covers,
    builtAt: use.manifest?.finishedAt ?? '',
    seconds: use.manifest?.timings.totalSeconds ?? 0,
  };
}
