#!/usr/bin/env node
// shellcheck over every shell script tib ships or runs: .ci/run, scripts/**/*.sh and
// the element scripts under elements/ (files with a sh/bash shebang, and *.bash files
// that DIB sources). The compiled build scripts are checked by the tests, which
// compile them first (packages/cli/test/compile-golden.test.ts).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const isShell = (file) =>
  file.endsWith('.sh') || file.endsWith('.bash') || /^#!\/(usr\/bin\/env |bin\/)(ba)?sh\b/.test(fs.readFileSync(file, 'utf8'));
const below = (dir) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter(isShell)
    .sort();

let failed = false;
const check = (files, cwd) => {
  const r = spawnSync('shellcheck', ['-x', '-S', 'style', ...files], { cwd, stdio: 'inherit' });
  if (r.error) {
    console.error(`lint:shell: cannot run shellcheck: ${r.error.message} (scripts/setup-host.sh installs it)`);
    process.exit(2);
  }
  if (r.status !== 0) failed = true;
};
check([path.join(root, '.ci/run'), ...below('scripts')], root);
// Element scripts source their siblings relative to elements/, as DIB lays them out.
check(below('elements'), path.join(root, 'elements'));
process.exit(failed ? 1 : 0);
