import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerRequestSpans } from '../../../observability/fastify-request-spans';
import { startTracing, type Tracing } from '../../../observability/tracing';

/**
 * The hook the Fastify API registers: a server span per request, active while the handler runs, so
 * the spans the handler starts (the Temporal client's StartWorkflowUpdate) become its children.
 */
describe('registerRequestSpans (Fastify)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let app: FastifyInstance;

  beforeAll(async () => {
    tracing = startTracing('saring-api-test', { exporter: 'given', spanExporter: exporter })!;
    // As the Fastify API builds itself: zod type provider, routes inside a registered plugin scope.
    const zodApp = Fastify().withTypeProvider<ZodTypeProvider>();
    void zodApp.register(async (scope) => {
      scope.post('/api/cases/:caseId/actions/:updateName', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        trace.getTracer('test').startActiveSpan('StartWorkflowUpdate:assignVerifier', (span) => span.end());
        return { ok: true };
      });
      scope.get('/api/boom', async () => {
        throw new Error('boom');
      });
    });
    // After building, before ready(): plugin scopes load at ready(), so their routes are still wrapped.
    registerRequestSpans(zodApp);
    app = zodApp;
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tracing?.shutdown();
  });
  beforeEach(() => exporter.reset());

  it('names the span by route template and makes it the parent of the handler’s spans', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/cases/case-abc/actions/assignVerifier',
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const child = spans.find((span) => span.name === 'StartWorkflowUpdate:assignVerifier')!;
    expect(request.name).toBe('POST /api/cases/:caseId/actions/:updateName');
    expect(request.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/api/cases/:caseId/actions/:updateName',
      'http.response.status_code': 200,
    });
    expect(JSON.stringify(request.attributes)).not.toContain('case-abc');
    expect(child.parentSpanId).toBe(request.spanContext().spanId);
    expect(child.spanContext().traceId).toBe(request.spanContext().traceId);
  });

  it('marks a 5xx as an error and still ends the span', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    const [request] = exporter.getFinishedSpans();
    expect(request).toMatchObject({ name: 'GET /api/boom', status: { code: SpanStatusCode.ERROR } });
    expect(request!.attributes['http.response.status_code']).toBe(500);
  });
});
