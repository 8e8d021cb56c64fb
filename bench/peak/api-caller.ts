/** One HTTP call to the Saring API as a simulated officer or crawler, retried while the API is away. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface CallOptions {
  method: 'GET' | 'POST';
  url: string;
  token: () => Promise<string>;
  json?: unknown;
  ndjson?: string;
  idempotencyKey?: string;
  /** Extra request headers (e.g. `prefer`). */
  headers?: Record<string, string>;
  /** Network errors, 429 and 5xx are retried this long (the supervisor restarts a dead API within seconds). */
  retryForMs?: number;
}

export async function callApi(options: CallOptions): Promise<ApiAnswer> {
  const giveUpAt = Date.now() + (options.retryForMs ?? 120_000);
  let wait = 250;
  for (;;) {
    let failure: string;
    try {
      const headers: Record<string, string> = {
        ...options.headers,
        authorization: `Bearer ${await options.token()}`,
      };
      if (options.json !== undefined) headers['content-type'] = 'application/json';
      if (options.ndjson !== undefined) headers['content-type'] = 'application/x-ndjson';
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      const response = await fetch(options.url, {
        method: options.method,
        headers,
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        ...(options.ndjson !== undefined ? { body: options.ndjson } : {}),
        signal: AbortSignal.timeout(300_000),
      });
      const text = await response.text();
      if (response.status !== 429 && response.status < 500) {
        return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
      }
      failure = `${response.status} ${text.slice(0, 200)}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > giveUpAt) throw new Error(`${options.method} ${options.url} kept failing: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 5_000);
  }
}
