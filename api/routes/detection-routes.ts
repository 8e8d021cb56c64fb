import { z } from 'zod';
import { Detection } from '../../domain';
import { DETECTION_ROLES } from '../access';
import { MACHINE_ROLES, type Role } from '../../domain/roles';
import type { ApiDeps } from '../api-deps';
import { parseOr400 } from '../http-error';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

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

export function registerDetectionRoutes(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/api/detections',
    {
      onRequest: officerGuard(deps, { roles: DETECTION_ROLES, what: 'submit detections' }),
      config: { inputs: { body: 'detection' } },
      schema: {
        summary: 'Report a detection: opens a case, or counts on the open case for the same content',
        tags: ['intake'],
        security: BEARER,
        body: OfficerDetectionBody,
        response: withErrors({ 202: z.object({ caseId: z.string() }) }),
      },
    },
    async (request, reply) => {
      const officer = officerOf(request);
      const body = request.body;
      const detection = parseOr400(
        Detection,
        {
          ...body,
          // A machine client reports as itself (crawler or partner), an officer under their own id.
          ...(isMachine(officer.role)
            ? { source: officer.role, reportedBy: officer.clientId }
            : { source: 'officer', reportedBy: officer.officerId, officerId: officer.officerId }),
          observedAt: body.observedAt ?? new Date().toISOString(),
        },
        'detection',
      );
      const { caseId } = await deps.cases.submitDetection(detection);
      return reply.code(202).send({ caseId });
    },
  );
}

export function isMachine(role: Role): role is (typeof MACHINE_ROLES)[number] {
  return (MACHINE_ROLES as readonly Role[]).includes(role);
}
