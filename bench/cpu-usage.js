'use strict';
// Preloaded (node -r) by bench/startup.js into every timed process: its own CPU time.
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, `\ntib-bench-cpu-us ${u.user + u.system}\n`);
});
