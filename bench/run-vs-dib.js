#!/usr/bin/env node
// npm run bench:build (as root, on a prepared DIB host; slow: 4 real builds or more).
// `tib run` beside a hand-written disk-image-create with the same elements, environment
// and warm caches, alternating, BENCH_PAIRS pairs (default 2): does tib add time to DIB's own?
// Target ratio (median tib / median DIB) <= 1.02. Results in bench/results/build.json.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summary, round } = require('./stats');

const root = path.resolve(__dirname, '..');
const tib = path.join(root, 'packages/cli/bin/tib.js');
const recipe = process.env.BENCH_RECIPE || 'recipes/debian-bookworm-mariadb.yaml';
const PAIRS = Number(process.env.BENCH_PAIRS || 2);
const work = fs.mkdtempSync(path.join('/var/tmp', 'tib-bench-build-'));

// The hand-written side: the plan's element tree written out once, its environment
// values exported, disk-image-create called directly — what an operator would script.
const core = require(path.join(root, 'packages/core/dist/index.js'));
const host = {
  readFile: (p) => {
    try {
      return fs.readFileSync(path.resolve(root, p), 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists: (p) => fs.existsSync(path.resolve(root, p)),
  listFiles: (d) => {
    const r = path.resolve(root, d);
    return fs.existsSync(r)
      ? fs
          .readdirSync(r, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(r, path.join(e.parentPath ?? e.path, e.name)))
          .sort()
      : undefined;
  },
};
const compiled = core.compilePlan({ recipePath: recipe, elementsDir: path.join(root, 'elements'), tibVersion: 'bench' }, host);
if (!compiled.ok) throw new Error(`${recipe} does not compile`);
const plan = compiled.plan;
const tree = path.join(work, 'elements');
for (const f of plan.elementTree) {
  const t = path.join(tree, f.path);
  fs.mkdirSync(path.dirname(t), { recursive: true });
  fs.writeFileSync(t, f.content, { mode: f.mode });
}
const env = { ...process.env, ELEMENTS_PATH: tree };
for (const e of plan.dib.environment) if (e.kind === 'value') env[e.name] = e.value;
if (plan.dib.environment.some((e) => e.kind !== 'value' && e.kind !== 'elements-path'))
  throw new Error('bench:build needs a recipe without secrets or inputs');
const elements = plan.dib.elements.map((e) => e.name);

function timed(cmd, args, opts) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} failed with ${r.status}`);
  return (Date.now() - t0) / 1000;
}

// Warm the caches (debootstrap tarball, apt archives) once, unmeasured; BENCH_WARM=0
// skips this when a build of the same recipe has just run.
if (process.env.BENCH_WARM !== '0') timed(process.execPath, [tib, 'run', recipe, '--out', path.join(work, 'warm'), '--force']);
const tibTimes = [];
const dibTimes = [];
for (let i = 0; i < PAIRS; i++) {
  const order = i % 2 === 0 ? ['tib', 'dib'] : ['dib', 'tib'];
  for (const which of order) {
    if (which === 'tib') tibTimes.push(timed(process.execPath, [tib, 'run', recipe, '--out', path.join(work, 'tib'), '--force']));
    else {
      fs.mkdirSync(path.join(work, 'dib'), { recursive: true });
      dibTimes.push(timed('disk-image-create', [...plan.dib.args, '-o', path.join(work, 'dib', plan.image.name), ...elements], { env }));
    }
  }
  console.log(`pair ${i + 1}: tib ${tibTimes[i]} s, disk-image-create ${dibTimes[i]} s`);
}
const result = {
  date: new Date().toISOString(),
  recipe,
  pairs: PAIRS,
  host: `${os.cpus().length} cpu`,
  tibRun: summary(tibTimes.map((s) => s * 1000)),
  diskImageCreate: summary(dibTimes.map((s) => s * 1000)),
};
result.ratio = round((result.tibRun.median / result.diskImageCreate.median) * 1000) / 1000;
console.log(JSON.stringify(result, null, 2));
console.log(
  `tib run median ${round(result.tibRun.median / 1000)} s vs disk-image-create ${round(result.diskImageCreate.median / 1000)} s: ratio ${result.ratio} (target <= 1.02)`,
);
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'build.json'), `${JSON.stringify(result, null, 2)}\n`);
fs.rmSync(work, { recursive: true, force: true });
