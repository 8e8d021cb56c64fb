import net from 'node:net';

export interface CountingServers {
  port: number;
  /** Connections accepted per listening address. */
  connections: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

/**
 * Plain TCP listeners on one port at several local addresses that only count connections (and close
 * them): the hostile targets a refused fetch must never reach. The first address picks the port.
 */
export async function startCountingServers(addresses: readonly string[], port = 0): Promise<CountingServers> {
  const connections = new Map<string, number>();
  const servers: net.Server[] = [];
  let chosen = port;
  for (const address of addresses) {
    const server = net.createServer((socket) => {
      connections.set(address, (connections.get(address) ?? 0) + 1);
      socket.destroy();
    });
    const listening = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        // A machine without IPv6 loopback: that trap is skipped (and said so); the IPv4 ones still count.
        if (address.includes(':') && ['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(error.code ?? '')) {
          console.warn(`counting server: ${address} is not available here (${error.code}); not trapping it`);
          resolve(false);
        } else reject(error);
      });
      server.listen(chosen, address, () => resolve(true));
    });
    if (!listening) continue;
    chosen = (server.address() as net.AddressInfo).port;
    servers.push(server);
  }
  return {
    port: chosen,
    connections,
    total: () => [...connections.values()].reduce((sum, count) => sum + count, 0),
    close: () =>
      Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      ).then(() => undefined),
  };
}
