import { assertPublicHost } from './network-guard';

export interface BoundedFetchOptions {
  /** The whole exchange (DNS, connect, redirects, body) must finish within this. */
  timeoutMs: number;
  /** Body bytes kept; the rest is not read. */
  maxBytes: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** Allow loopback and private addresses (local servers, tests). Off for fetching reported URLs. */
  allowPrivateNetwork?: boolean;
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

/**
 * GET with hard limits, for URLs nobody vouches for: it never takes longer than timeoutMs (even if the
 * server sends headers and then stalls, or DNS hangs) and never holds more than maxBytes of body.
 * Redirects are followed by hand so each hop passes the network guard.
 */
export async function boundedFetch(url: string, options: BoundedFetchOptions): Promise<BoundedResponse> {
  const controller = new AbortController();
  const timeoutError = new FetchTimeoutError(`no complete answer from ${new URL(url).host} within ${options.timeoutMs} ms`);
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

async function fetchFollowing(start: string, options: BoundedFetchOptions, signal: AbortSignal): Promise<BoundedResponse> {
  const redirects: string[] = [];
  let current = new URL(start);
  for (;;) {
    if (!options.allowPrivateNetwork) await assertPublicHost(current);
    const response = await fetch(current, { method: 'GET', redirect: 'manual', headers: options.headers, signal });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects.length >= (options.maxRedirects ?? 5)) throw new Error(`more than ${options.maxRedirects ?? 5} redirects from ${start}`);
      current = new URL(location, current);
      redirects.push(current.toString());
      continue;
    }
    const { body, truncated } = await readCapped(response, options.maxBytes);
    return { url: current.toString(), status: response.status, headers: Object.fromEntries(response.headers), body, truncated, redirects };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<{ body: Uint8Array; truncated: boolean }> {
  if (!response.body) return { body: new Uint8Array(), truncated: false };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      size += room;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body, truncated };
}
