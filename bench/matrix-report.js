'use strict';
// What the matrix benchmark and CI's matrix ratio (scripts/ci/matrix-ratio.js) both print.
const fs = require('node:fs');
const path = require('node:path');

/** The image a recipe file builds, as its manifest is named: its `name:`, else its file name. */
exports.imageNameOf = (file) => /^name:\s*(\S+)/m.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? path.basename(file, '.yaml');

/** Seconds as m:ss; "-" for a time not measured. */
exports.clock = (s) => {
  if (s === null || s === undefined) return '-';
  const r = Math.round(s);
  return `${Math.floor(r / 60)}:${String(r % 60).padStart(2, '0')}`;
};
