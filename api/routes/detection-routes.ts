import { z } from 'zod';
import { Detection } from '../../domain';
import { CASE_OFFICER_ROLES, requireRole } from '../access';
import type { ApiDeps } from '../api-deps';
import { authenticate } from '../auth';
import { parseOr400, readJsonBody, sendJson, type Router } from '../http-kit';

const fields = Detection.shape;

/**
 * What an officer sends: a Detection without source, reportedBy, officerId and reporterRef, which
 * the API sets (an officer intake is always the officer's own, under their id).
 */
export const OfficerDetectionBody = z.strictObject({
  url: fields.url,
  text: fields.text,
  contentSha256: fields.contentSha256,
  platform: fields.platform,
  region: fields.region,
  observedAt: fields.observedAt.optional(),
  reason: fields.reason,
  suggestedCategory: fields.suggestedCategory,
});

export function registerDetectionRoutes(router: Router, deps: ApiDeps): void {
  router.on('POST', '/api/detections', async (req, res) => {
    const officer = authenticate(req, deps.officers);
    requireRole(officer, CASE_OFFICER_ROLES, 'submit detections');
    const body = parseOr400(OfficerDetectionBody, await readJsonBody(req), 'detection');
    const detection = parseOr400(
      Detection,
      {
        ...body,
        source: 'officer',
        reportedBy: officer.officerId,
        officerId: officer.officerId,
        observedAt: body.observedAt ?? new Date().toISOString(),
      },
      'detection',
    );
    const { caseId } = await deps.cases.submitDetection(detection);
    sendJson(res, 202, { caseId });
  });
}
