/** An error answer from the API: its status, its code and the message meant for the officer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RawResponse {
  text: string;
  headers: Headers;
}

/** A body sent as is, not as JSON. */
class RawBody {
  constructor(
    readonly raw: string,
    readonly contentType: string,
  ) {}
}
const isRaw = (body: unknown): body is RawBody => body instanceof RawBody;

/** The CLI's only way to Saring: the HTTP API with the officer's bearer token. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    /** The bearer token: given, or the stored sign-in (refreshed when needed). */
    private readonly token: () => Promise<string>,
  ) {}

  async get<T>(pathname: string): Promise<T> {
    return JSON.parse((await this.request('GET', pathname)).text) as T;
  }

  /** `headers`: extra request headers, e.g. the step's Idempotency-Key (sent as given on every try). */
  async post<T>(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return JSON.parse((await this.request('POST', pathname, body, headers)).text) as T;
  }

  /** A raw body of another media type, e.g. an NDJSON batch; the answer parsed as JSON. */
  async postRaw<T>(pathname: string, body: string, contentType: string): Promise<T> {
    return JSON.parse((await this.request('POST', pathname, new RawBody(body, contentType))).text) as T;
  }

  /** The answer's bytes as sent (history exports must not be re-serialized). */
  async getRaw(pathname: string): Promise<RawResponse> {
    return this.request('GET', pathname);
  }

  private async request(
    method: string,
    pathname: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    const url = new URL(pathname, this.baseUrl);
    const token = await this.token();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          ...headers,
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined
            ? {}
            : { 'content-type': isRaw(body) ? body.contentType : 'application/json' }),
        },
        ...(body === undefined ? {} : { body: isRaw(body) ? body.raw : JSON.stringify(body) }),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ApiError(
        0,
        'unreachable',
        `cannot reach the Saring API at ${this.baseUrl} (${why}); check SARING_API_URL or --api`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      let code = `http_${response.status}`;
      let message = text.slice(0, 500) || response.statusText;
      try {
        const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
        code = parsed.error?.code ?? code;
        message = parsed.error?.message ?? message;
      } catch {
        // Not JSON: keep the text.
      }
      throw new ApiError(response.status, code, message);
    }
    return { text, headers: response.headers };
  }
}
