import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../../cli/main';
import { CaseState } from '../../../domain';
import { sampleCaseState } from '../../support/cli/sample-case-state';

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The state a step's update returns: accepted in verification, before the workflow moves the case on. */
const answered = CaseState.parse({
  ...sampleCaseState,
  stage: 'verification',
  timeline: [
    {
      seq: 7,
      at: '2025-11-20T08:30:00.000Z',
      action: 'verdict_submitted',
      actor: { officerId: 'siti.verifier', role: 'verifier' },
      summary: 'hoax [HOAKS]',
    },
  ],
});

describe('saring case act: the request it sends (a real HTTP server records it)', () => {
  const requests: Recorded[] = [];
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answered));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function act(step: string, payload: unknown): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['case', 'act', sampleCaseState.caseId, step, '--json', JSON.stringify(payload)],
      { SARING_API_URL: baseUrl, SARING_TOKEN: 'token-of-siti-verifier-0123' },
      { out: (text) => out.push(text), err: (text) => err.push(text) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('sends a fresh Idempotency-Key with each step, and prints what the step recorded without a stale stage', async () => {
    const verdict = { verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['Dinkes: tidak benar'] } };
    const first = await act('submitVerdict', verdict);
    const second = await act('assignVerifier', { assignee: 'siti.verifier' });

    expect(first).toEqual({
      code: 0,
      out: `ok: submitVerdict on ${sampleCaseState.caseId}\nlast timeline entry: verdict_submitted: hoax [HOAKS]`,
      err: '',
    });
    expect(second.code).toBe(0);
    expect(requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', `/api/cases/${sampleCaseState.caseId}/actions/submitVerdict`],
      ['POST', `/api/cases/${sampleCaseState.caseId}/actions/assignVerifier`],
    ]);
    expect(JSON.parse(requests[0]!.body)).toEqual(verdict);
    const keys = requests.map((request) => request.headers['idempotency-key']);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(requests[0]!.headers.authorization).toBe('Bearer token-of-siti-verifier-0123');
  });
});
