import * as fs from 'node:fs';

/**
 * Members of a process group, from /proc (Linux). Empty when /proc cannot tell.
 */
export function groupMembers(pgid: number): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Interrupts a DIB build. DIB pipes its own output through outfilter.py, which exits on
 * SIGINT; a DIB whose output pipe is gone dies of SIGPIPE in the middle of its EXIT-trap
 * cleanup and leaves its mounts behind (seen on DIB 3.13). So every member of DIB's group
 * gets the signal except the output filter, which ends by itself once DIB has cleaned up.
 */
export function interruptDib(pgid: number, signal: NodeJS.Signals): void {
  const members = groupMembers(pgid);
  if (members.length === 0) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
    return;
  }
  for (const pid of members) {
    if (/outfilter\.py/.test(commandLine(pid))) continue;
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
