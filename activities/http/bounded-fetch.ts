import { fetch as undiciFetch, type Response as UndiciResponse } from 'undici';
import { EgressRefusedError, type EgressPolicy } from './egress-policy';
import { guardedAgent } from './guarded-agent';
import { checkHop, type ConnectProbe, type ResolveHost } from './network-guard';
import { readCapped } from './read-capped';

export interface BoundedFetchOptions {
  /** The whole exchange (DNS, connect, redirects, body) must finish within this. */
  timeoutMs: number;
  /** Body bytes kept; the rest is not read. */
  maxBytes: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** Where the fetch may connect; PRODUCTION_EGRESS for reported URLs. */
  policy: EgressPolicy;
  /** Host name resolution (default: the OS resolver). */
  resolve?: ResolveHost;
  /** Told of each address released for a connection (tests). */
  onConnect?: ConnectProbe;
  /** Cancels the fetch early, e.g. the activity's cancellation signal. */
  signal?: AbortSignal;
}

export interface BoundedResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** True when the body was longer than maxBytes and cut there. */
  truncated: boolean;
  redirects: string[];
}

export class FetchTimeoutError extends Error {
  override readonly name = 'FetchTimeoutError';
}

export const DEFAULT_MAX_REDIRECTS = 5;

/**
 * GET with hard limits, for URLs nobody vouches for: it never takes longer than timeoutMs (even if the
 * server sends headers and then stalls, or DNS hangs), never holds more than maxBytes of body, and
 * connects only where the egress policy allows. Redirects are followed by hand so each hop passes the
 * same checks (scheme, literal address, port; a host name's addresses at connect time).
 */
export async function boundedFetch(url: string, options: BoundedFetchOptions): Promise<BoundedResponse> {
  const first = checkHop(url, { policy: options.policy, resolve: options.resolve });
  const controller = new AbortController();
  const timeoutError = new FetchTimeoutError(
    `no complete answer from ${first.url.host} within ${options.timeoutMs} ms`,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timeoutError);
      reject(timeoutError);
    }, options.timeoutMs);
  });
  const onCancel = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const exchange = fetchFollowing(url, options, controller.signal);
  try {
    // The race makes the limit hard even where an abort is not honoured (a DNS lookup cannot be aborted).
    return await Promise.race([exchange, deadline]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    exchange.catch(() => undefined);
  }
}

async function fetchFollowing(
  start: string,
  options: BoundedFetchOptions,
  signal: AbortSignal,
): Promise<BoundedResponse> {
  const redirects: string[] = [];
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const context = { policy: options.policy, resolve: options.resolve, onConnect: options.onConnect };
  let next: string = start;
  for (;;) {
    const { url, port } = checkHop(next, context);
    const agent = guardedAgent(port, context, options.timeoutMs);
    try {
      const response = await send(url, agent, options.headers, signal);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (redirects.length >= maxRedirects)
          throw new EgressRefusedError('redirects', `more than ${maxRedirects} redirects from ${start}`);
        next = resolveLocation(location, url);
        redirects.push(next);
        continue;
      }
      const { body, truncated } = await readCapped(response, options.maxBytes);
      return {
        url: url.toString(),
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
        truncated,
        redirects,
      };
    } finally {
      agent.destroy().catch(() => undefined);
    }
  }
}

async function send(
  url: URL,
  agent: ReturnType<typeof guardedAgent>,
  headers: Record<string, string> | undefined,
  signal: AbortSignal,
): Promise<UndiciResponse> {
  try {
    return await undiciFetch(url, { method: 'GET', redirect: 'manual', headers, signal, dispatcher: agent });
  } catch (error) {
    // undici wraps connect errors in "fetch failed"; the guard's refusal is the one worth showing.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof EgressRefusedError) throw cause;
    throw error;
  }
}

/** A Location header as an absolute URL; one the parser refuses is a refusal of that hop. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    throw new EgressRefusedError('invalid_url', `redirect to ${location.slice(0, 200)} is not a valid URL`);
  }
}
