#!/usr/bin/env node
'use strict';
// Starts tib from its one-file bundle (dist/tib.cjs) with a V8 code cache, so a start
// costs little more than `node -e 0` (npm run bench measures it; without the cache
// `tib compile` takes about twice as long as a bare node start).
//
// The cache is keyed by the bundle's content hash, the Node version and architecture, and
// the Node options: V8 checks only the source's length before using cached code, so a key
// on size or mtime could feed one build's code to another, and V8 rejects code cached
// under other flags. It holds what `tib compile` runs: only a successful compile writes
// it (atomically), because the cache covers just the functions the writing run compiled,
// and a cache written by `--help` would leave compile slow for good. Writing removes the
// caches of other tib builds and Node versions. Any problem with the cache (read-only
// home, a rejected file) only costs speed.
const fs = require('node:fs');
const path = require('node:path');

const WRITER = 'compile';

function loadBundle() {
  const file = path.join(__dirname, '..', 'dist', 'tib.cjs');
  let source;
  try {
    source = fs.readFileSync(file);
  } catch {
    return require('../dist/main.js'); // not bundled: the plain tsc output
  }
  const vm = require('node:vm');
  const Module = require('node:module');
  const os = require('node:os');
  const sha = (data) => require('node:crypto').createHash('sha256').update(data).digest('hex').slice(0, 16);
  const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tib', 'v8');
  const build = `tib-${sha(source)}-${process.version}-${process.arch}`;
  const options = [...process.execArgv, process.env.NODE_OPTIONS || ''].join('\0');
  const name = `${build}-${options === '' ? 'default' : sha(options).slice(0, 8)}.bin`;
  const cacheFile = path.join(cacheDir, name);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(bundle.exports, (id) => bundle.require(id), bundle, file, path.dirname(file));
  if ((cachedData === undefined || script.cachedDataRejected) && process.argv[2] === WRITER) {
    // On exit the cache also holds every function the command compiled.
    process.once('exit', (code) => {
      if (code === 0) writeCache(cacheDir, name, build, script);
    });
  }
  return bundle.exports;
}

function writeCache(cacheDir, name, build, script) {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const temp = path.join(cacheDir, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, path.join(cacheDir, name));
    for (const other of fs.readdirSync(cacheDir)) {
      // Other builds of tib or Node versions go, and temporary files a writer left behind;
      // caches of this build under other Node options stay, as does the temporary file of
      // a writer running right now.
      if (!other.startsWith('tib-')) continue;
      const file = path.join(cacheDir, other);
      const stale = other.endsWith('.tmp') ? Date.now() - fs.statSync(file).mtimeMs > 60000 : !other.startsWith(`${build}-`);
      if (stale) fs.rmSync(file, { force: true });
    }
  } catch {
    // no cache this time
  }
}

// ESM-only dependencies (execa) are imported through this module, which can import().
globalThis.__tibImportEsm = (id) => import(id);
loadBundle().run();
