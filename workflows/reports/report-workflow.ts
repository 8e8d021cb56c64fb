import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import { scheduledStartTime } from '../scheduled-start';
import { ReportKind, ReportRequest } from '../../domain';
import type { ReportActivities } from '../../activities/report-activities';
import type { ProducedReport } from '../../reports/report-producer';
import { previousPeriod } from '../../reports/period';

const { produceReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidActivityInput'] },
});

export interface CaseReportInput {
  kind: ReportKind;
  /** The day (YYYY-MM-DD) or month (YYYY-MM); absent: the last whole one before the scheduled time. */
  period?: string;
  /** Only the cases of one task queue (tests sharing a server). */
  casesOnTaskQueue?: string;
}

/**
 * One report (daily or monthly), started by its Temporal Schedule (reports/report-schedules.ts) or by
 * hand. The period comes from the time the Schedule meant to start it, so a run caught up late still
 * reports on the right day.
 */
export async function CaseReportWorkflow(input: CaseReportInput): Promise<ProducedReport> {
  const kind = ReportKind.safeParse(input?.kind);
  if (!kind.success) throw ApplicationFailure.nonRetryable(`kind must be daily or monthly`, 'InvalidInput');
  const scheduledAt = scheduledStartTime();
  const request = ReportRequest.safeParse(
    input.period ? { kind: kind.data, period: input.period } : previousPeriod(kind.data, scheduledAt),
  );
  if (!request.success)
    throw ApplicationFailure.nonRetryable(
      `bad report period: ${request.error.issues[0]?.message}`,
      'InvalidInput',
    );
  return produceReport({
    request: request.data,
    ...(input.casesOnTaskQueue ? { casesOnTaskQueue: input.casesOnTaskQueue } : {}),
  });
}
