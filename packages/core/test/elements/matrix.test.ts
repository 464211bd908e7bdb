/**
 * The whole support matrix, compiled: every supported cell (datastore × distribution
 * release × guest model) compiles with every element it needs shipped (no TIB4002) and
 * the datastore's packages or Docker engine in its variables; every unsupported cell is
 * an error that says why, in the words of the matrix.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { compileScript, DATASTORES, supportMatrix } from '../../src';
import type { Datastore, MatrixRow } from '../../src';
import { DATASTORE_HOST } from '../../src/catalog/datastore-host';
import { nativeVersion } from '../../src/catalog/matrix';
import { findRelease } from '../../src/catalog/distros';
import { compileObject, elementNames, ELEMENTS_DIR, SCRIPT_BESIDE_RECIPE, testHost, variablesOf } from './support';

const ROWS = supportMatrix(Object.keys(DATASTORES).sort() as Datastore[]);
const SHA = 'a'.repeat(64);

/** An agent of the model's era that is available on the release. */
function agentFor(row: Pick<MatrixRow, 'distro' | 'release' | 'model'>): Record<string, unknown> {
  const key = `${row.distro}/${row.release}`;
  if (row.model === 'native') {
    if (key === 'ubuntu/bionic' || key === 'ubuntu/focal') return { source: 'package' };
    if (key === 'centos/7') return { source: 'rdo', release: 'train' };
    if (key === 'rhel/8') return { source: 'rdo', release: 'ussuri' };
    return { source: 'git', ref: '13.0.1' };
  }
  if (key === 'debian/bookworm') return { source: 'package' };
  if (key === 'rhel/9' || key === 'centos/9-stream') return { source: 'rdo', release: 'epoxy' };
  if (key === 'rhel/8') return { source: 'rdo', release: 'yoga' };
  return { source: 'git', ref: 'master' };
}

export function recipeFor(row: Pick<MatrixRow, 'datastore' | 'distro' | 'release' | 'model'>): {
  recipe: Record<string, unknown>;
  files: Record<string, string>;
} {
  const base: Record<string, unknown> = { distro: row.distro, release: row.release };
  const files: Record<string, string> = {};
  if (row.distro === 'rhel') {
    base['image'] = { source: 'local', path: 'rhel.qcow2', sha256: SHA };
    files['rhel.qcow2'] = 'image';
  }
  const datastore: Record<string, unknown> = { type: row.datastore, runtime: row.model };
  if (DATASTORES[row.datastore].vendorPackage === 'required') {
    const file = row.datastore === 'db2' ? 'db2.tar.gz' : 'vertica.deb';
    datastore['package'] = { file, sha256: SHA };
    files[file] = 'package';
  }
  return { recipe: { tib: 1, base, datastore, guestagent: agentFor(row) }, files };
}

const label = (r: MatrixRow) => `${r.datastore} ${r.model} on ${r.distro}/${r.release}`;
const supported = ROWS.filter((r) => r.supported);
const unsupported = ROWS.filter((r) => !r.supported);

describe('every supported cell compiles with all its elements', () => {
  it('covers every datastore and both models', () => {
    expect(new Set(supported.map((r) => r.datastore)).size).toBe(Object.keys(DATASTORES).length);
    expect(supported.some((r) => r.model === 'container')).toBe(true);
  });

  it.each(supported.map((r) => [label(r), r] as const))('%s', (_, row) => {
    const { recipe, files } = recipeFor(row);
    const result = compileObject(recipe, files);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    expect(result.diagnostics.filter((d) => d.code === 'TIB4002' || d.severity === 'error')).toEqual([]);
    expect(result.plan.missingElements).toEqual([]);
    const names = elementNames(result.plan);
    const vars = variablesOf(result.plan);
    expect(vars['TIB_DATASTORE']).toBe(row.datastore);
    if (row.model === 'native') {
      expect(names).toEqual(expect.arrayContaining(['tib-datastore', `tib-ds-${row.datastore}`]));
      expect(names).not.toContain('tib-docker');
      const release = findRelease(row.distro, row.release);
      const native = release && nativeVersion(row.datastore, release, result.resolved.datastore.version);
      expect(vars['TIB_DATASTORE_PACKAGES']).toBe(native?.packages.join(' '));
      if (release?.family === 'deb') expect(vars['TIB_APPARMOR_PROFILES']).toBe(DATASTORE_HOST[row.datastore].apparmorProfiles.join(' '));
    } else {
      expect(names).toContain('tib-docker');
      expect(names).not.toContain('tib-datastore');
      expect(vars['TIB_DOCKER_PACKAGES']).toBeTruthy();
    }
    // Vendor repositories come with a pinned key, always.
    for (const repo of result.resolved.repositories) expect(repo.fingerprints.length).toBeGreaterThan(0);
  });
});

describe('every unsupported cell is an explained error', () => {
  it.each(unsupported.map((r) => [label(r), r] as const))('%s', (_, row) => {
    const { recipe, files } = recipeFor(row);
    const result = compileObject(recipe, files);
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const explained = errors.find((d) => d.code === 'TIB3002' || d.code === 'TIB3004' || d.code === 'TIB3008');
    expect(explained).toBeDefined();
    if (explained?.code === 'TIB3002') expect(explained.message).toContain(row.reason ?? '');
  });

  it('keeps the seed\'s CentOS 7 "TBD" cells as explained errors', () => {
    for (const ds of ['couchdb', 'redis', 'vertica'] as const) {
      const row = ROWS.find((r) => r.datastore === ds && r.distro === 'centos' && r.release === '7' && r.model === 'native');
      expect(row?.supported).toBe(false);
      expect(row?.reason).toMatch(/TBD/);
    }
    for (const ds of ['cassandra', 'couchbase', 'mariadb', 'mongodb', 'mysql', 'percona', 'postgresql', 'pxc'] as const) {
      expect(ROWS.find((r) => r.datastore === ds && r.distro === 'centos' && r.release === '7' && r.model === 'native')?.supported).toBe(
        true,
      );
    }
  });
});

describe('compiled scripts of the matrix pass shellcheck', () => {
  // One recipe per release and model (the script's shape does not depend on the datastore
  // beyond what these cover); all checked in one shellcheck run.
  const sample = [...new Map(supported.map((r) => [`${r.distro}/${r.release}/${r.model}`, r])).values()];
  it(`${sample.length} scripts`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-matrix-'));
    const scripts = sample.map((row, i) => {
      const { recipe, files } = recipeFor(row);
      const result = compileScript(
        { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test', missingFileSeverity: 'warning' },
        testHost({ 'r.yaml': dump(recipe), ...files }),
        SCRIPT_BESIDE_RECIPE,
      );
      if (!result.ok) throw new Error(`${label(row)} does not compile`);
      const file = path.join(dir, `${i}.sh`);
      fs.writeFileSync(file, result.script);
      return file;
    });
    const sc = spawnSync('shellcheck', ['-x', '-S', 'style', ...scripts], { encoding: 'utf8' });
    expect(sc.error).toBeUndefined();
    expect(sc.stdout).toBe('');
    expect(sc.status).toBe(0);
  });
});
