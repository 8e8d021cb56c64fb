import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { caseBaseId } from '../../cases/case-id';
import { InvalidCaseInput } from '../../cases/case-errors';
import { canonicalizeUrl, InvalidUrlError } from '../../lib/url/canonicalize';
import { clientAddress } from '../client-address';
import { Detection, FreeText, Region, ReporterContact } from '../../domain';
import type { ApiDeps } from '../api-deps';
import { HttpError } from '../http-error';
import { PUBLIC } from '../openapi';
import { PublicProgress, publicProgress } from '../public-progress';
import { newReporterRef, TrackingCode } from '../reporter-vault';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

/** A complaint from the public (aduan konten): no login; the contact goes to the vault, never to the case. */
export const PublicComplaintBody = z.strictObject({
  url: Detection.shape.url.unwrap(),
  reason: FreeText(2_000, 10, 'tell us in at least 10 characters why the content is harmful'),
  region: Region.optional(),
  contact: ReporterContact.optional(),
});

export interface PublicIntakeLimits {
  perMinute: number;
  trustedProxies: number;
  maxComplaintsPerCase: number;
}

const THANKS =
  'Terima kasih. Simpan kode pelacakan ini untuk melihat perkembangan aduan Anda. Identitas Anda dirahasiakan.';

/**
 * A web page on another site can make a visitor's browser POST a form or text/plain without asking
 * (no CORS preflight); only JSON needs one. So a complaint must say it is JSON, even when it is empty.
 */
async function requireJson(request: FastifyRequest): Promise<void> {
  const mediaType = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (mediaType !== 'application/json')
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the complaint as JSON, with the header "Content-Type: application/json".',
    );
}

function caseOfUrl(url: string): string {
  try {
    return caseBaseId({ canonicalUrl: canonicalizeUrl(url).url });
  } catch (error) {
    if (error instanceof InvalidUrlError) throw new InvalidCaseInput(`url: ${error.message}`);
    throw error;
  }
}

/** Over the cap, an open case only counts further complaints; a closed one lets them open the next case. */
async function overCap(deps: ApiDeps, baseId: string, cap: number): Promise<string | undefined> {
  const caseId = await deps.vault.latestCaseOf(baseId);
  if (!caseId || (await deps.vault.complaintsFor(caseId)).signalled < cap) return undefined;
  const { stage } = await deps.cases.getState(caseId);
  return stage === 'closed' || stage === 'withdrawn' ? undefined : caseId;
}

export function registerPublicRoutes(app: ZodApp, deps: ApiDeps, limit: PublicIntakeLimits): void {
  app.post(
    '/api/public/complaints',
    {
      onRequest: requireJson,
      config: {
        inputs: { body: 'complaint' },
        // Counted before the body is read, per client address (X-Forwarded-For behind the ALB), in a
        // one-minute window; in memory per API process, so the cloud's WAF rate rule backs it up.
        rateLimit: {
          max: limit.perMinute,
          timeWindow: 60_000,
          keyGenerator: (request) =>
            clientAddress(
              request.headers['x-forwarded-for'],
              request.raw.socket.remoteAddress,
              limit.trustedProxies,
            ),
          errorResponseBuilder: () =>
            new HttpError(
              429,
              'too_many_requests',
              'Too many complaints from your address in the last minute. Wait a minute and send again.',
            ),
        },
      },
      schema: {
        summary: 'Send a complaint about harmful content, without login; answers a tracking code',
        tags: ['public'],
        security: PUBLIC,
        body: PublicComplaintBody,
        response: withErrors({ 201: z.object({ trackingCode: z.string(), message: z.string() }) }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const reporterRef = newReporterRef();
      // A case takes so many complaints; more would only grow its history. The reporter cannot tell.
      const heldFor = await overCap(deps, caseOfUrl(body.url), limit.maxComplaintsPerCase);
      if (heldFor) {
        const { trackingCode } = await deps.vault.store({
          reporterRef,
          caseId: heldFor,
          signalled: false,
          ...(body.contact ? { contact: body.contact } : {}),
        });
        return reply.code(201).send({ trackingCode, message: THANKS });
      }
      const { caseId } = await deps.cases.submitDetection({
        source: 'public_complaint',
        reportedBy: 'public',
        url: body.url,
        reason: body.reason,
        ...(body.region ? { region: body.region } : {}),
        observedAt: new Date().toISOString(),
        reporterRef,
      });
      const { trackingCode } = await deps.vault.store({
        reporterRef,
        caseId,
        ...(body.contact ? { contact: body.contact } : {}),
      });
      return reply.code(201).send({ trackingCode, message: THANKS });
    },
  );

  app.get(
    '/api/public/complaints/:trackingCode',
    {
      config: { inputs: { params: 'tracking code' } },
      schema: {
        summary: "A complaint's progress, by its tracking code (no login)",
        tags: ['public'],
        security: PUBLIC,
        params: z.object({ trackingCode: TrackingCode }),
        response: withErrors({ 200: PublicProgress }),
      },
    },
    async (request) => {
      const { trackingCode } = request.params;
      const complaint = await deps.vault.findByTrackingCode(trackingCode);
      if (!complaint)
        throw new HttpError(404, 'not_found', 'No complaint has this tracking code. Check it and try again.');
      const state = await deps.cases.getState(complaint.caseId);
      return publicProgress(state, trackingCode, complaint.submittedAt);
    },
  );
}
