import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalHttpServer {
  url: string;
  port: number;
  /** Requests per path, to prove what was (or was not) fetched. */
  hits: Map<string, number>;
  /** Stops at once: open sockets (hanging responses included) are destroyed. */
  stop(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (free port) that counts requests per path before `handle` answers them. */
export async function startLocalHttpServer(
  handle: (url: URL, req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<LocalHttpServer> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    handle(url, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
