import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { upsertSchedule } from '../lib/temporal/upsert-schedule';

export const ARCHIVE_SWEEP_SCHEDULE_ID = 'saring-audit-archive-sweep';
export const ARCHIVE_SWEEP_WORKFLOW = 'AuditArchiveSweepWorkflow';

/**
 * The sweep's Temporal Schedule: every `every`, archive closed cases that are not archived yet. One
 * sweep at a time (SKIP), so ledger appends never race. Created at worker start, updated if it exists.
 */
export async function ensureArchiveSweepSchedule(
  client: Client,
  options: {
    taskQueue: string;
    every: string;
    /** Another schedule id (tests); the default is the one the worker keeps. */
    scheduleId?: string;
    /** Sweep only the cases of one task queue (tests sharing a server); all cases by default. */
    casesOnTaskQueue?: string;
  },
): Promise<string> {
  const scheduleId = options.scheduleId ?? ARCHIVE_SWEEP_SCHEDULE_ID;
  const action = {
    type: 'startWorkflow' as const,
    workflowType: ARCHIVE_SWEEP_WORKFLOW,
    taskQueue: options.taskQueue,
    args: [{ limit: 100, ...(options.casesOnTaskQueue ? { taskQueue: options.casesOnTaskQueue } : {}) }],
    workflowId: `${scheduleId}-run`,
  };
  const spec = { intervals: [{ every: options.every }] };
  await upsertSchedule(client, scheduleId, {
    spec,
    action,
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  });
  return scheduleId;
}
