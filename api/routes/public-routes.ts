import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Detection, Region, ReporterContact } from '../../domain';
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
  reason: z
    .string()
    .trim()
    .min(10, 'tell us in at least 10 characters why the content is harmful')
    .max(2_000),
  region: Region.optional(),
  contact: ReporterContact.optional(),
});

/** The client's own address (the socket's), as the limit is keyed; a later change may trust a proxy. */
function clientAddress(request: FastifyRequest): string {
  return request.raw.socket.remoteAddress ?? 'unknown';
}

export function registerPublicRoutes(app: ZodApp, deps: ApiDeps, limit: { perMinute: number }): void {
  app.post(
    '/api/public/complaints',
    {
      config: {
        inputs: { body: 'complaint' },
        // Counted before the body is read, per client address, in a one-minute window (in memory: one
        // API process; behind a load balancer the cloud's WAF rate rule does this job).
        rateLimit: {
          max: limit.perMinute,
          timeWindow: 60_000,
          keyGenerator: clientAddress,
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
      return reply.code(201).send({
        trackingCode,
        message:
          'Terima kasih. Simpan kode pelacakan ini untuk melihat perkembangan aduan Anda. Identitas Anda dirahasiakan.',
      });
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
