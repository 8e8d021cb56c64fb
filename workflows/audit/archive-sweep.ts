import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { AuditArchiveActivities } from '../../activities/audit-archive-activities';

const { findUnarchivedCases } = proxyActivities<AuditArchiveActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 5 },
});
const { archiveClosedCase } = proxyActivities<AuditArchiveActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '2 minutes',
  retry: {
    maximumAttempts: 5,
    nonRetryableErrorTypes: ['CaseStillOpen', 'WorkflowNotFound', 'InvalidActivityInput'],
  },
});

export interface SweepResult {
  archived: { caseId: string; manifestKey: string; runs: number; children: number; ledgerSeq: number }[];
  skipped: { caseId: string; reason: string }[];
}

/**
 * The archive sweep (run by a Temporal Schedule, audit/audit-schedules.ts): finds closed cases not yet
 * archived and archives them one after another, so ledger appends never race. A case that cannot be
 * archived yet (a child still winding down) is skipped and found again by the next sweep.
 */
export async function AuditArchiveSweepWorkflow(
  input: { limit?: number; taskQueue?: string } = {},
): Promise<SweepResult> {
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw ApplicationFailure.nonRetryable(
      `limit must be a whole number from 1 to 1000, not ${limit}`,
      'InvalidInput',
    );
  const result: SweepResult = { archived: [], skipped: [] };
  for (const { caseId } of await findUnarchivedCases({
    limit,
    ...(input.taskQueue ? { taskQueue: input.taskQueue } : {}),
  })) {
    try {
      const archived = await archiveClosedCase({ caseId });
      result.archived.push({
        caseId,
        manifestKey: archived.manifestKey,
        runs: archived.runs,
        children: archived.children,
        ledgerSeq: archived.ledgerSeq,
      });
    } catch (error) {
      result.skipped.push({
        caseId,
        reason:
          error instanceof Error
            ? ((error.cause as Error | undefined)?.message ?? error.message)
            : String(error),
      });
    }
  }
  return result;
}
