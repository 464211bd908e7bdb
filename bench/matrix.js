#!/usr/bin/env node
// npm run bench:matrix (as root, on a prepared DIB host; slow: a dozen real builds).
// The native reference images and the container ones built together by one `tib run`,
// side by side with one image built alone:
//   one   tib run R1 --layers never           one native image, alone
//   cold  tib run ALL                          no layer and no image yet
//   warm  tib run ALL --force                  layers kept, every image built again
// Prints each image's (and layer's) time and the ratio total / one image against the
// target 1 + 0.4·N (N distinct images). Results in bench/results/matrix.json.
// BENCH_RECIPES (space-separated) replaces the recipe list; BENCH_JOBS is tib run's --jobs;
// BENCH_ALONE=all also builds every recipe alone; BENCH_WORK keeps DIB's download caches
// (debootstrap tarballs, apt archives) between bench runs.
// Each tib run holds the machine's heavy-job lock (/tmp/tib-heavy.lock) while it builds.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { clock, imageNameOf } = require('./matrix-report');

const root = path.resolve(__dirname, '..');
const tib = path.join(root, 'packages/cli/bin/tib.js');
// Agents from a local tree first: the first is the one image built alone.
const NATIVE = fs
  .readdirSync(path.join(root, 'test-fixtures/matrix'))
  .filter((f) => f.endsWith('.yaml'))
  .sort((a, b) => Number(a.includes('-git')) - Number(b.includes('-git')) || (a < b ? -1 : 1))
  .map((f) => `test-fixtures/matrix/${f}`);
const CONTAINER = ['recipes/debian-bookworm-container.yaml'];
const recipes = process.env.BENCH_RECIPES ? process.env.BENCH_RECIPES.split(/\s+/).filter(Boolean) : [...NATIVE, ...CONTAINER];
const work = process.env.BENCH_WORK || '/var/tmp/tib-bench-matrix';
const run = new Date().toISOString().replace(/[:.]/g, '-');
// DIB's own caches (debootstrap tarballs, apt archives, datastore image archives) are
// kept between bench runs: "cold" means no layer and no image of tib's, not an empty
// download cache, which would measure the mirror rather than tib.
const dibCacheWarm = fs.existsSync(path.join(work, 'dib-cache'));
const dirs = {
  dib: path.join(work, 'dib-cache'),
  tib: path.join(work, run, 'tib-cache'),
  one: path.join(work, run, 'one'),
  all: path.join(work, run, 'all'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const env = { ...process.env, DIB_IMAGE_CACHE: dirs.dib, TIB_CACHE_DIR: dirs.tib };

if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  console.error('bench:matrix builds images: run it as root');
  process.exit(2);
}
spawnSync(path.join(root, 'scripts/ci/fixture-git-repo.sh'), { stdio: 'inherit' });

/**
 * One tib run under the heavy-job lock; its wall seconds from the moment the lock is held
 * (waiting for other jobs is not tib's time).
 */
function tibRun(args, label) {
  process.stderr.write(`\n=== ${label}: tib run ${args.join(' ')}\n`);
  const stamp = path.join(work, run, 'started');
  const r = spawnSync(
    'flock',
    ['/tmp/tib-heavy.lock', 'bash', '-c', 'date +%s.%N > "$1"; shift; exec "$@"', 'timed', stamp, process.execPath, tib, 'run', ...args],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const seconds = Date.now() / 1000 - Number(fs.readFileSync(stamp, 'utf8'));
  if (r.status !== 0) throw new Error(`${label}: tib run exited ${r.status}`);
  return seconds;
}

const manifest = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
const nameOf = (recipe) => imageNameOf(path.join(root, recipe));

/** Per image: its build's seconds (0 for a copy), and per layer built in this run. */
function times(outDir, since) {
  const images = recipes.map((r) => {
    const m = manifest(path.join(outDir, `${nameOf(r)}.manifest.json`));
    const fresh = m && Date.parse(m.finishedAt) >= since;
    return {
      name: nameOf(r),
      seconds: !fresh ? null : m.sameAs ? 0 : m.timings.totalSeconds,
      layered: Boolean(m?.layer),
      copy: Boolean(m?.sameAs),
    };
  });
  const layersDir = path.join(dirs.tib, 'layers');
  const layers = (fs.existsSync(layersDir) ? fs.readdirSync(layersDir) : []).flatMap((key) => {
    const dir = path.join(layersDir, key);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.manifest.json'));
    const m = file && manifest(path.join(dir, file));
    return m
      ? [{ name: file.replace(/\.manifest\.json$/, ''), seconds: Date.parse(m.finishedAt) >= since ? m.timings.totalSeconds : null }]
      : [];
  });
  return { images, layers };
}

// BENCH_ALONE=all builds every recipe alone as well (the way without a matrix); the
// first native one alone is "one image" either way.
const first = NATIVE.find((r) => recipes.includes(r)) ?? recipes[0];
const aloneList = process.env.BENCH_ALONE === 'all' ? [first, ...recipes.filter((r) => r !== first)] : [first];
const alone = new Map(aloneList.map((r) => [nameOf(r), tibRun([r, '--layers', 'never', '--out', dirs.one], `${nameOf(r)} alone`)]));
const oneWall = alone.get(nameOf(first));
const one = manifest(path.join(dirs.one, `${nameOf(first)}.manifest.json`)).timings.totalSeconds;
const aloneTotal = aloneList.length === recipes.length ? [...alone.values()].reduce((a, b) => a + b, 0) : undefined;

let t = Date.now();
const jobs = process.env.BENCH_JOBS ? ['--jobs', process.env.BENCH_JOBS] : [];
const coldWall = tibRun([...recipes, ...jobs, '--out', dirs.all], 'cold matrix');
const cold = times(dirs.all, t);
t = Date.now();
const warmWall = tibRun([...recipes, ...jobs, '--out', dirs.all, '--force'], 'warm matrix');
const warm = times(dirs.all, t);

const distinct = cold.images.filter((i) => !i.copy).length;
const target = 1 + 0.4 * distinct;
const rows = [
  ...cold.layers.map((l) => [l.name, null, l.seconds, warm.layers.find((w) => w.name === l.name)?.seconds ?? null]),
  ...cold.images.map((i, k) => [
    `${i.name}${i.copy ? ' (copy)' : i.layered ? ' (leaf)' : ''}`,
    alone.get(i.name) ?? null,
    i.seconds,
    warm.images[k]?.seconds ?? null,
  ]),
];
const lines = [
  `${'build'.padEnd(48)} ${'alone'.padStart(7)} ${'cold'.padStart(7)} ${'warm'.padStart(7)}`,
  ...rows.map(([n, a, c, w]) => `${String(n).padEnd(48)} ${clock(a).padStart(7)} ${clock(c).padStart(7)} ${clock(w).padStart(7)}`),
  `${'tib run wall time'.padEnd(48)} ${clock(aloneTotal ?? oneWall).padStart(7)} ${clock(coldWall).padStart(7)} ${clock(warmWall).padStart(7)}`,
  '',
  `one image alone: ${clock(oneWall)} (${nameOf(first)}); N = ${distinct} distinct images; target ratio <= 1 + 0.4*N = ${target.toFixed(1)}`,
  `DIB's download caches (${dirs.dib}): ${dibCacheWarm ? 'kept from an earlier run' : 'empty at the start (the first image paid for them)'}`,
  `ratio total / one image: cold ${(coldWall / oneWall).toFixed(2)}, warm ${(warmWall / oneWall).toFixed(2)}`,
  ...(aloneTotal
    ? [
        `every image alone: ${clock(aloneTotal)}, ${(aloneTotal / oneWall).toFixed(2)} one images; the matrix takes ${((100 * coldWall) / aloneTotal).toFixed(0)}% of that cold, ${((100 * warmWall) / aloneTotal).toFixed(0)}% warm`,
        `ratio total / the mean image alone: cold ${((coldWall * recipes.length) / aloneTotal).toFixed(2)}, warm ${((warmWall * recipes.length) / aloneTotal).toFixed(2)}`,
      ]
    : []),
  `(one image built alone, N times, would be ${distinct}.0; "-" in the warm column is a layer that was up to date)`,
];
console.log(`\n${lines.join('\n')}`);
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(__dirname, 'results', 'matrix.json'),
  `${JSON.stringify({ recipes, distinct, target, dibCacheWarm, oneImage: { recipe: first, wallSeconds: oneWall, dibSeconds: one }, alone: Object.fromEntries(alone), aloneTotal: aloneTotal ?? null, jobs: process.env.BENCH_JOBS ?? '1', cold: { wallSeconds: coldWall, ...cold }, warm: { wallSeconds: warmWall, ...warm }, ratio: { cold: coldWall / oneWall, warm: warmWall / oneWall } }, null, 2)}\n`,
);
