import { CONSOLE_DIR } from '../../../console/console-dir';
import { startApiTestEnv, type ApiTestEnv, type RegisteredRoute } from '../../support/api/api-test-kit';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/**
 * Routes that are not API operations: Swagger UI's own pages and files under /api/docs, and the
 * console's static files. HEAD routes mirror their GET.
 */
const notOperations = (route: RegisteredRoute) =>
  route.method === 'HEAD' ||
  route.url === '/api/docs' ||
  route.url.startsWith('/api/docs/') ||
  route.url === '/*';

/** Fastify's `/api/cases/:caseId` as OpenAPI's `/api/cases/{caseId}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

/** Every `$ref` in the document, so each can be checked to resolve. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe('API: the OpenAPI 3.1 document describes every route (running API)', () => {
  let env: ApiTestEnv;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    env = await startApiTestEnv({ consoleDir: CONSOLE_DIR });
    const response = await env.as({}).get<OpenApiDocument>('/api/openapi.json');
    expect(response.status).toBe(200);
    doc = response.body;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('is an OpenAPI 3.1 document whose references all resolve, with bearer auth as a security scheme', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Saring API', version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\//);
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty([ref.replace('#/components/schemas/', '')]);
    }
  });

  it('has every registered route with its method, a summary, tags, security, request and response schemas', () => {
    const operations = env.routes.filter((route) => !notOperations(route));
    // The registered routes: the API's, Swagger UI's and the console's (a guard against collecting nothing).
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(env.routes.some((route) => route.url === '/*')).toBe(true);

    const problems: string[] = [];
    for (const route of operations) {
      const where = `${route.method} ${route.url}`;
      const operation = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      if (!operation) {
        problems.push(`${where}: not in the document`);
        continue;
      }
      if (!operation.summary?.trim()) problems.push(`${where}: no summary`);
      if (!operation.tags?.length) problems.push(`${where}: no tags`);
      if (!operation.security) problems.push(`${where}: no security (public routes say [])`);
      if (route.hasBody && !operation.requestBody?.content?.['application/json']?.schema)
        problems.push(`${where}: no requestBody schema`);
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${where}: no success response`);
      for (const [status, response] of success)
        if (!response.content?.['application/json']?.schema)
          problems.push(`${where}: ${status} has no schema`);
      for (const errors of ['4XX', '5XX'])
        if (
          operation.responses?.[errors]?.content?.['application/json']?.schema?.$ref !==
          '#/components/schemas/Error'
        )
          problems.push(`${where}: ${errors} is not the error body`);
    }
    expect(problems).toEqual([]);

    // Nothing documented that does not exist.
    const registered = new Set(
      operations.map((route) => `${route.method.toLowerCase()} ${openApiPath(route.url)}`),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(documented.filter((operation) => !registered.has(operation))).toEqual([]);
  });

  it('documents the case steps one by one, with the Idempotency-Key header and the step payload', () => {
    const claim = doc.paths['/api/cases/{caseId}/actions/assignVerifier']?.post;
    expect(claim?.requestBody?.content?.['application/json']?.schema).toMatchObject({
      properties: { assignee: expect.any(Object) },
      additionalProperties: false,
    });
    expect((claim as { parameters?: { in: string; name: string }[] }).parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'header', name: 'idempotency-key' }),
        expect.objectContaining({ in: 'path', name: 'caseId' }),
      ]),
    );
    expect(doc.paths['/api/public/complaints']?.post?.security).toEqual([]);
  });

  it('renders the docs for integrators from files in the package (no CDN)', async () => {
    const page = await fetch(`${env.baseUrl}/api/docs/static/index.html`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
    expect((await fetch(`${env.baseUrl}/api/docs/static/swagger-ui-bundle.js`)).status).toBe(200);
  });
});
