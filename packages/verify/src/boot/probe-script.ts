/**
 * The probe: test instrumentation that tib adds to the boot test, NOT part of what
 * Trove sends. It runs detached from cloud-init (so it can wait for the boot to finish
 * without blocking it) and prints `TIB-PROBE key=value` lines on the first serial port,
 * which QEMU writes to a file on the host. It only reads the guest's state.
 */
import type { Expectation } from '@tib/core';
import { shellQuote } from '@tib/core';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;

export const PROBE_PREFIX = 'TIB-PROBE';
export const PROBE_PATH = '/run/tib-verify/probe.sh';

/** What the agent logs when it cannot reach the message bus: oslo.messaging, and tib's stand-in agent. */
export const BUS_UNREACHABLE =
  'ECONNREFUSED|Connection refused|Connection failed|AMQP server on .* is unreachable|cannot connect to the message bus';

export interface ProbeSettings {
  readonly boot: AgentBoot;
  /** Files the config drive injected, to report their owner, mode and digest. */
  readonly injectedPaths: readonly string[];
  /** Seconds to wait for the boot to settle, then for the agent to reach the bus. */
  readonly settleSec: number;
  readonly agentWaitSec: number;
  /**
   * The controller conversation runs: the bus is reachable, so the probe does not wait for
   * the agent to fail at it, and it streams the agent's log and the database container's
   * output to the console (TIB-LOG lines) for the report's evidence.
   */
  readonly conversation?: boolean;
}

/** Prefix of the agent's and the database container's log lines on the console. */
export const LOG_PREFIX = 'TIB-LOG';

export function probeScript(s: ProbeSettings): string {
  const b = s.boot;
  const q = shellQuote;
  const lines = [
    '#!/bin/sh',
    "# tib verify probe (test instrumentation, not Trove's): reports guest state on ttyS0.",
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'export LC_ALL=C',
    `kv() { v=$(printf '%s' "$2" | tr -c '[:print:]' ' ' | cut -c1-400); printf '${PROBE_PREFIX} %s=%s\\n' "$1" "$v" > /dev/ttyS0; }`,
    'has_systemd() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }',
    'svc_active() { if has_systemd; then systemctl is-active "$1" 2>/dev/null; elif service "$1" status >/dev/null 2>&1; then echo active; else echo inactive; fi; }',
    'kv begin "$(cut -d. -f1 /proc/uptime)"',
    ...(s.conversation ? streamLogs(b) : []),
    // 1. Let the boot finish (a unit restarting in a loop can keep it "starting": bounded).
    `i=0; state=unknown`,
    `while [ "$i" -lt ${Math.ceil(s.settleSec / 2)} ]; do`,
    '  if has_systemd; then state=$(systemctl is-system-running 2>/dev/null); else state=$(runlevel 2>/dev/null); fi',
    '  case "$state" in running|degraded|N\\ [2345]) break ;; esac',
    '  sleep 2; i=$((i + 1))',
    'done',
    'kv system "$state"',
    'if has_systemd; then kv multi-user "$(systemctl is-active multi-user.target)"; kv failed-units "$(systemctl list-units --failed --plain --no-legend 2>/dev/null | awk \'{print $1}\' | tr \'\\n\' \' \')"; else kv multi-user "$(runlevel)"; fi',
    // 2. Network: an address on a NIC, the default route, and the DHCP client's lease.
    // NICs are the interfaces with a device behind them (not docker0, bridges or veths).
    'nics=""; for d in /sys/class/net/*; do [ -e "$d/device" ] && nics="$nics ${d##*/}"; done',
    'kv nics "$nics"',
    'addrs=""; for n in $nics; do a=$(ip -4 -o addr show dev "$n" scope global 2>/dev/null | awk \'{print $4}\' | tr \'\\n\' \' \'); [ -n "$a" ] && addrs="$addrs $n $a"; done',
    'kv ipv4 "$addrs"',
    'kv route "$(ip -4 route show default 2>/dev/null | head -n 1)"',
    // Lease files of dhclient (Debian ≤ 12, EL), dhcpcd (Debian 13's dhcpcd-base),
    // NetworkManager and systemd-networkd.
    'leases=""; for f in /var/lib/dhcp/*.leases /var/lib/dhclient/*.lease* /var/lib/dhcpcd/*.lease* /var/lib/NetworkManager/*.lease /run/systemd/netif/leases/*; do [ -s "$f" ] && leases="$leases $f"; done',
    'kv dhcp-lease "$leases"',
    'kv dhcp-client "$(command -v dhclient || command -v dhcpcd || command -v NetworkManager || echo none)"',
    // What brought the NICs up, for a network row that fails: every IPv4 route, the last
    // lines of ifupdown's and the DHCP client's journal.
    "kv routes \"$(ip -4 route show 2>/dev/null | tr '\\n' ';')\"",
    "if has_systemd; then kv net-journal \"$(journalctl -b -u networking -u 'ifup@*' -t dhcpcd -t dhclient -n 6 --no-pager -o cat 2>/dev/null | tr '\\n' ' ' | cut -c1-600)\"; fi",
    // 3. cloud-init and the files it wrote for "Trove".
    "kv cloud-init \"$(cloud-init status 2>/dev/null | tr '\\n' ' ')\"",
    'kv datasource "$(cat /run/cloud-init/cloud-id 2>/dev/null || cloud-id 2>/dev/null)"',
    ...s.injectedPaths.map(
      (p, i) =>
        `if [ -f ${q(p)} ]; then kv injected-${i} "$(stat -c '%U:%G %a' ${q(p)}) $(sha256sum ${q(p)} | cut -c1-64)"; else kv injected-${i} missing; fi`,
    ),
    // 4. The agent: wait until it has tried the (unreachable) bus, or time runs out.
    `log=${q(b.logFile)}; svc=${q(b.service)}; bus=${q(BUS_UNREACHABLE)}`,
    // The boot has settled: an agent that is not running by now will not start by itself.
    `i=0; while [ "$i" -lt ${s.conversation ? 5 : Math.ceil(s.agentWaitSec / 3)} ]; do`,
    '  grep -Eq "$bus" "$log" 2>/dev/null && break',
    '  case "$(svc_active "$svc")" in inactive|failed|unknown) [ "$i" -ge 2 ] && break ;; esac',
    '  sleep 3; i=$((i + 1))',
    'done',
    'sleep 3',
    'kv agent-active "$(svc_active "$svc")"',
    'if has_systemd; then kv agent-state "$(systemctl show -p ActiveState -p SubState -p NRestarts -p ExecMainStatus "$svc" 2>/dev/null | tr \'\\n\' \' \')"; fi',
    'kv agent-bus "$(grep -E "$bus" "$log" 2>/dev/null | tail -n 1)"',
    'kv agent-error "$(grep -E \'ERROR|CRITICAL|Error:|Traceback\' "$log" 2>/dev/null | grep -Ev "$bus" | tail -n 1)"',
    // The unit's last error line first (a crash loop's cause scrolls out of the last lines
    // once systemd restarts it), then its last lines.
    'if has_systemd; then kv agent-journal "$({ journalctl -u "$svc" --no-pager -o cat 2>/dev/null | grep -E \'Error|ERROR|CRITICAL|Traceback\' | tail -n 1; journalctl -u "$svc" -n 3 --no-pager -o cat 2>/dev/null; } | tr \'\\n\' \' \')"; fi',
    ...(b.docker ? [`kv docker-active "$(svc_active ${q(b.dockerService ?? 'docker')})"`] : []),
    ...(b.datastoreService ? [`kv datastore-active "$(svc_active ${q(b.datastoreService)})"`] : []),
    ...(b.datastorePackages ?? []).map(
      (p) =>
        `kv datastore-version "$(dpkg-query -W -f='\${Version}' ${q(p)} 2>/dev/null || rpm -q --qf '%{VERSION}-%{RELEASE}' ${q(p)} 2>/dev/null)"`,
    ),
    'kv sshd "$(svc_active ssh 2>/dev/null | grep -x active || svc_active sshd)"',
    'kv end "$(cut -d. -f1 /proc/uptime)"',
    // The log streamers live in the probe's transient unit: systemd stops every process of
    // a unit whose main process exits, so the probe stays until the guest is stopped.
    ...(s.conversation ? ['wait'] : []),
    '',
  ];
  return lines.join('\n');
}

/**
 * The cloud-config part that starts the probe: written to /run and launched detached
 * (systemd-run, or setsid where systemd is not PID 1) so cloud-init finishes the boot.
 */
export function probeCloudConfig(script: string): { runcmd: string[] } {
  const launch = [
    `mkdir -p ${PROBE_PATH.replace(/\/[^/]+$/, '')}`,
    `cat > ${PROBE_PATH} <<'TIB_PROBE_EOF'`,
    script.trimEnd(),
    'TIB_PROBE_EOF',
    `chmod 0700 ${PROBE_PATH}`,
    'if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1; then',
    `  systemd-run --unit=tib-verify-probe --no-block /bin/sh ${PROBE_PATH}`,
    'else',
    `  setsid /bin/sh ${PROBE_PATH} >/dev/null 2>&1 < /dev/null &`,
    'fi',
  ].join('\n');
  return { runcmd: [launch] };
}

/**
 * Background readers that copy the agent's log and the database container's output to the
 * serial console, each line prefixed and cut to printable text, for as long as the guest runs.
 */
function streamLogs(b: AgentBoot): string[] {
  const q = shellQuote;
  // Line-buffered all the way, or lines wait in pipe buffers until the guest stops.
  const clean = `stdbuf -oL tr -c '[:print:]\\n' ' ' | stdbuf -oL cut -c1-300`;
  return [
    `( i=0; while [ ! -f ${q(b.logFile)} ] && [ "$i" -lt 600 ]; do sleep 1; i=$((i + 1)); done; tail -n +1 -F ${q(b.logFile)} 2>/dev/null | ${clean} | sed -u 's/^/${LOG_PREFIX} agent /' > /dev/ttyS0 ) &`,
    ...(b.docker
      ? [
          // The follow ends when the container stops (a restart, a prepare that replaces
          // it); the next one starts where it ended, not from the container's first line.
          `( since=0; while :; do if docker inspect database >/dev/null 2>&1; then docker logs -f --since "$since" database 2>&1 | ${clean} | sed -u 's/^/${LOG_PREFIX} db /' > /dev/ttyS0; since=$(date +%s); fi; sleep 5; done ) &`,
        ]
      : []),
  ];
}
