import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { Detection, Region, ReporterContact } from '../../domain';
import type { ApiDeps } from '../api-deps';
import { HttpError, parseOr400, readJsonBody, sendJson, type Router } from '../http-kit';
import { publicProgress } from '../public-progress';
import { newReporterRef, TrackingCode } from '../reporter-vault';

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

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function registerPublicRoutes(router: Router, deps: ApiDeps): void {
  router.on('POST', '/api/public/complaints', async (req, res) => {
    if (!deps.publicLimiter.take(clientAddress(req))) {
      throw new HttpError(
        429,
        'too_many_requests',
        'Too many complaints from your address in the last minute. Wait a minute and send again.',
      );
    }
    const body = parseOr400(PublicComplaintBody, await readJsonBody(req), 'complaint');
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
    sendJson(res, 201, {
      trackingCode,
      message:
        'Terima kasih. Simpan kode pelacakan ini untuk melihat perkembangan aduan Anda. Identitas Anda dirahasiakan.',
    });
  });

  router.on('GET', '/api/public/complaints/:trackingCode', async (_req, res, params) => {
    const trackingCode = parseOr400(TrackingCode, params.trackingCode, 'tracking code');
    const complaint = deps.vault.findByTrackingCode(trackingCode);
    if (!complaint)
      throw new HttpError(404, 'not_found', 'No complaint has this tracking code. Check it and try again.');
    const state = await deps.cases.getState(complaint.caseId);
    sendJson(res, 200, publicProgress(state, trackingCode, complaint.submittedAt));
  });
}
