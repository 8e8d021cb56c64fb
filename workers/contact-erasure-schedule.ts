import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { upsertSchedule } from '../lib/temporal/upsert-schedule';
import { erasureDurationMs, type ContactErasureConfig } from '../config/contact-erasure';
import type { ContactErasureInput } from '../workflows/contact-erasure';

export const CONTACT_ERASURE_SCHEDULE_ID = 'saring-reporter-contact-erasure';
export const CONTACT_ERASURE_WORKFLOW = 'ReporterContactErasureWorkflow';

/**
 * The contact erasure's Temporal Schedule: every `every`, erase the contacts of cases closed `after` ago.
 * One run at a time (SKIP). Created at worker start; updated if it exists, so a changed setting applies.
 */
export async function ensureContactErasureSchedule(
  client: Client,
  options: ContactErasureConfig & {
    taskQueue: string;
    /** Another schedule id (tests); the default is the one the worker keeps. */
    scheduleId?: string;
    /** Erase only the cases of one task queue (tests sharing a server); all cases by default. */
    casesOnTaskQueue?: string;
  },
): Promise<string> {
  const scheduleId = options.scheduleId ?? CONTACT_ERASURE_SCHEDULE_ID;
  const input: ContactErasureInput = {
    afterMs: erasureDurationMs(options.after),
    ...(options.casesOnTaskQueue ? { taskQueue: options.casesOnTaskQueue } : {}),
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: CONTACT_ERASURE_WORKFLOW,
    taskQueue: options.taskQueue,
    args: [input],
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
