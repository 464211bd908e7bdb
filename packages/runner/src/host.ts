import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * What pre-flight and doctor ask of the build host. An interface so the checks can be
 * table-tested with a fake host; `nodeBuildHost()` is the real one (short synchronous
 * probes with timeouts; the build itself is spawned by spawn-dib.ts).
 */
export interface BuildHost {
  uid(): number;
  /** Absolute path of a command on PATH (plus the sbin dirs DIB's sudo sees), or undefined. */
  which(command: string): string | undefined;
  /** Runs a short probe command; never throws. */
  exec(command: string, args: readonly string[], timeoutMs?: number): { status: number | null; stdout: string; stderr: string };
  readFile(file: string): string | undefined;
  exists(file: string): boolean;
  isDirectory(file: string): boolean;
  /** Size and modification time, or undefined when absent. */
  stat(file: string): { size: number; mtimeMs: number } | undefined;
  /** access(2) W_OK: also false on a read-only file system, even for root. */
  writable(dir: string): boolean;
  /** Free bytes on the file system holding `dir` (or its nearest existing parent). */
  freeBytes(dir: string): number | undefined;
  memAvailableBytes(): number | undefined;
  env: NodeJS.ProcessEnv;
}

export function nodeBuildHost(env: NodeJS.ProcessEnv = process.env): BuildHost {
  // The sbin directories are searched too: DIB's sudo calls see them (secure_path).
  const searchPath = [...(env['PATH'] ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'].filter(Boolean);
  const which = (command: string): string | undefined => {
    if (command.includes('/')) return fs.existsSync(command) ? command : undefined;
    for (const dir of searchPath) {
      const candidate = path.join(dir, command);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    return undefined;
  };
  return {
    env,
    uid: () => (typeof process.getuid === 'function' ? process.getuid() : -1),
    which,
    exec(command, args, timeoutMs = 15000) {
      const resolved = which(command);
      if (!resolved) return { status: null, stdout: '', stderr: `${command}: not found` };
      const r = spawnSync(resolved, [...args], { encoding: 'utf8', timeout: timeoutMs, env, stdio: ['ignore', 'pipe', 'pipe'] });
      return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error.message) : '') };
    },
    readFile(file) {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (file) => fs.existsSync(file),
    isDirectory(file) {
      try {
        return fs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    },
    stat(file) {
      try {
        const st = fs.statSync(file);
        return { size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
      } catch {
        return undefined;
      }
    },
    writable(dir) {
      try {
        fs.accessSync(dir, fs.constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    freeBytes(dir) {
      let d = path.resolve(dir);
      while (!fs.existsSync(d) && d !== path.dirname(d)) d = path.dirname(d);
      try {
        const s = fs.statfsSync(d);
        return s.bavail * s.bsize;
      } catch {
        return undefined;
      }
    },
    memAvailableBytes() {
      const m = /MemAvailable:\s+(\d+) kB/.exec(fs.readFileSync('/proc/meminfo', 'utf8'));
      return m?.[1] ? Number(m[1]) * 1024 : os.freemem();
    },
  };
}
