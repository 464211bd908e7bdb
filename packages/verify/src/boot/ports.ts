/** Loopback ports for the boot test: free ones for QEMU's forwards, and what answers on them. */
import * as net from 'node:net';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for QEMU). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The first line the guest's sshd sends through the forward ("SSH-2.0-OpenSSH_…"), if any. */
export function sshBanner(port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (value: string | undefined): void => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const nl = data.indexOf('\n');
      if (nl >= 0) done(data.slice(0, nl).trim().slice(0, 80));
    });
    socket.on('error', () => done(undefined));
    socket.on('close', () => done(data.trim() ? data.trim().slice(0, 80) : undefined));
  });
}
