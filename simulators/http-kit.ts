import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was none or it was not JSON. */
  json: unknown;
  /** The body as received, e.g. for signature checks. */
  raw: string;
}

export interface SimReply {
  status: number;
  /** Serialized as JSON unless `html` is set. */
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the path; capture groups are passed to the handler. */
  path: RegExp;
  handle(request: SimRequest, params: string[]): SimReply | Promise<SimReply>;
}

/** An outage switched on from outside (simulators/fault-switch.ts). */
export interface Faults {
  active(): boolean;
  statusCode(): number;
  route(): Route;
}

export interface RunningServer {
  /** http://host:port, without a trailing slash. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** A small JSON server on node:http, the common base of the simulators. */
export async function startJsonServer(
  routes: Route[],
  options: { host?: string; port?: number } = {},
  /** When given, POST /_faults switches an outage on (simulators/fault-switch.ts). */
  faults?: Faults,
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const all = faults ? [faults.route(), ...routes] : routes;
  const server = http.createServer((req, res) => {
    void dispatch(all, req, faults)
      .catch((error: unknown): SimReply => ({
        status: 500,
        body: { error: error instanceof Error ? error.message : String(error) },
      }))
      .then((reply) => send(res, reply));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function dispatch(routes: Route[], req: http.IncomingMessage, faults?: Faults): Promise<SimReply> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const raw = await readBody(req);
  if (faults?.active() && !url.pathname.startsWith('/_'))
    return { status: faults.statusCode(), body: { error: 'the simulator is down (fault injected)' } };
  let json: unknown;
  if (raw.length > 0) {
    try {
      json = JSON.parse(raw);
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
  }
  for (const route of routes) {
    if (route.method !== req.method) continue;
    const match = route.path.exec(url.pathname);
    if (match)
      return route.handle(
        { method: req.method, url, headers: req.headers, json, raw },
        match.slice(1).map(decodeURIComponent),
      );
  }
  return { status: 404, body: { error: `no route for ${req.method} ${url.pathname}` } };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, reply: SimReply): void {
  if (reply.html !== undefined) {
    res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', ...reply.headers });
    res.end(reply.html);
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

export function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
