#!/usr/bin/env node
// Runs the steps of one job of a GitHub workflow that `tib matrix --emit github` wrote,
// here, as far as they can run without GitHub and without building: apt-get installs are
// simulated (--dry-run), `npm ci` too, `tib doctor` runs as written, `tib run` gets
// --dry-run, and each `uses:` step says what it would do (the checkout is this one).
//
//   node scripts/ci/run-workflow.js WORKFLOW.yml JOB [--json]
//
// Exit status: 0 when every step that ran succeeded (tib doctor only reports: a host that
// cannot build is what it is there to say).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { load } = require('js-yaml');

const [file, jobId] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const json = process.argv.includes('--json');
if (!file || !jobId) {
  console.error('usage: run-workflow.js WORKFLOW.yml JOB [--json]');
  process.exit(2);
}
const root = path.resolve(__dirname, '../..');
const workflow = load(fs.readFileSync(file, 'utf8'));
const job = workflow.jobs?.[jobId];
if (!job) {
  console.error(`run-workflow: no job ${jobId} in ${file} (jobs: ${Object.keys(workflow.jobs ?? {}).join(', ')})`);
  process.exit(2);
}
// The job's environment: the workflow's, with GitHub's expressions this script can answer.
const env = { ...process.env };
for (const [k, v] of Object.entries(workflow.env ?? {})) env[k] = String(v).replace('${{ github.workspace }}', root);

/** The command a `run:` step becomes here, and what it may do. */
function local(command) {
  return command
    .split('\n')
    .map((line) => {
      if (/^sudo apt-get update\b/.test(line)) return "echo 'apt-get update: skipped, the simulated install reads the lists this host has'";
      if (/^sudo apt-get install\b/.test(line)) return line.replace(/^sudo apt-get install/, 'apt-get install --dry-run');
      if (/^npm ci\b/.test(line)) return `${line} --dry-run --ignore-scripts --no-audit --no-fund`;
      if (/\btib run\b/.test(line)) return `${line} --dry-run`;
      if (/^sudo chown /.test(line)) return `${line} 2>/dev/null || echo 'nothing to hand to the cache: a dry run builds nothing'`;
      return line;
    })
    .join('\n');
}

const results = [];
for (const [i, step] of (job.steps ?? []).entries()) {
  const name = step.name ?? step.uses ?? `step ${i + 1}`;
  if (step.uses) {
    const what = step.uses.startsWith('actions/checkout')
      ? 'the workspace is this checkout'
      : step.uses.startsWith('actions/cache')
        ? `would ${step.uses.includes('/restore') ? 'restore' : 'restore and save'} ${step.with?.path} under key ${step.with?.key}`
        : step.uses.startsWith('actions/upload-artifact')
          ? `would upload ${String(step.with?.path).split('\n').join(', ')}`
          : 'not run here';
    results.push({ step: name, uses: step.uses, ran: false, what });
    continue;
  }
  const command = local(step.run);
  const t0 = Date.now();
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const reportOnly = /\btib doctor\b/.test(command);
  results.push({
    step: name,
    ran: true,
    command,
    exitCode: r.status,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    ok: r.status === 0 || reportOnly,
    output: `${r.stdout}${r.stderr}`.trim().split('\n').slice(-12).join('\n'),
  });
}
const ok = results.every((r) => !r.ran || r.ok);
if (json) process.stdout.write(`${JSON.stringify({ ok, job: jobId, steps: results }, null, 2)}\n`);
else {
  for (const r of results) {
    console.log(`== ${r.step}${r.ran ? ` (exit ${r.exitCode}, ${r.seconds} s)` : `: ${r.what}`}`);
    if (r.ran) console.log(`$ ${r.command}\n${r.output}`);
  }
  console.log(ok ? 'every step that can run here ran' : 'a step failed');
}
process.exit(ok ? 0 : 1);
