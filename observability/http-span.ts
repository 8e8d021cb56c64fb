import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';

const TRACER_NAME = 'saring-api';

/**
 * The server span of one HTTP request. Framework-neutral: start it when the request arrives, run the
 * handler inside it (so the Temporal client's spans become its children), end it with the status.
 * Spans are named by route template, never by the raw path: paths carry case ids and reporters'
 * tracking codes.
 */
export interface RequestSpan {
  /** The route template once the router knows it, e.g. `/api/cases/:caseId/actions/:updateName`. */
  setRoute(route: string): void;
  /** Runs `fn` with this span active. */
  run<T>(fn: () => T): T;
  /** Ends the span (once; later calls are ignored). 5xx marks it as an error. */
  end(statusCode: number): void;
}

export function startRequestSpan(method: string, route?: string): RequestSpan {
  const span: Span = trace.getTracer(TRACER_NAME).startSpan(route ? `${method} ${route}` : method, {
    kind: SpanKind.SERVER,
    attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}) },
  });
  const active = trace.setSpan(context.active(), span);
  let ended = false;
  return {
    setRoute(template) {
      span.updateName(`${method} ${template}`);
      span.setAttribute(ATTR_HTTP_ROUTE, template);
    },
    run: (fn) => context.with(active, fn),
    end(statusCode) {
      if (ended) return;
      ended = true;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
      if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/** One request as one call: `fn` runs inside the span, which ends with the status `fn` returns. */
export async function withRequestSpan(
  method: string,
  route: string,
  fn: () => Promise<number>,
): Promise<number> {
  const span = startRequestSpan(method, route);
  try {
    const status = await span.run(fn);
    span.end(status);
    return status;
  } catch (error) {
    span.end(500);
    throw error;
  }
}
