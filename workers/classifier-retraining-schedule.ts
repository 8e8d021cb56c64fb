import { ScheduleOverlapPolicy, type Client, type ScheduleHandle } from '@temporalio/client';
import { upsertSchedule } from '../lib/temporal/upsert-schedule';

export const RETRAINING_SCHEDULE_ID = 'classifier-retraining';

/**
 * The weekly retraining Schedule (Sunday 18:00 UTC = Monday 02:00 in Kalimantan Selatan, WITA). Creating
 * it twice is harmless: an existing schedule is left as it is.
 */
export async function ensureRetrainingSchedule(
  client: Client,
  options: { taskQueue: string; scheduleId?: string },
): Promise<ScheduleHandle> {
  const scheduleId = options.scheduleId ?? RETRAINING_SCHEDULE_ID;
  return upsertSchedule(
    client,
    scheduleId,
    {
      spec: { calendars: [{ dayOfWeek: 'SUNDAY', hour: 18, minute: 0 }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'ClassifierRetrainingWorkflow',
        workflowId: `${scheduleId}-run`,
        taskQueue: options.taskQueue,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    },
    'keep',
  );
}
