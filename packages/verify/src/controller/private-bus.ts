/**
 * A private RabbitMQ for one controller conversation: its own node name, ports, Erlang
 * port mapper, cookie, database and logs, all under the scratch directory and all on
 * 127.0.0.1, no plugins. Nothing system-wide is read or touched (no service, no
 * /etc/rabbitmq, no ~/.erlang.cookie, no default ports). Stopped by the scope.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { freeLoopbackPort } from '../boot/ports';
import { loadExeca, MissingToolError, ToolError } from '../exec';
import type { Scope } from '../scope';

export interface PrivateBus {
  /** The URL the controller side uses (127.0.0.1). */
  readonly url: string;
  readonly port: number;
  readonly user: string;
  /** The password is in the URL; the guest gets it in its injected config, as from Trove. */
  readonly password: string;
  readonly startSeconds: number;
  readonly logDir: string;
}

/** Where Debian's rabbitmq-server keeps the scripts that run a node without switching user. */
export const RABBITMQ_SCRIPTS = '/usr/lib/rabbitmq/bin';

export async function startPrivateBus(dir: string, scope: Scope, env: NodeJS.ProcessEnv, log: (l: string) => void): Promise<PrivateBus> {
  const server = path.join(RABBITMQ_SCRIPTS, 'rabbitmq-server');
  if (!fs.existsSync(server)) throw new MissingToolError('rabbitmq-server is not installed (apt install rabbitmq-server)');
  const epmd = ['/usr/bin/epmd', '/usr/lib/erlang/bin/epmd'].find((p) => fs.existsSync(p));
  if (!epmd) throw new MissingToolError('epmd (Erlang) is not installed; it comes with rabbitmq-server');
  const started = Date.now();
  for (const sub of ['mnesia', 'log', 'home']) fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o700 });
  const [port, epmdPort, distPort] = [await freeLoopbackPort(), await freeLoopbackPort(), await freeLoopbackPort()];
  if (new Set([port, epmdPort, distPort]).size !== 3) throw new ToolError('could not find three free loopback ports for the private bus');
  const user = 'tib';
  const password = randomBytes(15).toString('base64url');
  fs.writeFileSync(
    path.join(dir, 'rabbitmq.conf'),
    [
      'default_vhost = /',
      `default_user = ${user}`,
      `default_pass = ${password}`,
      'default_permissions.configure = .*',
      'default_permissions.read = .*',
      'default_permissions.write = .*',
      'log.console = false',
      'log.file.level = info',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  fs.writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');

  const { execa } = await loadExeca();
  const base = { PATH: env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  // Its own port mapper on loopback, so the node never registers with a system one.
  const mapper = execa(epmd, ['-port', String(epmdPort), '-address', '127.0.0.1'], {
    env: { ...base, ERL_EPMD_PORT: String(epmdPort) },
    extendEnv: false,
    stdio: 'ignore',
    reject: false,
  });
  scope.defer('stop the private bus port mapper', () => stopProcess(mapper, 3000));
  await waitForPort(epmdPort, 10_000, () => mapper.exitCode !== null, 'epmd');

  const node = execa(server, [], {
    env: {
      ...base,
      HOME: path.join(dir, 'home'),
      ERL_EPMD_PORT: String(epmdPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
      RABBITMQ_NODENAME: `tib${process.pid}@localhost`,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
      RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
      RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
      RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(dir, 'log'),
      RABBITMQ_PID_FILE: path.join(dir, 'rabbit.pid'),
    },
    extendEnv: false,
    stdin: 'ignore',
    stdout: { file: path.join(dir, 'log', 'stdout.log') },
    stderr: { file: path.join(dir, 'log', 'stderr.log') },
    reject: false,
  });
  // The start script traps TERM and stops the Erlang VM cleanly. Not detached: if tib
  // itself ends abruptly, execa still stops both on its way out.
  scope.defer('stop the private bus', () => stopProcess(node, 30_000));
  await waitForPort(port, 120_000, () => node.exitCode !== null, 'rabbitmq-server', path.join(dir, 'log'));
  const startSeconds = Math.round((Date.now() - started) / 100) / 10;
  log(`private RabbitMQ on 127.0.0.1:${port} after ${startSeconds} s`);
  return { url: `rabbit://${user}:${password}@127.0.0.1:${port}/`, port, user, password, startSeconds, logDir: path.join(dir, 'log') };
}

interface Child {
  readonly pid?: number | undefined;
  readonly exitCode: number | null | undefined;
  kill(signal?: NodeJS.Signals): boolean;
  then: PromiseLike<unknown>['then'];
}

async function stopProcess(child: Child, graceMs: number): Promise<void> {
  if (child.exitCode !== null && child.exitCode !== undefined) return;
  child.kill('SIGTERM');
  const done = await Promise.race([Promise.resolve(child).then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) child.kill('SIGKILL');
  await Promise.race([Promise.resolve(child), sleep(5000)]);
}

async function waitForPort(port: number, timeoutMs: number, exited: () => boolean, what: string, logDir?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    if (exited()) {
      const tail = logDir ? readTail(path.join(logDir, 'stderr.log')) : '';
      throw new ToolError(`${what} exited during start-up${tail ? `: ${tail}` : ''}`);
    }
    await sleep(250);
  }
  throw new ToolError(`${what} did not open 127.0.0.1:${port} within ${Math.round(timeoutMs / 1000)} s`);
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ').slice(0, 400);
  } catch {
    return '';
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
