import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const DOCS_PREFIX = '/api/docs';
export const OPENAPI_PATH = '/api/openapi.json';

/** Per-route security: officer routes need the bearer token; public routes need nothing. */
export const BEARER = [{ bearer: [] }];
export const PUBLIC: { [name: string]: string[] }[] = [];

const description = `The Saring HTTP API for officers' tools, the web console and integrators (crawler and partner teams).

Officer routes need \`Authorization: Bearer <officer token>\`; the token decides who acts and in which role (nothing in a body can change that).
Every error answer has the same body: \`{ "error": { "code", "message", "details"? } }\`; a 400 \`invalid_input\` lists every problem by field in \`details\`, and changed nothing.
Case steps are Temporal updates: the answer is the case state after the step. Send an \`Idempotency-Key\` to make a retried step safe: the same key on the same case runs the step once and answers the same.`;

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (fastify-type-provider-zod), at
 * /api/openapi.json, and its rendered docs at /api/docs (Swagger UI's files ship in the package: no CDN).
 * Register before the routes: @fastify/swagger collects them as they are added.
 */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Saring API', version: '1', description },
      tags: [
        { name: 'cases', description: 'Case lists, state, timeline, deadlines and history export' },
        { name: 'case steps', description: 'Officer steps on a case (Temporal updates) and notes' },
        { name: 'intake', description: 'Detections reported by officers' },
        { name: 'public', description: 'Complaints from the public, without login' },
        { name: 'meta', description: 'Health, the token holder, vocabularies, this document' },
        { name: 'admin', description: 'Platform operations (admin role)' },
      ],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An officer token from the platform admin' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: createJsonSchemaTransformObject({}),
  });
  void app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
}

/** The document as JSON, for integrators' generators and the test that checks every route is in it. */
export const OpenApiDocument = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) })
  .meta({ description: 'An OpenAPI 3.1 document' });
