#!/usr/bin/env node
'use strict';
// Starts tib from its one-file bundle (dist/tib.cjs) with a V8 code cache kept in the
// user's cache directory, so a start costs little more than `node -e 0`. Any problem
// with the cache (read-only home, stale data) only costs speed: V8 verifies the data.
const fs = require('node:fs');
const path = require('node:path');

function loadBundle() {
  const file = path.join(__dirname, '..', 'dist', 'tib.cjs');
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return require('../dist/main.js'); // not bundled: the plain tsc output
  }
  const vm = require('node:vm');
  const Module = require('node:module');
  const os = require('node:os');
  const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tib', 'v8');
  const cacheFile = path.join(cacheDir, `tib-${process.version}-${stat.size}-${Math.floor(stat.mtimeMs)}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(bundle.exports, (id) => bundle.require(id), bundle, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the command ran, the cache also holds the functions it compiled.
    process.once('exit', () => {
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        fs.renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // no cache this time
      }
    });
  }
  return bundle.exports;
}

// ESM-only dependencies (execa) are imported through this module, which can import().
globalThis.__tibImportEsm = (id) => import(id);
loadBundle().run();
