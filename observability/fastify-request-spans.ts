import type { FastifyInstance, FastifyRequest } from 'fastify';
import { startRequestSpan, type RequestSpan } from './http-span';

/**
 * One server span per request for a Fastify app. Call it on the root instance before `ready()`/`listen()`
 * and before any route added directly on the root (routes inside `app.register(...)` scopes load at
 * `ready()`, so they are covered either way): the `onRoute` hook wraps each handler so it runs inside the
 * request's span (hooks alone cannot keep an async context across Fastify's lifecycle).
 */
export function registerRequestSpans(app: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, RequestSpan>();
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      const span = spans.get(request);
      return span ? span.run(() => handler.call(this, request, reply)) : handler.call(this, request, reply);
    };
  });
  app.addHook('onRequest', async (request) => {
    spans.set(request, startRequestSpan(request.method, request.routeOptions.url));
  });
  app.addHook('onResponse', async (request, reply) => {
    spans.get(request)?.end(reply.statusCode);
  });
  app.addHook('onRequestAbort', async (request) => {
    // 499: the client closed the connection before a response (nginx's convention).
    spans.get(request)?.end(499);
  });
}
