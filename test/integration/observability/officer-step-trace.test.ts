import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '../../../observability/tracing';
import { uniqueUrl, waitFor } from '../../support/case-test-kit';
import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

/**
 * One officer step through the HTTP API, traced end to end with the production wiring (request span in
 * api/server.ts, the Temporal client, workflow and activity interceptors) into a real in-memory exporter.
 * assignVerifier is the step: its update handler sends the assignment notification (the notify activity).
 */
describe('tracing: an officer step from the API into the workflow and its activity', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let env: ApiTestEnv;

  beforeAll(async () => {
    tracing = startTracing('saring-test', { exporter: 'given', spanExporter: exporter })!;
    env = await startApiTestEnv({ tracing });
  });
  afterAll(async () => {
    await env?.stop();
    await tracing?.shutdown();
  });

  it('puts the request, the update, the update handler and the activity in one trace', async () => {
    const caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'trace'),
      text: 'Beredar kabar bantuan sosial palsu di Banjarmasin',
      region: 'banjarmasin',
    });
    exporter.reset();

    const response = await env
      .as('verifier')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    expect(response.status).toBe(200);

    const isStepRequest = (span: ReadableSpan) =>
      span.kind === SpanKind.SERVER &&
      span.attributes['http.route'] === '/api/cases/:caseId/actions/assignVerifier';
    // The activity runs after the update has returned; the workflow's StartActivity span ends (and leaves
    // the sandbox through the sink) only once the activity's result is back in the workflow.
    const trace = await waitFor(
      async () => {
        const request = exporter.getFinishedSpans().find(isStepRequest);
        if (!request) return [];
        return exporter
          .getFinishedSpans()
          .filter((span) => span.spanContext().traceId === request.spanContext().traceId);
      },
      (spans) =>
        ['RunActivity:notify', 'StartActivity:notify'].every((name) =>
          spans.some((span) => span.name === name),
        ),
      'the notify activity spans in the request trace',
      30_000,
    );

    const one = (name: string) => {
      const matching = trace.filter((span) => span.name === name);
      expect(matching.map((span) => span.name)).toEqual([name]);
      return matching[0]!;
    };
    const request = one('POST /api/cases/:caseId/actions/assignVerifier');
    const update = one('StartWorkflowUpdate:assignVerifier');
    const validator = one('ValidateUpdate:assignVerifier');
    const handler = one('HandleUpdate:assignVerifier');
    const schedule = one('StartActivity:notify');
    const activity = one('RunActivity:notify');

    const id = (span: ReadableSpan) => span.spanContext().spanId;
    expect(request.parentSpanId).toBeUndefined();
    expect(request.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 200,
    });
    expect(update.parentSpanId).toBe(id(request));
    expect(validator.parentSpanId).toBe(id(update));
    expect(handler.parentSpanId).toBe(id(update));
    // Workflow spans carry the workflow's info, added by the worker's sink as they leave the sandbox.
    expect(handler.attributes).toMatchObject({ workflowId: caseId, workflowType: 'ContentCaseWorkflowV2' });
    expect(schedule.parentSpanId).toBe(id(handler));
    expect(activity.parentSpanId).toBe(id(schedule));
    expect(activity.attributes).toMatchObject({ temporalWorkflowId: caseId });
    expect(new Set(trace.map((span) => span.resource.attributes['service.name']))).toEqual(
      new Set(['saring-test']),
    );
  });
});
