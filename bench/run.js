#!/usr/bin/env node
// npm run bench: how fast the compiler is, measured, not asserted.
//   1. `tib compile` of an example recipe, process start to exit, beside `node -e 0`,
//      alternating, median of RUNS each, whatever command ran first after an install
//      (bench/startup.js; target: compile <= 1.5x bare node start in every case).
//   2. validating 1,000 generated recipes in one process (target: <= 1.5 s).
//   3. the up-to-date no-op of `tib run` against a fake DIB (target: < 1 s).
// Results are printed and written to bench/results/fast.json. Build first (npm run build).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summary, round } = require('./stats');
const { benchStartup } = require('./startup');

const root = path.resolve(__dirname, '..');
// BENCH_TIB: another build's bin/tib.js, to compare before and after a change.
const tib = path.resolve(process.env.BENCH_TIB || path.join(root, 'packages/cli/bin/tib.js'));
const RUNS = Number(process.env.BENCH_RUNS || 15);
const recipe = 'recipes/debian-bookworm-mariadb.yaml';

function timeIt(args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

// 1. compile vs node -e 0, whatever ran first
const compileResult = benchStartup(tib, root, recipe, RUNS);

// 2. 1,000 generated recipes, validated in one process
const core = require(path.join(root, 'packages/core/dist/index.js'));
const recipes = generateRecipes(1000);
const host = core.memoryHost(Object.fromEntries(recipes.map((text, i) => [`r${i}.yaml`, text])));
core.validateRecipe('r0.yaml', host); // warm the validator
const t0 = process.hrtime.bigint();
let errors = 0;
for (let i = 0; i < recipes.length; i++) {
  const d = core.validateRecipe(`r${i}.yaml`, host).diagnostics;
  if (d.some((x) => x.severity === 'error')) errors++;
}
const validateMs = round(Number(process.hrtime.bigint() - t0) / 1e6);

// 3. up-to-date no-op of tib run (fake DIB: the no-op never starts DIB)
const noop = benchNoop();

const result = {
  date: new Date().toISOString(),
  host: `${os.cpus().length} cpu, ${os.cpus()[0]?.model ?? ''}`,
  loadAverage: round(os.loadavg()[0]),
  runs: RUNS,
  compile: compileResult,
  validate1000: { ms: validateMs, recipes: recipes.length, invalid: errors },
  upToDate: noop,
};
console.log(JSON.stringify(result, null, 2));
const { node } = compileResult;
console.log(`node -e 0: median ${node.wall.median} ms wall, ${node.cpu.median} ms CPU; load average ${os.loadavg()[0].toFixed(1)}`);
for (const [first, c] of Object.entries(compileResult.compile))
  console.log(`compile, ${first}: median ${c.wall.median} ms wall (${c.ratio}x), ${c.cpu.median} ms CPU (${c.cpuRatio}x) (target <= 1.5x)`);
console.log(`validate 1000 recipes: ${validateMs} ms (target <= 1500 ms; ${errors} of them deliberately invalid)`);
console.log(`tib run up-to-date no-op: median ${noop.median} ms (target < 1000 ms)`);
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'fast.json'), `${JSON.stringify(result, null, 2)}\n`);

/** Recipes across the catalog: valid ones of every model and distro, and broken ones. */
function generateRecipes(n) {
  const shapes = [
    'base: {distro: debian, release: bookworm}\ndatastore: {type: mariadb, version: "10.11"}\nguestagent: {source: package}\n',
    'base: {distro: ubuntu, release: bionic}\ndatastore: {type: mysql, version: "5.7", runtime: native}\nguestagent: {source: git, ref: ussuri-eol}\n',
    'base: {distro: centos, release: "7"}\ndatastore: {type: mysql, version: "5.7"}\nguestagent: {source: rdo, release: train}\n',
    'base: {distro: ubuntu, release: jammy}\ndatastore: {type: postgresql}\nguestagent: {source: package}\nsystem: {packages: [htop, jq]}\n',
    'base: {distro: debian, release: bookwrm}\ndatastore: {type: redis}\nguestagent: {source: package, ref: x}\n',
  ];
  const out = [];
  for (let i = 0; i < n; i++) out.push(`tib: 1\nname: bench-${i}\n${shapes[i % shapes.length]}output: {sizeGb: ${3 + (i % 5)}}\n`);
  return out;
}

function benchNoop() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-bench-'));
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  const py = path.join(work, 'py', 'diskimage_builder');
  for (const e of ['debian-minimal', 'vm', 'cloud-init', 'openssh-server', 'cloud-init-datasources'])
    fs.mkdirSync(path.join(py, 'elements', e), { recursive: true });
  fs.writeFileSync(path.join(py, '__init__.py'), '');
  fs.writeFileSync(
    path.join(bin, 'disk-image-create'),
    `#!/usr/bin/env python3
import sys, os
if sys.argv[1:] == ['--version']:
    print('3.13.0'); sys.exit(0)
a = sys.argv[1:]; out = a[a.index('-o') + 1]
open(out + '.qcow2', 'w').write('bench image\\n')
`,
    { mode: 0o755 },
  );
  for (const t of ['debootstrap', 'qemu-img', 'sfdisk', 'mkfs.ext4'])
    fs.writeFileSync(path.join(bin, t), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PYTHONPATH: path.dirname(py), TIB_CACHE_DIR: path.join(work, 'cache') };
  const out = path.join(work, 'images');
  timeIt([tib, 'run', recipe, '--out', out], { env });
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(timeIt([tib, 'run', recipe, '--out', out], { env }));
  fs.rmSync(work, { recursive: true, force: true });
  return summary(times);
}
