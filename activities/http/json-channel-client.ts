import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { readCappedText } from './read-capped';

export interface ChannelEndpoint {
  /** Base URL of the channel's API, e.g. https://partner.example/saring/v1. */
  endpoint: string;
  /** Bearer token, when the channel wants one. */
  token?: string;
  timeoutMs: number;
  /** Largest answer read; a longer one is refused unread (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

/** Partner answers are small JSON documents (a ticket, a status); 1 MiB is generous. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** Failure types a workflow may want to tell apart (and list as non-retryable where they are). */
export const CHANNEL_FAILURES = {
  unavailable: 'ChannelUnavailable',
  rejected: 'ChannelRejected',
  unauthorized: 'ChannelUnauthorized',
  badResponse: 'ChannelBadResponse',
} as const;

/** Statuses worth retrying: timeouts, throttling and server-side trouble. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * JSON over HTTP to a partner channel. Every write carries an Idempotency-Key (the step's requestId),
 * so the receiver recognises a retried request and answers it with the first answer. Errors become
 * Temporal failures: transient ones retry, a refusal of the request itself does not.
 */
export class JsonChannelClient {
  constructor(
    private readonly name: string,
    private readonly config: ChannelEndpoint,
  ) {}

  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    idempotencyKey: string,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    return this.call('POST', path, schema, signal, { body: JSON.stringify(body), idempotencyKey });
  }

  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    return this.call('GET', path, schema, signal);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    signal: AbortSignal | undefined,
    write?: { body: string; idempotencyKey: string },
  ): Promise<z.output<S>> {
    const url = `${this.config.endpoint.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.config.token) headers.authorization = `Bearer ${this.config.token}`;
    if (write) {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = write.idempotencyKey;
    }
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    let response: Response;
    let text: string | undefined;
    const maxBytes = this.config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: write?.body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await readCappedText(response, maxBytes);
    } catch (error) {
      throw ApplicationFailure.retryable(
        `${this.name}: ${method} ${url} failed: ${(error as Error).message}`,
        CHANNEL_FAILURES.unavailable,
      );
    }
    if (text === undefined) {
      // Retryable within the retry policy's bounds: a proxy error page may be big; a partner that always answers this much needs a look.
      throw ApplicationFailure.retryable(
        `${this.name}: ${method} ${url} answered more than ${maxBytes} bytes; not read. Check the partner's endpoint, or raise maxResponseBytes in its channel config.`,
        CHANNEL_FAILURES.badResponse,
      );
    }
    if (!response.ok) {
      const detail = `${this.name}: ${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`;
      if (TRANSIENT.has(response.status))
        throw ApplicationFailure.retryable(detail, CHANNEL_FAILURES.unavailable);
      if (response.status === 401 || response.status === 403)
        throw ApplicationFailure.nonRetryable(detail, CHANNEL_FAILURES.unauthorized);
      throw ApplicationFailure.nonRetryable(detail, CHANNEL_FAILURES.rejected);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw ApplicationFailure.retryable(
        `${this.name}: ${method} ${url} did not answer JSON: ${text.slice(0, 200)}`,
        CHANNEL_FAILURES.badResponse,
      );
    }
    const parsed = schema.safeParse(json);
    // Retryable: a proxy or a half-deployed partner may answer oddly for a while; the retry policy bounds it.
    if (!parsed.success)
      throw ApplicationFailure.retryable(
        `${this.name}: unexpected answer from ${url}: ${parsed.error.message}`,
        CHANNEL_FAILURES.badResponse,
      );
    return parsed.data;
  }
}
