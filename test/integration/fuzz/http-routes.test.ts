import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { uniqueUrl } from '../../support/case-test-kit';
import {
  historyLengthOf,
  openCaseForVerification,
  startApiTestEnv,
  type ApiTestEnv,
  type OfficerKey,
  type RegisteredRoute,
} from '../../support/api/api-test-kit';
import {
  deepJson,
  FUZZ_RUNS,
  FUZZ_SEED,
  hostileJson,
  hostileString,
} from '../../support/fuzz/hostile-values';

/**
 * Every HTTP route of the app (enumerated from Fastify's onRoute, not listed by hand) gets FUZZ_RUNS
 * generated bad requests, in process (inject) against a real worker on the dev server. For each: no 5xx,
 * a refusal (4xx) with a JSON error that names what was wrong, and the open case's history unchanged.
 */
type Kind = 'auth' | 'params' | 'query' | 'body' | 'headers';
interface BadRequest {
  kind: Kind;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const HUGE_BODY = `{"reason":"${'x'.repeat(1024 * 1024)}"}`;
const OFFICERS: OfficerKey[] = ['verifier', 'supervisor', 'police', 'pr', 'auditor', 'admin'];

/** Routes under test: the API's own (OpenAPI docs assets are static files from a plugin). */
function apiRoutes(env: ApiTestEnv): RegisteredRoute[] {
  return env.routes.filter(
    (route) =>
      (route.url.startsWith('/api/') || route.url === '/healthz') &&
      route.method !== 'HEAD' &&
      !route.url.startsWith('/api/docs'),
  );
}

/** Percent-encoding, with a lone surrogate as the invalid UTF-8 bytes it would be (%ED%A0%80). */
function percentEncoded(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).replace(/%EF%BF%BD/g, '%ED%A0%80');
}

function fillParams(url: string, value: (name: string) => string): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => value(name));
}

describe(`fuzz: every HTTP route refuses ${FUZZ_RUNS} bad requests (seed ${FUZZ_SEED})`, () => {
  let env: ApiTestEnv;
  let caseId: string;
  const counts: Record<string, { tried: number; refused: number; accepted: number }> = {};

  beforeAll(async () => {
    console.log(`fuzz seed ${FUZZ_SEED} (replay: FUZZ_SEED=${FUZZ_SEED} npx jest test/integration/fuzz)`);
    env = await startApiTestEnv({ intake: { publicComplaintsPerMinute: 10_000 } });
    caseId = await openCaseForVerification(env, { url: uniqueUrl('www.tiktok.com', 'fuzz') });
  });
  afterAll(async () => {
    const lines = Object.entries(counts).map(
      ([route, c]) => `  ${route.padEnd(58)} tried ${c.tried}  refused ${c.refused}  accepted ${c.accepted}`,
    );
    if (lines.length) console.log(`fuzz (HTTP routes), seed ${FUZZ_SEED}:\n${lines.join('\n')}`);
    await env?.stop();
  });

  /** An officer whose role may call the route, so bodies reach validation instead of a 403. */
  async function allowedOfficer(route: RegisteredRoute, url: string): Promise<OfficerKey> {
    for (const officer of OFFICERS) {
      const response = await env.app.inject({
        method: route.method as 'GET',
        url,
        headers: { authorization: `Bearer ${env.tokens[officer]}`, 'content-type': 'application/json' },
        payload: route.method === 'GET' ? undefined : '{"x_fuzz_probe":1}',
      });
      if (response.statusCode !== 403) return officer;
    }
    return 'supervisor';
  }

  function badRequests(route: RegisteredRoute, token: string): fc.Arbitrary<BadRequest> {
    const realUrl = fillParams(route.url, (name) =>
      name === 'caseId' ? caseId : 'SRG-AAAAAAAAAAAAAAAAAAAAAAAA',
    );
    const auth = { authorization: `Bearer ${token}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const kinds: fc.Arbitrary<BadRequest>[] = [];
    if (!route.isPublic)
      kinds.push(
        fc
          .oneof(
            fc.constant(undefined),
            hostileString.map((text) => `Bearer ${text}`),
            hostileString,
            fc.constantFrom('Basic YWRtaW46YWRtaW4=', `Bearer ${token}x`, `bearer  ${token.slice(1)}`),
          )
          .map((authorization): BadRequest => {
            const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
            return { kind: 'auth', url: realUrl, headers, ...(route.hasBody ? { payload: '{}' } : {}) };
          }),
      );
    if (route.url.includes(':'))
      kinds.push(
        hostileString.map((junk) => ({
          kind: 'params' as const,
          url: fillParams(route.url, () => percentEncoded(junk || 'x')),
          headers: route.hasBody ? json : auth,
          ...(route.hasBody ? { payload: '{}' } : {}),
        })),
      );
    if (route.hasQuery)
      kinds.push(
        fc
          .tuple(
            fc.oneof(fc.constantFrom('limit', 'status', 'format', 'x_fuzz'), hostileString),
            hostileString,
          )
          .map(([key, value]) => ({
            kind: 'query' as const,
            url: `${realUrl}?${new URLSearchParams([
              [key || 'x_fuzz', value],
              ['x_fuzz_extra', '1'],
            ]).toString()}`,
            headers: auth,
          })),
      );
    if (route.hasBody) {
      const payloads = fc.oneof(
        {
          weight: 3,
          arbitrary: hostileString.map((text) => ({ payload: text, contentType: 'application/json' })),
        },
        {
          weight: 3,
          arbitrary: hostileJson
            .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))
            .map((value) => ({ payload: JSON.stringify(value), contentType: 'application/json' })),
        },
        {
          weight: 6,
          arbitrary: fc.dictionary(hostileString, hostileJson, { maxKeys: 4 }).chain((fields) =>
            fc.nat().map((n) => ({
              payload: JSON.stringify({ ...fields, [`x_fuzz_${n}`]: fields }),
              contentType: 'application/json',
            })),
          ),
        },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: 200, max: 5000 })
            .map((depth) => ({ payload: deepJson(depth), contentType: 'application/json' })),
        },
        // Just over the 1 MiB body limit.
        { weight: 1, arbitrary: fc.constant({ payload: HUGE_BODY, contentType: 'application/json' }) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'multipart/form-data; boundary=x',
                'application/jsonx',
                'application/xml',
              ),
              hostileJson,
            )
            .map(([contentType, value]) => ({ payload: JSON.stringify(value), contentType })),
        },
      );
      kinds.push(
        payloads.map(({ payload, contentType }) => ({
          kind: 'body' as const,
          url: realUrl,
          headers: { ...auth, 'content-type': contentType },
          payload,
        })),
      );
    }
    if (kinds.length === 0)
      // Nothing in this route is an input (public, no params, no body): junk headers must not hurt.
      kinds.push(
        fc.tuple(hostileString, hostileString).map(([a, b]) => ({
          kind: 'headers' as const,
          url: realUrl,
          headers: {
            'x-forwarded-for': a.replace(/[\r\n]/g, ''),
            'idempotency-key': b.replace(/[\r\n]/g, ''),
          },
        })),
      );
    return fc.oneof(...kinds);
  }

  function checkRefusal(request: BadRequest, response: LightMyRequestResponse): void {
    const where = `${request.kind} ${request.url.slice(0, 120)}`;
    if (response.statusCode >= 500)
      throw new Error(`${where}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (request.kind === 'headers') return;
    if (response.statusCode < 400) throw new Error(`${where}: accepted with ${response.statusCode}`);
    const body = JSON.parse(response.body) as {
      error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
    };
    if (!body.error?.code || !body.error.message) throw new Error(`${where}: error without code or message`);
    if (body.error.code === 'invalid_input') {
      const details = body.error.details ?? [];
      if (details.length === 0 || details.some((d) => !d.path || !body.error!.message!.includes(d.path)))
        throw new Error(`${where}: invalid_input that does not name its fields: ${body.error.message}`);
    }
  }

  // About 35 s alone on 2 cores for 1,000 per route; the limit leaves room for a busy machine.
  it('refuses every generated bad request on every route, names what is wrong, and changes no case', async () => {
    const routes = apiRoutes(env);
    expect(routes.length).toBeGreaterThan(20);
    const historyBefore = await historyLengthOf(env, caseId);
    for (const route of routes) {
      const realUrl = fillParams(route.url, (name) =>
        name === 'caseId' ? caseId : 'SRG-AAAAAAAAAAAAAAAAAAAAAAAA',
      );
      const officer = route.isPublic ? 'supervisor' : await allowedOfficer(route, realUrl);
      const tally = (counts[`${route.method} ${route.url}`] = { tried: 0, refused: 0, accepted: 0 });
      await fc.assert(
        fc.asyncProperty(badRequests(route, env.tokens[officer]), async (request) => {
          const response = await env.app.inject({
            method: route.method as 'GET',
            url: request.url,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          tally.tried += 1;
          if (response.statusCode >= 400 && response.statusCode < 500) tally.refused += 1;
          else if (request.kind !== 'headers') tally.accepted += 1;
          checkRefusal(request, response);
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
    }
    expect(Object.values(counts).reduce((sum, c) => sum + c.accepted, 0)).toBe(0);
    // Nothing reached the case, and the API and the worker still answer.
    expect(await historyLengthOf(env, caseId)).toBe(historyBefore);
    expect((await env.as('supervisor').get(`/api/cases/${caseId}`)).status).toBe(200);
  }, 600_000);
});
