import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { CaseContactErasure, ContactErasureActivities } from '../activities/contact-erasure-activities';

const { findCasesDueForContactErasure, eraseCaseContacts } = proxyActivities<ContactErasureActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidActivityInput'] },
});

export interface ContactErasureInput {
  /** Contacts are erased this many milliseconds after their case closed (SARING_CONTACT_ERASURE_AFTER). */
  afterMs: number;
  limit?: number;
  /** Only the cases of one task queue (tests sharing a server); all cases by default. */
  taskQueue?: string;
}

export interface ContactErasureResult {
  closedBefore: string;
  erased: CaseContactErasure[];
}

/**
 * The contact erasure (UU PDP), run by a Temporal Schedule (workers/contact-erasure-schedule.ts): erases
 * the reporter contacts of every case that closed at least `afterMs` ago, one case after another; each
 * erasure is logged by the activity. Cases left over by `limit` are found by the next run.
 */
export async function ReporterContactErasureWorkflow(
  input: ContactErasureInput,
): Promise<ContactErasureResult> {
  const limit = input.limit ?? 200;
  if (!Number.isInteger(input.afterMs) || input.afterMs < 1000)
    throw ApplicationFailure.nonRetryable(
      `afterMs must be a whole number of at least 1000, not ${input.afterMs}`,
      'InvalidInput',
    );
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw ApplicationFailure.nonRetryable(
      `limit must be a whole number from 1 to 1000, not ${limit}`,
      'InvalidInput',
    );
  const closedBefore = new Date(Date.now() - input.afterMs).toISOString();
  const due = await findCasesDueForContactErasure({
    closedBefore,
    limit,
    ...(input.taskQueue ? { taskQueue: input.taskQueue } : {}),
  });
  const erased: CaseContactErasure[] = [];
  for (const { caseId, closedAt } of due) erased.push(await eraseCaseContacts({ caseId, closedAt }));
  return { closedBefore, erased };
}
