import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiDeps } from './api-deps';
import { caseErrorToHttp } from './case-errors';
import { HttpError, Router, sendError } from './http-kit';
import { registerCaseRoutes } from './routes/case-routes';
import { registerDetectionRoutes } from './routes/detection-routes';
import { registerMetaRoutes } from './routes/meta-routes';
import { registerPublicRoutes } from './routes/public-routes';
import { registerVocabularyRoutes } from './routes/vocabulary-routes';
import { consoleFiles } from './static-files';
import { startRequestSpan, type RequestSpan } from '../observability/http-span';

export interface ApiServerOptions {
  host: string;
  port: number;
  /** Serve the web console from this folder at `/`; omitted: API only. */
  consoleDir?: string;
  /** One line per request; off in tests. */
  accessLog?: (line: string) => void;
}

export interface RunningApi {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export function buildRouter(deps: ApiDeps): Router {
  const router = new Router();
  registerMetaRoutes(router, deps);
  registerVocabularyRoutes(router, deps);
  registerDetectionRoutes(router, deps);
  registerCaseRoutes(router, deps);
  registerPublicRoutes(router, deps);
  return router;
}

/** Tracking codes are the reporter's secret: they never reach a log. */
function loggablePath(pathname: string): string {
  return pathname.replace(/^(\/api\/public\/complaints\/).+$/, '$1<tracking code>');
}

export function createRequestListener(
  deps: ApiDeps,
  options: Pick<ApiServerOptions, 'consoleDir' | 'accessLog'> = {},
): http.RequestListener {
  const router = buildRouter(deps);
  const files = options.consoleDir ? consoleFiles(options.consoleDir) : undefined;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, span: RequestSpan): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const match = router.match(method, url.pathname);
    if (match === 'method_not_allowed')
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}.`);
    if (match) {
      span.setRoute(match.route);
      await match.handler(req, res, match.params, url);
      return;
    }
    if (method === 'GET' && !url.pathname.startsWith('/api/') && files?.serve(url.pathname, res)) return;
    throw new HttpError(
      404,
      'not_found',
      `Nothing at ${method} ${url.pathname}. The API lives under /api (see docs/officers.md).`,
    );
  }

  return (req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      options.accessLog?.(
        `${req.method} ${loggablePath(new URL(req.url ?? '/', 'http://localhost').pathname)} ${res.statusCode} ${Date.now() - started}ms`,
      );
    });
    // Tracing (a no-op when off): one server span per request, parent of the Temporal client's spans.
    const span = startRequestSpan(req.method ?? 'GET');
    res.on('close', () => span.end(res.statusCode));
    span.run(() => handle(req, res, span)).catch((error: unknown) => sendError(res, caseErrorToHttp(error)));
  };
}

export async function startApiServer(deps: ApiDeps, options: ApiServerOptions): Promise<RunningApi> {
  const server = http.createServer(createRequestListener(deps, options));
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
