import type { BatchAnswer } from '../../../api/routes/batch-detection-routes';
import { uniqueUrl } from '../../support/case-test-kit';
import { startApiTestEnv, type ApiTestEnv, type ErrorBody } from '../../support/api/api-test-kit';

/** POST /api/detections/batch: NDJSON, streamed, one result per line, never all-or-nothing. */
describe('API: batch detections as NDJSON (real dev server, real workflows)', () => {
  let env: ApiTestEnv;

  beforeAll(async () => {
    env = await startApiTestEnv({ batchLimits: { maxLines: 6, maxLineBytes: 4096, concurrency: 4 } });
  });
  afterAll(async () => {
    await env?.stop();
  });

  const postBatch = async (
    body: string | ReadableStream<Uint8Array>,
    contentType = 'application/x-ndjson',
    token: string | undefined = env.tokens.verifier,
  ) => {
    const response = await fetch(`${env.baseUrl}/api/detections/batch`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    });
    return { status: response.status, body: await response.json() };
  };
  const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

  it('answers each line on its own: good lines open cases, bad lines name their line number', async () => {
    const first = uniqueUrl('www.facebook.com', 'batch-a');
    const second = uniqueUrl('www.tiktok.com', 'batch-b');
    const body = [
      line({ url: first, detectionId: 'crawl-1', suggestedCategory: 'online_gambling' }),
      '{"url": "https://x.com/oops", ',
      line({ url: second }),
      '',
      line({ url: second, detectionId: 'crawl-2', source: 'crawler' }),
      line({ url: first, detectionId: 'crawl-1' }),
    ].join('\n');
    const { status, body: answer } = await postBatch(body);
    expect(status).toBe(200);
    const { results, accepted, rejected, lines } = answer as BatchAnswer;
    expect({ lines, accepted, rejected }).toEqual({ lines: 6, accepted: 2, rejected: 3 });
    expect(results.map((result) => result.line)).toEqual([1, 2, 3, 5, 6]);
    expect(results[1]).toMatchObject({
      error: { code: 'invalid_json', message: 'Line 2 is not valid JSON.' },
    });
    expect(results[2]).toMatchObject({ error: { code: 'invalid_input' } });
    expect(JSON.stringify(results[2])).toContain('detectionId');
    expect(JSON.stringify(results[3])).toMatch(/Line 5: .*source/);
    const firstCase = (results[0] as { caseId: string }).caseId;
    expect(results[4]).toMatchObject({ caseId: firstCase });
    // The repeat (same detectionId) counts once on the case.
    const state = await env.waitForState(
      firstCase,
      (s) => s.detections.count + s.detections.duplicates >= 2,
      `${firstCase} has both deliveries`,
    );
    expect(state.detections).toMatchObject({ count: 1, duplicates: 1 });
  });

  it('reads no more than the line limit and says where it stopped', async () => {
    const body = Array.from({ length: 8 }, (_, i) =>
      line({ url: uniqueUrl('www.youtube.com', `limit-${i}`), detectionId: `limit-${i}` }),
    ).join('\n');
    const { status, body: answer } = await postBatch(body);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ lines: 6, accepted: 6, rejected: 0, truncatedAtLine: 7 });
  });

  it('skips a line over the byte limit without holding it, streamed in pieces, and keeps the rest', async () => {
    const encoder = new TextEncoder();
    const good = line({ url: uniqueUrl('www.instagram.com', 'after-huge'), detectionId: 'after-huge' });
    const pieces = [
      '{"text": "',
      ...Array.from({ length: 40 }, () => 'x'.repeat(50_000)),
      '", "detectionId": "huge"}\n',
      `${good}\n`,
    ];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(encoder.encode(next));
      },
    });
    const { status, body: answer } = await postBatch(stream);
    expect(status).toBe(200);
    const { results } = answer as BatchAnswer;
    expect(results[0]).toMatchObject({ line: 1, error: { code: 'line_too_long' } });
    expect(results[1]).toMatchObject({ line: 2, caseId: expect.stringMatching(/^case-/) });
  });

  it('refuses a body that is not NDJSON with 415, and a caller without a token with 401', async () => {
    const json = await postBatch(line({ url: uniqueUrl('x.com', 'json') }), 'application/json');
    expect(json.status).toBe(415);
    expect((json.body as ErrorBody).error.message).toContain('application/x-ndjson');
    expect((await postBatch('hello', 'text/plain')).status).toBe(415);
    expect((await postBatch(line({ url: uniqueUrl('x.com', 'anon') }), undefined, '')).status).toBe(401);
  });

  it('refuses roles that may not submit detections (auditor) with 403 before reading the body', async () => {
    const answer = await postBatch(
      line({ url: uniqueUrl('x.com', 'auditor') }),
      undefined,
      env.tokens.auditor,
    );
    expect(answer.status).toBe(403);
  });
});
