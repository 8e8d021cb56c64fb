import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Detection, type DetectionInput } from '../../domain';
import { platformOfHost } from '../../lib/url/platform-hosts';
import { SIGNATURE_HEADER } from '../../lib/partner-webhook-signature';
import type { ApiDeps } from '../api-deps';
import { HttpError, parseOr400 } from '../http-error';
import {
  BatchAnswer,
  submitNdjsonDetections,
  type BatchLimits,
  type BatchReporter,
} from '../ndjson-detections';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import type { Partner } from '../partners/partner-config';
import { PartnerId } from '../partners/partner-config';
import { ReplayGuard } from '../partners/replay-guard';
import { verifyPartnerDelivery } from '../partners/verify-delivery';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';
import { NDJSON_TYPES } from './batch-detection-routes';
import { OfficerDetectionBody } from './detection-routes';

/** Webhook bodies are buffered whole (the signature covers every byte before anything is submitted). */
export const PARTNER_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A single detection from a partner: the officer fields plus an optional id of the partner's own. */
const PartnerDetectionBody = OfficerDetectionBody.extend({ detectionId: Detection.shape.detectionId });

const Params = z.object({
  partnerId: z.string().meta({ description: 'The partner id the platform configured (api.partners[].id)' }),
});

const unsupportedMediaType = () =>
  new HttpError(
    415,
    'unsupported_media_type',
    `Send one detection as "Content-Type: application/json" or many as "Content-Type: ${NDJSON_TYPES[0]}".`,
  );

/** Who the partner may report about (api.partners[].platforms / regions); undefined: it may. */
function refusalFor(partner: Partner) {
  return (detection: Detection): { code: string; message: string } | undefined => {
    // The platform as the case will see it: the sender's, or the URL's host (lib/url/platform-hosts.ts).
    const platform =
      detection.platform ?? (detection.url ? platformOfHost(new URL(detection.url).hostname) : undefined);
    if (partner.platforms && (!platform || !partner.platforms.includes(platform)))
      return {
        code: 'partner_platform_not_allowed',
        message: `${partner.id} may report ${partner.platforms.join(', ')} only (got ${platform ?? 'no platform'}). Ask the platform team to widen the partner's platforms.`,
      };
    if (partner.regions && !partner.regions.includes(detection.region))
      return {
        code: 'partner_region_not_allowed',
        message: `${partner.id} may report the regions ${partner.regions.join(', ')} only (got ${detection.region}). Ask the platform team to widen the partner's regions.`,
      };
    return undefined;
  };
}

/**
 * POST /api/partners/:partnerId/detections: a partner's signed webhook (docs/security.md). The partner's
 * own machine token (role partner, its configured client) and a fresh HMAC signature over the raw body
 * are both required; one detection as JSON or many as NDJSON (the batch route's per-line parsing and
 * answers). Nothing is submitted unless the signature checks out.
 */
export function registerPartnerWebhookRoutes(
  app: ZodApp,
  deps: ApiDeps,
  partners: readonly Partner[],
  limits: BatchLimits,
): void {
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const replays = new ReplayGuard();
  const partnerOf = (request: FastifyRequest): Partner => {
    const id = (request.params as { partnerId?: string }).partnerId ?? '';
    const partner = PartnerId.safeParse(id).success ? byId.get(id) : undefined;
    if (!partner)
      throw new HttpError(
        401,
        'unknown_partner',
        `No partner ${JSON.stringify(id)} is configured. Use the partner id the platform team gave you in the path.`,
      );
    return partner;
  };
  const guard = officerGuard(deps, { roles: ['partner'], what: 'send partner webhooks' });

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', ...NDJSON_TYPES],
      { parseAs: 'buffer', bodyLimit: PARTNER_MAX_BODY_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedMediaType(), undefined));

    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/partners/:partnerId/detections',
      {
        onRequest: async (request, reply) => {
          await guard.call(scope, request, reply);
          const partner = partnerOf(request);
          const caller = officerOf(request);
          if (caller.clientId !== partner.machineClientId)
            throw new HttpError(
              403,
              'partner_mismatch',
              `The token belongs to the client ${caller.clientId}, not to ${partner.id}'s. Send ${partner.id}'s deliveries with ${partner.id}'s own token.`,
            );
        },
        // Before the body is used for anything: a bad signature is a 401 and nothing is submitted.
        preValidation: async (request) => {
          if (!Buffer.isBuffer(request.body)) throw unsupportedMediaType();
          verifyPartnerDelivery(partnerOf(request), request.headers[SIGNATURE_HEADER], request.body, replays);
        },
        schema: {
          summary:
            "A partner's signed webhook: one detection (JSON) or many (NDJSON), reported as the partner",
          description: `Needs the partner's machine token AND the header ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")> (several v1= allowed during a secret rotation), at most 5 minutes from the server clock, each signed delivery once. Content-Type application/json: one detection (the fields of POST /api/detections, optional detectionId), answered 202. Content-Type ${NDJSON_TYPES[0]}: one detection per line with a required detectionId, answered 200 with one result per line as POST /api/detections/batch. At most ${PARTNER_MAX_BODY_BYTES} bytes. Failed signatures are 401 with codes signature_missing, signature_malformed, signature_timestamp_out_of_window, signature_mismatch, signature_replayed, unknown_partner.`,
          tags: ['intake'],
          security: BEARER,
          params: Params,
          headers: z.looseObject({
            [SIGNATURE_HEADER]: z.string().optional().meta({
              description: 't=<unix seconds>,v1=<64 hex> (checked before anything else; 401 when bad)',
            }),
          }),
          response: withErrors({ 200: BatchAnswer, 202: z.object({ caseId: z.string() }) }),
        },
      },
      async (request, reply) => {
        const partner = partnerOf(request);
        const body = request.body as Buffer;
        const who: BatchReporter = {
          reporter: { source: 'partner', reportedBy: partner.id },
          refuse: refusalFor(partner),
        };
        const submitOne = (detection: DetectionInput) => deps.cases.submitDetection(detection);
        if (request.headers['content-type']?.startsWith('application/json') !== true)
          return reply
            .code(200)
            .send(await submitNdjsonDetections(Readable.from([body]), submitOne, who, limits));
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
        }
        const fields = parseOr400(PartnerDetectionBody, json, 'detection');
        const detection = parseOr400(
          Detection,
          { ...fields, ...who.reporter, observedAt: fields.observedAt ?? new Date().toISOString() },
          'detection',
        );
        const refusal = who.refuse?.(detection);
        if (refusal) throw new HttpError(403, refusal.code, refusal.message);
        const { caseId } = await submitOne(detection);
        return reply.code(202).send({ caseId });
      },
    );
  });
}
