import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** An error with an HTTP status and a stable machine code; the message tells the caller what to do. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, 'body_too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** Parses with zod; on failure a 400 listing every problem by field, and nothing is changed. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(body)',
      message: i.message,
    }));
    throw new HttpError(
      400,
      'invalid_input',
      `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. Fix these fields and send again; nothing was changed.`,
      issues,
    );
  }
  return parsed.data;
}

/** The query string as a plain object (last value wins), for parsing with a zod schema. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRawJson(res, status, JSON.stringify(body));
}

/** JSON text sent as it is (e.g. a history whose bytes must stay Temporal's own). */
export function sendRawJson(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...API_HEADERS, ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, {
      error: { code: error.code, message: error.message, details: error.details },
    });
    return;
  }
  console.error('api: unexpected error', error);
  sendJson(res, 500, {
    error: {
      code: 'internal',
      message:
        'Something went wrong on the server; the error is logged. Try again, or tell the platform team.',
    },
  });
}

export type RouteParams = Record<string, string>;
export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
  url: URL,
) => Promise<void>;

interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** A minimal router: paths like /api/cases/:caseId/actions/:action. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const source = path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ method, path, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  match(
    method: string,
    pathname: string,
  ): { handler: Handler; params: RouteParams; route: string } | 'method_not_allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: RouteParams = {};
      route.keys.forEach((key, index) => (params[key] = decodeParam(match[index + 1]!)));
      return { handler: route.handler, params, route: route.path };
    }
    return pathMatched ? 'method_not_allowed' : undefined;
  }
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(
      400,
      'invalid_path',
      `The path segment ${JSON.stringify(raw)} is not valid percent-encoding.`,
    );
  }
}
