#!/usr/bin/env node
// npm run pack [-- --out DIR]: the installable tib package, dist/tib-<version>.tgz.
//
// The workspace packages are private and import each other; the one-file bundle
// (packages/cli/dist/tib.cjs) already holds core, runner and verify. This stages what an
// installed tib needs at run time and nothing else:
//   bin/tib.js, dist/tib.cjs, package.json (version of packages/cli)
//   elements/              tib's DIB elements, read per plan
//   templates/controller/  Trove controller config templates, read per plan
//   schemas/               recipe, overlay and manifest JSON Schemas, for editors and tools
//   controller/            the Python helper `tib verify --boot` runs on the host
//   node_modules/          the bundle's runtime dependencies (kept out of the bundle so a
//                          start never parses them), bundled so the tarball installs
//                          without a registry, at the versions the repository tests
// and runs `npm pack` on it. Build first (npm run build); this does not.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
/** Packages the bundle requires at run time (scripts/build.js marks them external). */
const RUNTIME_DEPENDENCIES = require('./bundle-externals');
const RESOURCES = ['elements', 'templates/controller', 'schemas'];
const SKIP = (name) => name === '__pycache__' || name.endsWith('.pyc') || name === 'node_modules';
/** What dependencies publish for their developers: types, maps, docs, tests. Licences stay. */
const DEV_ONLY = (name) =>
  /\.[cm]?ts$|\.map$|^(readme|changelog|history)(\.\w+)?$|^(tests?|test\.js|examples?|benchmarks?|\.github|\.npmignore|\.travis\.yml|tsconfig\.json)$/i.test(
    name,
  );

function main() {
  const outIndex = process.argv.indexOf('--out');
  const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, 'dist'));
  const cli = readJson(path.join(root, 'packages/cli/package.json'));
  const bundle = path.join(root, 'packages/cli/dist/tib.cjs');
  if (!fs.existsSync(bundle)) fail(`${path.relative(root, bundle)} is missing: run npm run build first`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-pack-'));
  try {
    const stage = path.join(work, 'tib');
    copy(path.join(root, 'packages/cli/bin/tib.js'), path.join(stage, 'bin/tib.js'));
    copy(bundle, path.join(stage, 'dist/tib.cjs'));
    copy(path.join(root, 'packages/cli/README.md'), path.join(stage, 'README.md'));
    for (const dir of RESOURCES) copy(path.join(root, dir), path.join(stage, dir));
    copy(path.join(root, 'packages/verify/controller'), path.join(stage, 'controller'));
    const versions = stageDependencies(stage);
    const pkg = {
      name: 'tib',
      version: cli.version,
      description: readJson(path.join(root, 'package.json')).description,
      license: cli.license,
      bin: { tib: 'bin/tib.js' },
      engines: { node: '>=20' },
      files: ['bin', 'dist', 'controller', ...RESOURCES],
      dependencies: versions,
      bundleDependencies: Object.keys(versions),
    };
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    fs.mkdirSync(outDir, { recursive: true });
    const r = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' });
    if (r.status !== 0) fail(`npm pack failed:\n${r.stderr}`);
    const [info] = JSON.parse(r.stdout);
    process.stdout.write(`${path.join(outDir, info.filename)}\n`);
    process.stderr.write(
      `${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KiB packed, ${(info.unpackedSize / 1024).toFixed(0)} KiB unpacked\n`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Copies each runtime dependency, as Node resolves it from the bundle's place in the
 * repository (packages/cli/dist), and everything it depends on into the stage's
 * node_modules: at the top when that name is free or holds the same copy, else nested
 * under the package that needs it. Then checks that every staged package resolves each
 * dependency to the copy it resolves to in the repository. Returns the direct ones'
 * versions.
 */
function stageDependencies(stage) {
  const versions = {};
  const placed = new Map(); // staged directory -> repository directory
  const place = (dir, requiredFrom) => {
    const { name } = readJson(path.join(dir, 'package.json'));
    let target = path.join(stage, 'node_modules', name);
    if (placed.has(target) && placed.get(target) !== dir) target = path.join(requiredFrom, 'node_modules', name);
    if (placed.get(target) === dir) return;
    placed.set(target, dir);
    copy(dir, target, DEV_ONLY);
    for (const dep of dependencyNames(dir)) place(resolvePackage(dir, dep), target);
  };
  const bundleDir = path.join(root, 'packages/cli/dist');
  for (const name of RUNTIME_DEPENDENCIES) {
    const dir = resolvePackage(bundleDir, name);
    if (!dir) fail(`${name} is not installed: run npm ci`);
    versions[name] = readJson(path.join(dir, 'package.json')).version;
    place(dir, stage);
  }
  for (const [staged, dir] of placed)
    for (const dep of dependencyNames(dir)) {
      const here = resolvePackage(staged, dep, stage);
      if (!here || placed.get(here) !== resolvePackage(dir, dep)) fail(`staged ${staged} would not find the ${dep} it uses`);
    }
  return versions;
}

/** The dependencies a package needs at run time (optional ones only when installed). */
function dependencyNames(dir) {
  const pkg = readJson(path.join(dir, 'package.json'));
  const optional = Object.keys(pkg.optionalDependencies ?? {}).filter((name) => resolvePackage(dir, name));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...optional];
  for (const name of names) if (!resolvePackage(dir, name)) fail(`${pkg.name} needs ${name}, which is not installed: run npm ci`);
  return [...new Set(names)];
}

/** Node's lookup: node_modules/<name> in the directory and each one above it, up to `top`. */
function resolvePackage(from, name, top = root) {
  for (let dir = from; dir.startsWith(top); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) break;
  }
  return undefined;
}

function copy(from, to, skipAlso = () => false) {
  const keep = (src) => src === from || !(SKIP(path.basename(src)) || skipAlso(path.basename(src)));
  fs.cpSync(from, to, { recursive: true, filter: keep });
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function fail(message) {
  process.stderr.write(`pack: ${message}\n`);
  process.exit(1);
}

main();
