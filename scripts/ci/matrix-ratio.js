#!/usr/bin/env node
// The matrix ratio of .ci/run (issue 14): the wall time of the one `tib run` that built the
// reference images, over the time of one image built alone by its compiled build.sh in
// the same minutes (so both met the same load), against the target 1 + 0.4·N (N distinct
// images). Prints each layer's and image's own build time from the manifests.
//
//   node scripts/ci/matrix-ratio.js --wall SECONDS --one SECONDS --one-name NAME OUT_DIR RECIPE...
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { clock, imageNameOf } = require('../../bench/matrix-report');

function parse(argv) {
  const o = { recipes: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--wall' || a === '--one' || a === '--one-name') o[a.slice(2)] = argv[++i];
    else if (o.out === undefined) o.out = a;
    else o.recipes.push(a);
  }
  const wall = Number(o.wall);
  const one = Number(o.one);
  if (!(wall > 0) || !(one > 0) || !o.out || o.recipes.length === 0 || !o['one-name']) {
    console.error('usage: matrix-ratio.js --wall SECONDS --one SECONDS --one-name NAME OUT_DIR RECIPE...');
    process.exit(2);
  }
  return { wall, one, oneName: o['one-name'], out: o.out, recipes: o.recipes };
}

function main() {
  const o = parse(process.argv.slice(2));
  const rows = [];
  const layers = new Map();
  let distinct = 0;
  for (const recipe of o.recipes) {
    const name = imageNameOf(recipe);
    const m = JSON.parse(fs.readFileSync(path.join(o.out, `${name}.manifest.json`), 'utf8'));
    if (m.sameAs) {
      rows.push([name, 'copy', 0]);
      continue;
    }
    distinct++;
    if (m.layer) layers.set(m.layer.key, [m.layer.name, 'layer', m.layer.seconds]);
    rows.push([name, m.layer ? 'leaf' : 'whole', m.timings.totalSeconds]);
  }
  const target = 1 + 0.4 * distinct;
  const ratio = o.wall / o.one;
  const lines = [
    `${'build'.padEnd(44)} ${'kind'.padEnd(6)} ${'time'.padStart(6)}`,
    ...[...layers.values(), ...rows].map(([n, k, s]) => `${n.padEnd(44)} ${k.padEnd(6)} ${clock(s).padStart(6)}`),
    `${'the matrix (one tib run, wall)'.padEnd(51)} ${clock(o.wall).padStart(6)}`,
    `${`one image alone (${o.oneName}, build.sh)`.padEnd(51)} ${clock(o.one).padStart(6)}`,
    `matrix ratio: ${ratio.toFixed(2)} one images for N = ${distinct} distinct images (target <= 1 + 0.4*N = ${target.toFixed(1)}; built one by one it would be about ${distinct})`,
  ];
  console.log(lines.join('\n'));
  // Printed, not enforced: both times follow the archive's speed of the day, and a CI that
  // fails on a slow mirror proves nothing about tib. npm run bench:matrix measures it apart.
  if (ratio > target) console.log(`over the target: ${ratio.toFixed(2)} > ${target.toFixed(1)}`);
}

main();
