import type { Payload } from '@temporalio/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CASE_READER_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { officerGuard } from '../officer-guard';
import { BEARER, PUBLIC } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

export const CODEC_PREFIX = '/api/codec';
/** A history page can carry many payloads of up to 2 MB each (Temporal's own limit). */
const CODEC_BODY_LIMIT = 16 * 1024 * 1024;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Temporal's codec server JSON: payloads with base64 metadata values and data (the proto3 JSON form). */
const JsonPayload = z.object({
  metadata: z.record(z.string().min(1).max(256), Base64).optional(),
  data: Base64.optional(),
});
const CodecBody = z.object({ payloads: z.array(JsonPayload).max(10_000) });
type JsonPayload = z.infer<typeof JsonPayload>;

function fromJson(payload: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(payload.data ?? '', 'base64'),
  };
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value ?? []).toString('base64'),
      ]),
    ),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

const CORS_HEADERS = 'authorization, content-type, x-namespace';

function allowOrigin(request: FastifyRequest, reply: FastifyReply, origins: readonly string[]): void {
  const origin = request.headers.origin;
  if (origin && origins.includes(origin)) {
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
    reply.header('vary', 'origin');
  }
}

/**
 * Temporal's codec server protocol (`temporal ... --codec-endpoint <api>/api/codec`, the Web UI's
 * "codec endpoint"): POST /encode and /decode with { payloads }. Behind officer sign-in; only roles
 * that may read cases get clear text back. CORS answers the Temporal Web UI's origin(s) only.
 */
export function registerCodecRoutes(
  app: ZodApp,
  deps: ApiDeps,
  options: { corsOrigins: readonly string[] },
): void {
  const readers = (what: string) => officerGuard(deps, { roles: CASE_READER_ROLES, what });
  for (const direction of ['encode', 'decode'] as const) {
    const url = `${CODEC_PREFIX}/${direction}`;
    app.options(
      url,
      {
        schema: {
          summary: 'CORS preflight for the Temporal Web UI (its configured origins only)',
          tags: ['codec'],
          security: PUBLIC,
          response: withErrors({ 200: z.object({}).describe('Empty: the CORS headers are the answer') }),
        },
      },
      async (request, reply) => {
        allowOrigin(request, reply, options.corsOrigins);
        reply.header('access-control-allow-methods', 'POST, OPTIONS');
        reply.header('access-control-allow-headers', CORS_HEADERS);
        reply.header('access-control-max-age', '600');
        return reply.code(200).send({});
      },
    );
    app.post(
      url,
      {
        bodyLimit: CODEC_BODY_LIMIT,
        onRequest: [
          async (request, reply) => allowOrigin(request, reply, options.corsOrigins),
          readers(direction === 'decode' ? 'decode Temporal payloads' : 'encode Temporal payloads'),
        ],
        schema: {
          summary:
            direction === 'decode'
              ? 'Temporal codec server: decrypt payloads (Web UI, temporal CLI)'
              : 'Temporal codec server: encrypt payloads (Web UI, temporal CLI)',
          tags: ['codec'],
          security: BEARER,
          body: CodecBody,
          response: withErrors({ 200: CodecBody }),
        },
      },
      async (request) => {
        const payloads = request.body.payloads.map(fromJson);
        const result =
          direction === 'decode'
            ? await deps.payloadCodec.decode(payloads)
            : await deps.payloadCodec.encode(payloads);
        return { payloads: result.map(toJson) };
      },
    );
  }
}
