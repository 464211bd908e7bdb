#!/usr/bin/env node
// Checks a tib manifest against the image files on disk: size, sha256, and the .sha256
// file beside each output. Used by .ci/run after the real build.
'use strict';
const fs = require('node:fs');
const crypto = require('node:crypto');

const m = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const o of m.outputs) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(o.path, 'r');
  const buf = Buffer.alloc(1 << 20);
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  fs.closeSync(fd);
  const sha = hash.digest('hex');
  if (sha !== o.sha256 || fs.statSync(o.path).size !== o.size) throw new Error(`manifest does not match ${o.path}`);
  if (fs.readFileSync(`${o.path}.sha256`, 'utf8') !== `${sha}  ${o.file}\n`) throw new Error(`${o.path}.sha256 does not match`);
  console.log(`manifest matches ${o.path}: ${o.size} bytes, sha256 ${sha}`);
}
console.log(`build took ${m.timings.totalSeconds} s; phases ${JSON.stringify(m.timings.phases)}`);
