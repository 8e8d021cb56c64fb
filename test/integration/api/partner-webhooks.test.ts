import { LOCAL_OIDC_CLIENTS } from '../../../local/oidc/oidc-clients';
import type { BatchAnswer } from '../../../api/routes/batch-detection-routes';
import type { Partner } from '../../../api/partners/partner-config';
import { partnerSignatureHeader } from '../../../lib/partner-webhook-signature';
import { uniqueUrl } from '../../support/case-test-kit';
import { startApiTestEnv, type ApiTestEnv, type ErrorBody } from '../../support/api/api-test-kit';

const OLD_SECRET = 'old-secret-of-factcheck-net-0123456789';
const NEW_SECRET = 'new-secret-of-factcheck-net-9876543210';
const PARTNERS: Partner[] = [
  // Mid-rotation: both secrets accepted.
  {
    id: 'factcheck-net',
    machineClientId: LOCAL_OIDC_CLIENTS.partner,
    secrets: [Buffer.from(OLD_SECRET), Buffer.from(NEW_SECRET)],
  },
  // Another partner with its own client: factcheck-net's token cannot post as it.
  {
    id: 'agency-b',
    machineClientId: 'agency-b-client',
    secrets: [Buffer.from('agency-b-secret-0123456789abcdef0123')],
  },
  // The same machine client as factcheck-net (a desk of the same organisation), its own secret and limits.
  {
    id: 'regional-desk',
    machineClientId: LOCAL_OIDC_CLIENTS.partner,
    secrets: [Buffer.from('regional-desk-secret-0123456789abcdef')],
    platforms: ['tiktok'],
    regions: ['banjarmasin'],
  },
];

/** POST /api/partners/:partnerId/detections: partner token + HMAC signature over the raw body. */
describe('API: signed partner webhooks (real dev server, real workflows, real sign-in)', () => {
  let env: ApiTestEnv;
  let partnerToken: string;
  let crawlerToken: string;

  beforeAll(async () => {
    env = await startApiTestEnv({ partners: PARTNERS });
    [partnerToken, crawlerToken] = await Promise.all([
      env.oidc.machineToken('partner'),
      env.oidc.machineToken('crawler'),
    ]);
  });
  afterAll(async () => {
    await env?.stop();
  });

  const send = async (
    body: string,
    options: {
      partnerId?: string;
      contentType?: string;
      token?: string | null;
      signature?: string | null;
    } = {},
  ) => {
    const token = options.token === undefined ? partnerToken : options.token;
    const signature =
      options.signature === undefined ? partnerSignatureHeader([NEW_SECRET], body) : options.signature;
    const response = await fetch(
      `${env.baseUrl}/api/partners/${options.partnerId ?? 'factcheck-net'}/detections`,
      {
        method: 'POST',
        headers: {
          'content-type': options.contentType ?? 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(signature ? { 'x-saring-signature': signature } : {}),
        },
        body,
      },
    );
    return { status: response.status, body: await response.json() };
  };
  const codeOf = (answer: { body: unknown }) => (answer.body as ErrorBody).error.code;
  /** The case's detections: how many deliveries counted, and who reported them. */
  const detectionsOf = async (caseId: string) =>
    (await env.waitForState(caseId, () => true, caseId)).detections;

  it('takes one signed detection as the partner, with the old or the new secret', async () => {
    const url = uniqueUrl('x.com', 'partner-single');
    const body = JSON.stringify({ url, detectionId: 'fc-1', region: 'banjarbaru' });
    const first = await send(body, { signature: partnerSignatureHeader([OLD_SECRET], body) });
    expect(first).toMatchObject({ status: 202, body: { caseId: expect.stringMatching(/^case-/) } });
    const caseId = (first.body as { caseId: string }).caseId;
    const again = JSON.stringify({ url, detectionId: 'fc-2' });
    expect((await send(again)).body).toEqual({ caseId });
    const state = await env.waitForState(caseId, (s) => s.detections.count >= 2, `${caseId} counted twice`);
    expect(JSON.stringify(state)).toContain('factcheck-net');
    expect(JSON.stringify(state)).not.toContain(LOCAL_OIDC_CLIENTS.partner);
  });

  it('takes signed NDJSON with one result per line (the batch route’s parsing)', async () => {
    const body = [
      JSON.stringify({ url: uniqueUrl('www.tiktok.com', 'partner-batch-1'), detectionId: 'fc-b1' }),
      '{"url": oops',
      JSON.stringify({ url: uniqueUrl('www.tiktok.com', 'partner-batch-2') }),
      JSON.stringify({
        url: uniqueUrl('www.tiktok.com', 'partner-batch-3'),
        detectionId: 'fc-b3',
        source: 'x',
      }),
    ].join('\n');
    const answer = await send(body, { contentType: 'application/x-ndjson' });
    expect(answer.status).toBe(200);
    const batch = answer.body as BatchAnswer;
    expect({ lines: batch.lines, accepted: batch.accepted, rejected: batch.rejected }).toEqual({
      lines: 4,
      accepted: 1,
      rejected: 3,
    });
    expect(batch.results.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual([
      'ok',
      'invalid_json',
      'invalid_input',
      'invalid_input',
    ]);
  });

  it('refuses bad signatures with 401 and a specific code, and submits nothing', async () => {
    const url = uniqueUrl('www.youtube.com', 'partner-refused');
    const body = JSON.stringify({ url, detectionId: 'fc-r1' });
    const stale = partnerSignatureHeader([NEW_SECRET], body, Math.floor(Date.now() / 1000) - 360);
    const tampered = JSON.stringify({ url, detectionId: 'fc-r1', suggestedCategory: 'online_gambling' });
    const refusals = [
      await send(body, { signature: null }),
      await send(body, { signature: 't=abc,v1=123' }),
      await send(body, { signature: stale }),
      await send(body, {
        signature: partnerSignatureHeader(['someone-elses-secret-0123456789abcdef'], body),
      }),
      await send(tampered, { signature: partnerSignatureHeader([NEW_SECRET], body) }),
      await send(body, { partnerId: 'no-such-partner' }),
    ];
    expect(refusals.map((r) => [r.status, codeOf(r)])).toEqual([
      [401, 'signature_missing'],
      [401, 'signature_malformed'],
      [401, 'signature_timestamp_out_of_window'],
      [401, 'signature_mismatch'],
      [401, 'signature_mismatch'],
      [401, 'unknown_partner'],
    ]);
    expect((refusals[0]!.body as ErrorBody).error.message).toContain('HMAC-SHA256');
    // Nothing was submitted: the first good delivery of this URL opens its case with one detection.
    const accepted = await send(body);
    expect(accepted.status).toBe(202);
    const caseId = (accepted.body as { caseId: string }).caseId;
    expect(await detectionsOf(caseId)).toMatchObject({ count: 1, duplicates: 0 });
  });

  it('refuses a replayed signed delivery inside the window', async () => {
    const body = JSON.stringify({
      url: uniqueUrl('www.instagram.com', 'partner-replay'),
      detectionId: 'fc-p1',
    });
    const signature = partnerSignatureHeader([NEW_SECRET], body);
    expect((await send(body, { signature })).status).toBe(202);
    const replay = await send(body, { signature });
    expect([replay.status, codeOf(replay)]).toEqual([401, 'signature_replayed']);
  });

  it('needs the partner’s own token too: none is 401, the crawler’s or another partner’s is 403', async () => {
    const body = JSON.stringify({ url: uniqueUrl('x.com', 'partner-token') });
    const noToken = await send(body, { token: null });
    expect([noToken.status, codeOf(noToken)]).toEqual([401, 'unauthenticated']);
    const crawler = await send(body, { token: crawlerToken });
    expect([crawler.status, codeOf(crawler)]).toEqual([403, 'forbidden_role']);
    const officer = await send(body, { token: env.tokens.supervisor });
    expect([officer.status, codeOf(officer)]).toEqual([403, 'forbidden_role']);
    const otherPartner = await send(body, { partnerId: 'agency-b' });
    expect([otherPartner.status, codeOf(otherPartner)]).toEqual([403, 'partner_mismatch']);
  });

  it("does not take factcheck-net's signature for regional-desk, and holds a partner to its platforms and regions", async () => {
    const body = JSON.stringify({ url: uniqueUrl('www.tiktok.com', 'desk'), region: 'banjarmasin' });
    const crossed = await send(body, { partnerId: 'regional-desk' });
    expect([crossed.status, codeOf(crossed)]).toEqual([401, 'signature_mismatch']);
    const deskSign = (text: string) =>
      partnerSignatureHeader(['regional-desk-secret-0123456789abcdef'], text);
    expect((await send(body, { partnerId: 'regional-desk', signature: deskSign(body) })).status).toBe(202);
    const elsewhere = JSON.stringify({ url: uniqueUrl('www.tiktok.com', 'desk-2'), region: 'tapin' });
    const region = await send(elsewhere, { partnerId: 'regional-desk', signature: deskSign(elsewhere) });
    expect([region.status, codeOf(region)]).toEqual([403, 'partner_region_not_allowed']);
    const lines = [
      JSON.stringify({ url: uniqueUrl('x.com', 'desk-3'), detectionId: 'd3', region: 'banjarmasin' }),
      JSON.stringify({
        url: uniqueUrl('www.tiktok.com', 'desk-4'),
        detectionId: 'd4',
        region: 'banjarmasin',
      }),
    ].join('\n');
    const batch = await send(lines, {
      partnerId: 'regional-desk',
      contentType: 'application/x-ndjson',
      signature: deskSign(lines),
    });
    expect((batch.body as BatchAnswer).results.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual([
      'partner_platform_not_allowed',
      'ok',
    ]);
  });

  it('refuses other media types with 415', async () => {
    const answer = await send('url=https://x.com/1', { contentType: 'application/x-www-form-urlencoded' });
    expect([answer.status, codeOf(answer)]).toEqual([415, 'unsupported_media_type']);
  });
});
