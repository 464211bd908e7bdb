/**
 * Layered builds of native images (issue 14): which elements a layer covers, what its key
 * depends on (a changed input invalidates exactly the layers it touches), and how a run of
 * several recipes is planned (same images built once, shared layers).
 */
import { dump } from 'js-yaml';
import { compileLayered, planMatrix } from '../../src';
import type { LayerSplit, MatrixEntry, Plan } from '../../src';
import { with_ } from '../helpers';
import { ELEMENTS_DIR, testHost, variablesOf } from '../elements/support';

const native = {
  tib: 1,
  base: { distro: 'debian', release: 'bullseye' },
  datastore: { type: 'mariadb', version: '10.5', runtime: 'native' },
  guestagent: { source: 'local', path: 'trove', release: 'ussuri', requirements: { index: 'none' } },
  system: { security: { apparmor: 'enforce' } },
};
const postgresql = with_(native, { datastore: { type: 'postgresql', version: '13' } });
const redis = with_(native, { datastore: { type: 'redis', version: '6.0' } });

type Layered = Extract<LayerSplit, { layered: true }>;

function compile(recipe: Record<string, unknown>, path = 'r.yaml'): { plan: Plan; split: LayerSplit; baseSplit: LayerSplit } {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const r = compileLayered(
    { recipePath: path, elementsDir: ELEMENTS_DIR, tibVersion: 'test' },
    testHost({ [path]: dump(recipe), [`${dir}trove/setup.py`]: '' }),
  );
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return { plan: r.plan, split: r.split, baseSplit: r.baseSplit };
}

function layered(recipe: Record<string, unknown>, path?: string): Layered {
  const { split } = compile(recipe, path);
  if (!split.layered) throw new Error(`not layered: ${split.reason}`);
  return split;
}

const keyOf = (recipe: Record<string, unknown>) => layered(recipe).layer.recipe.sha256;
const names = (p: Plan) => p.dib.elements.map((e) => e.name);

describe('the layer of a native image', () => {
  const split = layered(native);

  test('covers the base OS, the guest base and the agent; the leaf keeps the datastore and the disk', () => {
    expect(names(split.layer)).toEqual([
      'debian-minimal',
      'cloud-init',
      'openssh-server',
      'cloud-init-datasources',
      'tib-guest-base',
      'tib-files',
      'tib-agent-venv',
      'tib-agent-service',
      'tib-slim',
      'tib-recipe',
    ]);
    expect(names(split.leaf)).toEqual([
      'tib-layer-root',
      'vm',
      'tib-files',
      'tib-datastore',
      'tib-ds-mysql-family',
      'tib-ds-mariadb',
      'tib-apparmor',
      'tib-slim',
      'tib-recipe',
    ]);
    expect(split.leaf.layer).toEqual({
      name: split.layer.image.name,
      key: split.layer.recipe.sha256,
      covers: [
        'debian-minimal',
        'cloud-init',
        'openssh-server',
        'cloud-init-datasources',
        'tib-guest-base',
        'tib-agent-venv',
        'tib-agent-service',
      ],
      dibElements: ['debian-minimal', 'cloud-init', 'openssh-server', 'cloud-init-datasources'],
    });
  });

  test('is a raw file system image named by its key, and knows nothing of the recipe', () => {
    expect(split.layer.dib.args).toEqual(['-a', 'amd64', '-t', 'raw']);
    expect(split.layer.image.name).toBe(`tib-layer-${split.layer.recipe.sha256.slice(0, 16)}`);
    expect(split.layer.image.files).toEqual([`${split.layer.image.name}.raw`]);
    const text = JSON.stringify(split.layer);
    expect(text).not.toContain('mariadb');
    expect(text).not.toContain('r.yaml');
  });

  test("its environment.d holds the variables its elements read, the leaf's every variable of a single build", () => {
    const layerVars = variablesOf(split.layer);
    expect(Object.keys(layerVars)).toEqual(
      expect.arrayContaining(['TIB_BASE_PACKAGES', 'TIB_AGENT_VENV', 'TIB_SLIM_KERNEL', 'TIB_FAMILY']),
    );
    expect(Object.keys(layerVars).filter((v) => /DATASTORE|APPARMOR|IMAGE_NAME/.test(v))).toEqual([]);
    expect(variablesOf(split.leaf)).toEqual(variablesOf(compile(native).plan));
  });

  test('what the agent needs for its datastore comes with the datastore, so the agent part is the same for every datastore', () => {
    expect(variablesOf(split.leaf)['TIB_DATASTORE_AGENT_PACKAGES']).toBe('rsync procps');
    const pg = variablesOf(layered(postgresql).leaf);
    expect(pg['TIB_DATASTORE_AGENT_PACKAGES']).toBe('python3-psycopg2 rsync');
    // The offline agent's own dependencies (the same list whatever the datastore) stay with the agent.
    expect(pg['TIB_AGENT_EXTRA_PACKAGES']).toBe(variablesOf(split.leaf)['TIB_AGENT_EXTRA_PACKAGES']);
    expect(variablesOf(layered(postgresql).layer)['TIB_AGENT_EXTRA_PACKAGES']).toBe(variablesOf(split.layer)['TIB_AGENT_EXTRA_PACKAGES']);
    expect(pg['TIB_BASE_PACKAGES']).not.toMatch(/rsync|procps/);
  });

  test('the bootloader command line stays with the leaf; the layer image reaches the leaf where it is built', () => {
    const envNames = (p: Plan) => p.dib.environment.map((e) => e.name);
    expect(envNames(split.layer)).not.toContain('DIB_BOOTLOADER_DEFAULT_CMDLINE');
    expect(envNames(split.layer)).toContain('TIB_INPUT_AGENT_TREE');
    expect(split.leaf.dib.environment).toEqual(
      expect.arrayContaining([
        { kind: 'layer-image', name: 'TIB_LAYER_IMAGE' },
        { kind: 'value', name: 'TIB_LAYER_NAME', value: split.layer.image.name },
      ]),
    );
  });

  test('the layer says it is one (tib-slim leaves its prune to each leaf); the leaf and a single build do not', () => {
    const marker = (p: Plan) => p.dib.environment.filter((e) => e.name === 'TIB_LAYER_BUILD');
    expect(marker(split.layer)).toEqual([{ kind: 'value', name: 'TIB_LAYER_BUILD', value: '1' }]);
    expect(marker(split.leaf)).toEqual([]);
    expect(marker(compile(native).plan)).toEqual([]);
  });

  test("each part installs its own rendered files: the agent's unit with the layer", () => {
    const manifest = (p: Plan) => p.elementTree.find((f) => f.path === 'tib-recipe/tib-rootfs/manifest')?.content ?? '';
    expect(manifest(split.layer)).toContain('/etc/systemd/system/trove-guestagent.service');
    expect(manifest(split.leaf)).not.toContain('trove-guestagent.service');
  });

  test('container images and recipes with their own elements are built alone, with the reason', () => {
    const container = compile({
      ...native,
      datastore: { type: 'mariadb', version: '10.11' },
      base: { distro: 'debian', release: 'bookworm' },
      guestagent: { source: 'package' },
    });
    expect(container.split).toEqual({ layered: false, reason: expect.stringContaining('native-model') });
    const own = compile(with_(native, { elements: { add: ['my-element'] } }));
    expect(own.split).toEqual({ layered: false, reason: expect.stringContaining('elements.add') });
  });
});

describe('the layer key: a changed input invalidates exactly the layers it touches', () => {
  const base = keyOf(native);

  test.each([
    ['another datastore', postgresql],
    ['another datastore version', with_(native, { datastore: { version: '10.5.19' } })],
    ['another AppArmor mode', with_(native, { system: { security: { apparmor: 'complain' } } })],
    ['another image name', with_(native, { name: 'other' })],
    ['another output format', with_(native, { output: { formats: ['raw'] } })],
  ])('%s: same layer', (_what, recipe) => {
    expect(keyOf(recipe)).toBe(base);
  });

  test.each([
    ['another mirror', with_(native, { base: { mirror: 'http://mirror.example/debian' } })],
    // The only Debian release the native model runs on is bullseye: the package sources stand in.
    ['other package sources (no security suite)', with_(native, { base: { securityUpdates: false } })],
    ['extra system packages', with_(native, { system: { packages: ['htop'] } })],
    ['another agent tree', with_(native, { guestagent: { path: 'other-trove' } })],
    ['another agent user', with_(native, { guestagent: { user: 'guest' } })],
    ['another cloud-init datasource list', with_(native, { system: { cloudInit: { datasources: ['ConfigDrive'] } } })],
    ['a full-size image (system.slim: false)', with_(native, { system: { slim: false } })],
  ])('%s: another layer', (_what, recipe) => {
    const files = (recipe as { guestagent: { path: string } }).guestagent.path === 'other-trove' ? 'other-trove' : 'trove';
    const r = compileLayered(
      { recipePath: 'r.yaml', elementsDir: ELEMENTS_DIR, tibVersion: 'test' },
      testHost({ 'r.yaml': dump(recipe), [`${files}/setup.py`]: '' }),
    );
    if (!r.ok || !r.split.layered) throw new Error('not layered');
    expect(r.split.layer.recipe.sha256).not.toBe(base);
  });

  test('the same agent tree named from recipes in two directories is one layer', () => {
    const elsewhere = with_(native, { guestagent: { path: '../trove' } });
    expect(layered(elsewhere, 'sub/r.yaml').layer.recipe.sha256).toBe(base);
  });
});

describe('a layer of the base OS and guest base only, for images with different agents', () => {
  const git = {
    ...native,
    guestagent: { source: 'git', repo: 'https://git.example/trove', ref: 'stable/ussuri', requirements: { index: 'none' } },
  };
  const base = (recipe: Record<string, unknown>) => {
    const { baseSplit } = compile(recipe);
    if (!baseSplit.layered) throw new Error('not layered');
    return baseSplit;
  };

  test('is the same for an agent from a tree and one from git; the agent goes to the leaf', () => {
    expect(base(git).layer.recipe.sha256).toBe(base(native).layer.recipe.sha256);
    expect(layered(git).layer.recipe.sha256).not.toBe(layered(native).layer.recipe.sha256);
    expect(names(base(git).leaf)).toEqual(
      expect.arrayContaining(['tib-layer-root', 'source-repositories', 'tib-agent-venv', 'tib-agent-service', 'tib-datastore']),
    );
    expect(names(base(git).layer)).not.toContain('tib-agent-venv');
    const manifest = (p: Plan) => p.elementTree.find((f) => f.path === 'tib-recipe/tib-rootfs/manifest')?.content ?? '';
    expect(manifest(base(native).leaf)).toContain('/etc/systemd/system/trove-guestagent.service');
    // The git agent's location and ref live in its source-repository file, with the leaf.
    const repoFile = (p: Plan) => p.elementTree.some((f) => f.path === 'tib-recipe/source-repository-tib-guest-agent');
    expect(repoFile(base(git).leaf)).toBe(true);
    expect(repoFile(base(git).layer)).toBe(false);
  });

  test('a run whose images share the base but not the agent builds one layer of the base', () => {
    const design = planMatrix([compile(native), compile(git), compile(postgresql)], 'auto');
    expect(design.layers).toHaveLength(1);
    expect(design.layers[0]?.key).toBe(base(native).layer.recipe.sha256);
    expect(design.images.every((i) => i.leaf?.layer?.key === design.layers[0]?.key)).toBe(true);
    expect(design.layers[0]?.depth).toBe('base');
  });

  test('a depth given holds for one image too: the CI job of one image uses the layer its layer job built', () => {
    const alone = planMatrix([compile(native)], 'always', 'base');
    expect(alone.layers.map((l) => [l.key, l.depth])).toEqual([[base(native).layer.recipe.sha256, 'base']]);
    expect(planMatrix([compile(native)], 'always').layers[0]?.depth).toBe('guest');
    expect(planMatrix([compile(native), compile(git)], 'always', 'guest').layers.map((l) => l.depth)).toEqual(['guest', 'guest']);
  });
});

describe('planning a run of several recipes', () => {
  const entry = (recipe: Record<string, unknown>): MatrixEntry => compile(recipe);

  test('images that share a layer use it; one alone is built alone unless layers are always on', () => {
    const entries = [entry(native), entry(postgresql), entry(redis)];
    const auto = planMatrix(entries, 'auto');
    expect(auto.layers).toHaveLength(1);
    expect(auto.layers[0]?.images).toEqual([0, 1, 2]);
    expect(auto.images.every((i) => i.layer === auto.layers[0]?.key)).toBe(true);

    const one = planMatrix([entry(native)], 'auto');
    expect(one.layers).toEqual([]);
    expect(one.images[0]?.alone).toBe('no other image of this run shares its layer');
    expect(planMatrix([entry(native)], 'always').layers).toHaveLength(1);
    expect(planMatrix(entries, 'never').images.map((i) => i.alone)).toEqual(Array(3).fill('layers are off (--layers never)'));
  });

  test('two recipes that make the same bytes are built once: the second is a copy', () => {
    const design = planMatrix(
      [entry(native), entry(with_(native, { name: 'twin', output: { directory: 'elsewhere' } })), entry(postgresql)],
      'auto',
    );
    expect(design.images[1]).toMatchObject({ name: 'twin', sameAs: 0 });
    expect(design.images[1]?.layer).toBeUndefined();
    expect(design.layers[0]?.images).toEqual([0, 2]);
    expect(design.images[0]?.identity).not.toBe(design.images[2]?.identity);
  });
});
