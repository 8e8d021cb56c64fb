import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { withRequestSpan } from '../../../observability/http-span';
import { startTracing, type Tracing } from '../../../observability/tracing';

/** The framework-neutral form: one call per request, the handler's status ends the span. */
describe('withRequestSpan', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(() => {
    tracing = startTracing('saring-api-test', { exporter: 'given', spanExporter: exporter })!;
  });
  afterAll(async () => {
    await tracing?.shutdown();
  });
  beforeEach(() => exporter.reset());

  it('runs the handler inside a server span named by route, ended with the status it returns', async () => {
    const status = await withRequestSpan('POST', '/api/detections', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      trace
        .getTracer('test')
        .startActiveSpan('SignalWithStartWorkflow:ContentCaseWorkflow', (span) => span.end());
      return 202;
    });
    expect(status).toBe(202);
    const request = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER)!;
    const child = exporter.getFinishedSpans().find((span) => span.name.startsWith('SignalWithStart'))!;
    expect(request.name).toBe('POST /api/detections');
    expect(request.attributes['http.response.status_code']).toBe(202);
    expect(child.parentSpanId).toBe(request.spanContext().spanId);
  });

  it('ends the span as a 500 error when the handler throws, and rethrows', async () => {
    await expect(
      withRequestSpan('GET', '/api/cases', async () => {
        throw new Error('temporal unavailable');
      }),
    ).rejects.toThrow('temporal unavailable');
    const [request] = exporter.getFinishedSpans();
    expect(request!.status.code).toBe(SpanStatusCode.ERROR);
    expect(request!.attributes['http.response.status_code']).toBe(500);
  });
});
