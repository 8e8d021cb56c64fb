import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A one-shot HTTP server on 127.0.0.1 that receives the sign-in redirect (RFC 8252 loopback) and
 * resolves with its query parameters.
 */
export async function startLoopbackReceiver(port: number): Promise<{
  redirectUri: string;
  received: Promise<URLSearchParams>;
  close(): void;
}> {
  let deliver!: (params: URLSearchParams) => void;
  const received = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/callback') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      url.searchParams.has('code')
        ? 'Signed in to Saring. You can close this tab and go back to the terminal.'
        : 'Sign-in failed; see the terminal.',
    );
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is taken: close what uses it, or pass --port <another> if your provider allows it.`,
            )
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return { redirectUri: `http://localhost:${actual}/callback`, received, close: () => server.close() };
}
