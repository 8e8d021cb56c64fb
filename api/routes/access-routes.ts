import { z } from 'zod';
import { AccessRecord } from '../access-audit';
import { ACCESS_AUDIT_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { officerGuard } from '../officer-guard';
import { BEARER } from '../openapi';
import { CaseIdParams, withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

/** Who read or exported a case: for auditors (the access audit, api/access-audit.ts). */
export function registerAccessRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/api/cases/:caseId/access',
    {
      onRequest: officerGuard(deps, { roles: ACCESS_AUDIT_ROLES, what: 'list who read or exported a case' }),
      schema: {
        summary: 'Who read or exported the case, when, through which client (oldest first)',
        tags: ['audit'],
        security: BEARER,
        params: CaseIdParams,
        response: withErrors({ 200: z.object({ caseId: z.string(), accesses: z.array(AccessRecord) }) }),
      },
    },
    async (request) => {
      const { caseId } = request.params;
      return { caseId, accesses: await deps.audit.accessesTo(caseId) };
    },
  );
}
