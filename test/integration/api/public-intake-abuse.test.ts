import { createReporterVault } from '../../../api/vault-config';
import { canonicalizeUrl } from '../../../lib/url/canonicalize';
import { caseBaseId } from '../../../cases/case-id';
import { uniqueUrl } from '../../support/case-test-kit';
import { historyLengthOf, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

const REASON = 'Situs judi online menyamar sebagai toko pulsa';

/**
 * Public intake under abuse, behind one trusted proxy as in the cloud (the ALB): the rate limit keys
 * on the client's X-Forwarded-For entry, a complaint must be JSON, and a case takes at most so many.
 */
describe('API: public intake under abuse (real dev server, real workflows)', () => {
  let env: ApiTestEnv;

  beforeAll(async () => {
    env = await startApiTestEnv({
      intake: { publicComplaintsPerMinute: 3, trustedProxies: 1, maxComplaintsPerCase: 2 },
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  const complain = (forwardedFor: string, body: unknown) =>
    env.as({}).post('/api/public/complaints', body, { 'x-forwarded-for': forwardedFor });

  it("keys the rate limit on the client's X-Forwarded-For entry: one client's flood leaves others alone, and a forged left part changes nothing", async () => {
    // Bad bodies (400) are counted too: the limit comes before the body is read.
    const flooder = '203.0.113.10';
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await complain(flooder, { reason: 'x' })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    // The attacker writes other addresses left of the one the ALB appends: still the same client.
    expect((await complain(`198.51.100.1, ${flooder}`, { reason: 'x' })).status).toBe(429);
    // Everyone else, behind the same ALB socket, still gets through.
    expect((await complain('203.0.113.11', { reason: 'x' })).status).toBe(400);
    expect((await complain(`${flooder}, 203.0.113.12`, { reason: 'x' })).status).toBe(400);
  });

  it('refuses a complaint that is not declared JSON (415), even an empty one, so no web page can post it cross-site', async () => {
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${env.baseUrl}/api/public/complaints`, {
        method: 'POST',
        headers: {
          'x-forwarded-for': '203.0.113.20',
          ...(contentType ? { 'content-type': contentType } : {}),
        },
        ...(contentType
          ? { body: JSON.stringify({ url: uniqueUrl('example.com', 'ct'), reason: REASON }) }
          : {}),
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 415 });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'unsupported_media_type',
      );
    }
  });

  it('signals at most maxComplaintsPerCase complaints into a case; later ones get a tracking code and are counted, not signalled', async () => {
    const url = uniqueUrl('www.tiktok.com', 'flood');
    const caseId = caseBaseId({ canonicalUrl: canonicalizeUrl(url).url });
    const codes: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const sent = await complain(`203.0.113.${30 + i}`, { url, reason: REASON });
      expect(sent.status).toBe(201);
      codes.push(String(sent.body.trackingCode));
    }
    await env.waitForState(caseId, (s) => s.detections.bySource.public_complaint === 2, 'two complaints');
    const before = await historyLengthOf(env, caseId);
    for (let i = 2; i < 5; i += 1) {
      const sent = await complain(`203.0.113.${30 + i}`, { url, reason: REASON });
      expect(sent.status).toBe(201);
      codes.push(String(sent.body.trackingCode));
    }
    expect(await historyLengthOf(env, caseId)).toBe(before);
    const state = (await env.as('supervisor').get(`/api/cases/${caseId}`)).body;
    expect(state.detections.bySource).toEqual({ public_complaint: 2 });
    // Every reporter can follow the case; the vault counts the three held back.
    for (const code of codes)
      expect((await env.as({}).get(`/api/public/complaints/${code}`)).body.stage).toBe('received');
    expect(await createReporterVault(env.vaultConfig).complaintsFor(caseId)).toEqual({
      signalled: 2,
      held: 3,
    });
  });

  it('removes bidi and control characters from the reason and says so in the answer', async () => {
    const url = uniqueUrl('www.tiktok.com', 'bidi');
    const sent = await complain('203.0.113.40', {
      url,
      reason: `Judi \u202Eenilno\u202C online\u0007\u001B[2J di sini`,
    });
    expect(sent.status).toBe(201);
    expect(sent.headers.get('x-saring-removed-characters')).toBe(
      'removed 2 bidi control characters, 2 control characters from free text',
    );
    const caseId = caseBaseId({ canonicalUrl: canonicalizeUrl(url).url });
    const state = await env.waitForState(caseId, (s) => s.stage === 'verification', 'verification');
    expect(state.subject.reason).toBe('Judi enilno online[2J di sini');
  });
});
