import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { uniqueUrl } from '../../support/case-test-kit';
import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

/**
 * Every access-token check of the API against the real local provider: tokens it issued through its
 * sign-in form, and tokens re-signed with its own signing key (or another key) to vary one claim.
 */
describe('API token checks, machine clients and access audit (real OIDC provider)', () => {
  let env: ApiTestEnv;
  let claims: JWTPayload;
  let header: { kid: string };
  let caseId: string;

  const signWithProviderKey = async (changes: JWTPayload, key?: crypto.KeyObject) => {
    const jwk = JSON.parse(fs.readFileSync(path.join(env.oidc.dataDir, 'signing-key.json'), 'utf8')) as JWK;
    const signingKey = key ?? (await importJWK(jwk, 'RS256'));
    return new SignJWT({ ...claims, ...changes })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: header.kid })
      .sign(signingKey);
  };
  const meWith = (token: string) => env.as({ authorization: `Bearer ${token}` }).get('/api/me');
  const expect401 = async (token: string, message: RegExp) => {
    const response = await meWith(token);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.body.error.message).toMatch(message);
  };

  beforeAll(async () => {
    env = await startApiTestEnv({
      extraUsers: [
        { username: 'tanpa.grup', name: 'No Group', groups: [] },
        { username: 'dua.grup', name: 'Two Groups', groups: ['verifier', 'supervisor'] },
      ],
    });
    claims = decodeJwt(env.tokens.verifier);
    header = JSON.parse(Buffer.from(env.tokens.verifier.split('.')[0]!, 'base64url').toString());
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.tiktok.com', 'tokens'),
      text: 'Hoaks',
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('accepts the provider’s own token, and the same claims re-signed with its key', async () => {
    expect((await meWith(env.tokens.verifier)).body).toMatchObject({
      officerId: 'siti.verifier',
      role: 'verifier',
    });
    expect((await meWith(await signWithProviderKey({}))).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(
      await signWithProviderKey({ iat: now - 3600, exp: now - 60 }),
      /expired at .*Sign in again/,
    );
  });

  it('refuses a token from another issuer', async () => {
    await expect401(
      await signWithProviderKey({ iss: 'http://127.0.0.1:1' }),
      /issued by "http:\/\/127.0.0.1:1", not by/,
    );
  });

  it('refuses a token issued to another client', async () => {
    await expect401(
      await signWithProviderKey({ client_id: 'someone-else' }),
      /client "someone-else", which this API does not accept/,
    );
  });

  it('refuses an ID token or any token that is not an access token', async () => {
    await expect401(await signWithProviderKey({ token_use: 'id' }), /not an access token/);
  });

  it('refuses an officer in no group, and one in two groups (signed in through the real form)', async () => {
    const none = await env.oidc.signIn('tanpa.grup');
    await expect401(none.access_token, /in no group, so has no role/);
    const two = await env.oidc.signIn('dua.grup');
    await expect401(
      two.access_token,
      /in 2 groups \(verifier, supervisor\); an officer has exactly one role/,
    );
  });

  it('refuses a signature from another key, under the provider’s key id or an unknown one', async () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect401(await signWithProviderKey({}, privateKey), /signature does not match the keys of/);
    const otherKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'not-the-provider' })
      .sign(privateKey);
    await expect401(otherKid, /signed with a key .* does not publish/);
  });

  it('refuses alg "none" (an unsigned token with valid claims)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await expect401(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`, /not signed with RS256/);
  });

  it('logs every refused sign-in without the token', async () => {
    const failures = env.auditLog
      .map((line) => JSON.parse(line) as { event: string })
      .filter((e) => e.event === 'sign_in_failed');
    expect(failures.length).toBeGreaterThanOrEqual(8);
    expect(failures[0]).toMatchObject({ method: 'GET', path: '/api/me' });
    expect(env.auditLog.join('\n')).not.toContain(env.tokens.verifier.split('.')[2]!);
  });

  it('lets the crawler machine client submit detections (client credentials) and nothing else', async () => {
    const crawler = env.as({ authorization: `Bearer ${await env.oidc.machineToken('crawler')}` });
    const submitted = await crawler.post('/api/detections', {
      url: uniqueUrl('www.facebook.com', 'crawler'),
    });
    expect(submitted.status).toBe(202);
    const read = await crawler.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/machine clients only submit detections/);
  });

  it('records who read or exported a case, and only auditors may list it', async () => {
    expect((await env.as('supervisor').get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await env.as('auditor').get(`/api/cases/${caseId}/history`)).status).toBe(200);
    const listed = await env.as('auditor').get(`/api/cases/${caseId}/access`);
    expect(listed.status).toBe(200);
    const accesses = listed.body.accesses as { officerId: string; action: string }[];
    const seen = accesses.map((a) => `${a.officerId}:${a.action}`);
    expect(seen).toEqual(expect.arrayContaining(['budi.supervisor:read', 'tono.auditor:export']));
    expect((await env.as('verifier').get(`/api/cases/${caseId}/access`)).status).toBe(403);
  });
});
