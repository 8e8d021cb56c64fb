import type { Liveness } from '../../domain/channels';
import type { Platform } from '../../domain/places';
import { boundedFetch, FetchTimeoutError } from '../http/bounded-fetch';
import { EgressRefusedError, type EgressPolicy } from '../http/egress-policy';
import type { ResolveHost } from '../http/network-guard';
import { findUnavailableMarker } from './unavailable-pages';

export interface LivenessOptions {
  /** The content's platform, when known: only its own "unavailable" notices are believed. */
  platform?: Platform;
  timeoutMs: number;
  /** Unavailable notices sit near the top of a page; more than this is not read. */
  maxBytes: number;
  userAgent: string;
  /** Where the check may connect (production: public addresses, ports 80/443). */
  policy: EgressPolicy;
  resolve?: ResolveHost;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Status codes that say the content is gone: not found, gone, unavailable for legal reasons. */
const GONE_STATUSES = new Set([404, 410, 451]);

/**
 * Is the content still there? "gone" only on positive evidence (a gone status or a platform's
 * unavailable page); anything doubtful (timeouts, errors, login walls, 5xx) is "unknown", so a takedown
 * is never recorded as done by accident. Never throws for the URL's sake and never hangs.
 */
export async function checkLiveness(url: string, options: LivenessOptions): Promise<Liveness> {
  const checkedAt = () => (options.now?.() ?? new Date()).toISOString();
  try {
    const response = await boundedFetch(url, {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      policy: options.policy,
      resolve: options.resolve,
      signal: options.signal,
      headers: {
        'user-agent': options.userAgent,
        'accept-language': 'id,en;q=0.8',
        accept: 'text/html,*/*;q=0.5',
      },
    });
    const httpStatus = response.status;
    if (GONE_STATUSES.has(httpStatus))
      return { state: 'gone', httpStatus, reason: `HTTP ${httpStatus}`, checkedAt: checkedAt() };
    if (httpStatus >= 200 && httpStatus < 300) {
      const found = findUnavailableMarker(
        new TextDecoder('utf-8', { fatal: false }).decode(response.body),
        options.platform,
      );
      if (found)
        return {
          state: 'gone',
          httpStatus,
          reason: `unavailable page (${found.source}): "${found.marker}"`,
          checkedAt: checkedAt(),
        };
      if (/\/(accounts\/)?login\b|\/checkpoint\b/.test(new URL(response.url).pathname)) {
        return {
          state: 'unknown',
          httpStatus,
          reason: `redirected to a login page (${response.url})`,
          checkedAt: checkedAt(),
        };
      }
      return { state: 'up', httpStatus, reason: `HTTP ${httpStatus} with content`, checkedAt: checkedAt() };
    }
    return { state: 'unknown', httpStatus, reason: `HTTP ${httpStatus}`, checkedAt: checkedAt() };
  } catch (error) {
    const reason =
      error instanceof FetchTimeoutError
        ? `timeout after ${options.timeoutMs} ms`
        : error instanceof EgressRefusedError
          ? error.message
          : `fetch failed: ${describeError(error)}`;
    return { state: 'unknown', reason, checkedAt: checkedAt() };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}
