#!/usr/bin/env node
// Builds the workspace (tsc -b). Run by `npm ci` through the root `prepare` script, so
// `npx tib` works right after install.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
process.exitCode = tsc.status ?? 1;
