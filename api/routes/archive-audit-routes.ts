import { z } from 'zod';
import { CaseNotArchivedError, LedgerKeyUnavailableError } from '../../audit/case-audit-reader';
import type { ApiDeps } from '../api-deps';
import { HttpError } from '../http-error';
import { officerGuard } from '../officer-guard';
import { BEARER } from '../openapi';
import { CaseIdParams, withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

const AUDITOR_ONLY = ['auditor'] as const;

const VerificationBody = z
  .object({
    caseId: z.string(),
    ok: z
      .boolean()
      .meta({ description: 'true when nothing in the archive was altered, removed or inserted' }),
    findings: z.array(
      z.object({
        kind: z.enum(['altered', 'removed', 'inserted', 'reordered', 'unsigned']),
        key: z.string().meta({ description: 'The archive object the finding is about' }),
        detail: z.string(),
      }),
    ),
    checked: z.object({
      manifests: z.number(),
      runs: z.number(),
      childRuns: z.number(),
      ledgerEntries: z.number(),
      headSeq: z.number().nullable(),
      heads: z.number(),
    }),
  })
  .meta({ id: 'ArchiveVerification' });

const CaseStepBody = z.object({
  eventId: z.number(),
  stage: z.string(),
  verdict: z.string().nullable(),
  tracks: z.array(z.string()),
  openDeadlines: z.array(z.object({ label: z.string(), dueAt: z.string(), breached: z.boolean() })),
  timelineEntries: z.number(),
});

const ReplayBody = z
  .object({
    caseId: z.string(),
    manifestArchivedAt: z.string(),
    runs: z.array(
      z.object({
        workflowId: z.string(),
        runId: z.string(),
        result: z.enum(['agreed', 'diverged']),
        divergence: z
          .object({ eventId: z.number().nullable(), message: z.string() })
          .optional()
          .meta({ description: 'The first event where the current code decided differently' }),
        recordedBuildIds: z.array(z.string()),
        steps: z.array(CaseStepBody).meta({ description: 'The case after each workflow task (time travel)' }),
      }),
    ),
  })
  .meta({ id: 'ArchiveReplay' });

function readerOf(deps: ApiDeps) {
  if (!deps.caseAudit)
    throw new HttpError(
      503,
      'audit_archive_unavailable',
      'This API is not configured to read the audit archive; use "saring audit verify --archive" and "saring audit replay" instead.',
    );
  return deps.caseAudit;
}

async function fromArchive<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CaseNotArchivedError) throw new HttpError(404, 'not_archived', error.message);
    if (error instanceof LedgerKeyUnavailableError)
      throw new HttpError(503, 'ledger_key_unavailable', error.message);
    throw error;
  }
}

/** The audit archive of a case, checked and replayed as `saring audit verify` and `replay` do: auditors only. */
export function registerArchiveAuditRoutes(app: ZodApp, deps: ApiDeps): void {
  const guard = officerGuard(deps, {
    roles: AUDITOR_ONLY,
    what: 'check the audit archive',
    audit: 'read',
  });
  app.get(
    '/api/audit/cases/:caseId/verification',
    {
      onRequest: guard,
      schema: {
        summary:
          "Verify the case's archive alone: manifest, each run's digest, the ledger chain to a signed head, run order",
        tags: ['audit'],
        security: BEARER,
        params: CaseIdParams,
        response: withErrors({ 200: VerificationBody }),
      },
    },
    async (request) => fromArchive(() => readerOf(deps).verify(request.params.caseId)),
  );
  app.get(
    '/api/audit/cases/:caseId/replay',
    {
      onRequest: guard,
      schema: {
        summary:
          "Replay every archived run of the case with the current workflow code: agreed, or the first divergence's event id",
        tags: ['audit'],
        security: BEARER,
        params: CaseIdParams,
        response: withErrors({ 200: ReplayBody }),
      },
    },
    async (request) => fromArchive(() => readerOf(deps).replay(request.params.caseId)),
  );
}
