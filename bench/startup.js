'use strict';
// Start-up of `tib compile` beside `node -e 0`, whatever command ran first after an
// install: each scenario gets its own empty cache directory (XDG_CACHE_HOME), runs its
// first command once, then `tib compile` RUNS times, alternating with `node -e 0`. Wall
// time is what a user waits; CPU time (user + system, reported by the process itself)
// says the same on a busy host, where wall times mostly measure the queue.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summary, round } = require('./stats');

const CPU_REPORT = path.join(__dirname, 'cpu-usage.js');
const FIRST = { 'compile first': ['compile'], '--help first': ['--help'], '--version first': ['--version'] };

function timeIt(args, cwd, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', CPU_REPORT, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: Number(/tib-bench-cpu-us (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000 };
}

exports.benchStartup = (tib, cwd, recipe, runs) => {
  const scenarios = Object.entries(FIRST).map(([name, first]) => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-bench-cache-'));
    const env = { ...process.env, XDG_CACHE_HOME: cache };
    timeIt([tib, ...first, ...(first[0] === 'compile' ? [recipe] : [])], cwd, env);
    return { name, env, cache, wall: [], cpu: [] };
  });
  const bare = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const b = timeIt(['-e', '0'], cwd, process.env);
    bare.wall.push(b.wall);
    bare.cpu.push(b.cpu);
    for (const s of scenarios) {
      const r = timeIt([tib, 'compile', recipe], cwd, s.env);
      s.wall.push(r.wall);
      s.cpu.push(r.cpu);
    }
  }
  const node = { wall: summary(bare.wall), cpu: summary(bare.cpu) };
  const result = { node, compile: {} };
  for (const s of scenarios) {
    const wall = summary(s.wall);
    const cpu = summary(s.cpu);
    result.compile[s.name] = { wall, cpu, ratio: round(wall.median / node.wall.median), cpuRatio: round(cpu.median / node.cpu.median) };
    fs.rmSync(s.cache, { recursive: true, force: true });
  }
  return result;
};
