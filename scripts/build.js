#!/usr/bin/env node
// Builds the workspace: regenerate derived files (schema JSON, types, precompiled
// validator and templates), type-check and compile (tsc -b), then bundle the CLI into
// one file with esbuild so `tib` starts without resolving ~100 modules.
// Run by `npm ci` through the root `prepare` script, so `npx tib` works after install.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

// --check-generated (npm test's pretest): compare the generated files instead of writing
// them, and build on: rewriting them here would make the staleness test
// (packages/core/test/schema.test.ts) compare fresh files with themselves.
const root = path.resolve(__dirname, '..');
const checkGenerated = process.argv.includes('--check-generated');
const run = (args, { mayFail = false } = {}) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0 && !mayFail) process.exit(r.status ?? 1);
  return r.status === 0;
};
if (checkGenerated) {
  if (!run([path.join(__dirname, 'generate.js'), '--check'], { mayFail: true }))
    console.error('build: generated files are stale (run npm run gen); building with them as they are');
} else {
  run([path.join(__dirname, 'generate.js')]);
}
run([require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'tsconfig.json')]);
require('esbuild').buildSync({
  entryPoints: [path.join(root, 'packages/cli/dist/main.js')],
  outfile: path.join(root, 'packages/cli/dist/tib.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: require('./bundle-externals'),
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  legalComments: 'none',
});
