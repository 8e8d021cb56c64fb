import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import { z } from 'zod';
import { Category, CATEGORY_LABELS, durationMs, PolicyDuration } from '../../domain';
import type { NewCaseDigestActivities } from '../../activities/new-case-digest-activities';
import { TaskQueueName } from '../../domain/task-queue-name';
import { caseActivities } from '../activity-stubs';
import { scheduledStartTime } from '../scheduled-start';

const { countNewCases } = proxyActivities<NewCaseDigestActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidActivityInput'] },
});

export const NewCaseDigestInput = z.strictObject({
  /** The period the digest covers, ending when the Schedule meant to start it. */
  every: PolicyDuration,
  /** Categories announced at once (the policy's newCaseAlerts.immediate): not repeated in the digest. */
  immediate: z.array(Category),
  /** Only the cases of one task queue (tests sharing a server). */
  casesOnTaskQueue: TaskQueueName.optional(),
});
export type NewCaseDigestInput = z.infer<typeof NewCaseDigestInput>;

export interface NewCaseDigestResult {
  from: string;
  to: string;
  /** New cases the digest told of (those not announced at once). */
  digested: number;
  awaitingVerification: number;
  sent: boolean;
}

/**
 * One new-case digest, started by its Schedule (workers/new-case-digest-schedule.ts): the cases opened
 * in the period that were not announced one by one (policy newCaseAlerts), counted by category, in one
 * notification to the rapid response unit. Nothing new: nothing sent.
 */
export async function NewCaseDigestWorkflow(raw: NewCaseDigestInput): Promise<NewCaseDigestResult> {
  const parsed = NewCaseDigestInput.safeParse(raw);
  if (!parsed.success)
    throw ApplicationFailure.nonRetryable(`bad digest input: ${parsed.error.message}`, 'InvalidInput');
  const { every, immediate, casesOnTaskQueue } = parsed.data;
  const to = scheduledStartTime();
  const from = new Date(to.getTime() - durationMs(every));
  const counts = await countNewCases({
    from: from.toISOString(),
    to: to.toISOString(),
    ...(casesOnTaskQueue ? { casesOnTaskQueue } : {}),
  });
  const digested = counts.opened.filter(
    ({ category }) => category === 'uncategorized' || !immediate.includes(category),
  );
  const total = digested.reduce((sum, { count }) => sum + count, 0);
  const result = {
    from: from.toISOString(),
    to: to.toISOString(),
    digested: total,
    awaitingVerification: counts.awaitingVerification,
  };
  if (total === 0) return { ...result, sent: false };
  const clock = (at: Date) => at.toISOString().slice(11, 16);
  await caseActivities.notify({
    requestId: `new-case-digest:${to.toISOString()}`,
    caseId: 'new-case-digest',
    audience: 'rapid_response_unit',
    kind: 'new_case_digest',
    subject: `${total} new cases to verify, ${clock(from)}-${clock(to)} UTC (${counts.awaitingVerification} waiting in all)`,
    body: [
      `New cases opened ${from.toISOString()} to ${to.toISOString()}, not announced one by one:`,
      ...digested.map(
        ({ category, count }) =>
          `- ${category === 'uncategorized' ? 'still in intake, category not known yet' : CATEGORY_LABELS[category]}: ${count}`,
      ),
      `Cases waiting for a verdict now: ${counts.awaitingVerification}. Open the console's queue to verify.`,
    ].join('\n'),
  });
  return { ...result, sent: true };
}
