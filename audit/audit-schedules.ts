import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const ARCHIVE_SWEEP_SCHEDULE_ID = 'saring-audit-archive-sweep';
export const ARCHIVE_SWEEP_WORKFLOW = 'AuditArchiveSweepWorkflow';

/**
 * The sweep's Temporal Schedule: every `every`, archive closed cases that are not archived yet. One
 * sweep at a time (SKIP), so ledger appends never race. Created at worker start, updated if it exists.
 */
export async function ensureArchiveSweepSchedule(
  client: Client,
  options: { taskQueue: string; every: string },
): Promise<void> {
  const action = {
    type: 'startWorkflow' as const,
    workflowType: ARCHIVE_SWEEP_WORKFLOW,
    taskQueue: options.taskQueue,
    args: [{ limit: 100 }],
    workflowId: `${ARCHIVE_SWEEP_SCHEDULE_ID}-run`,
  };
  const spec = { intervals: [{ every: options.every }] };
  try {
    await client.schedule.create({
      scheduleId: ARCHIVE_SWEEP_SCHEDULE_ID,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule
      .getHandle(ARCHIVE_SWEEP_SCHEDULE_ID)
      .update((previous) => ({ ...previous, spec, action }));
  }
}
