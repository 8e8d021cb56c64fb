import { ScheduleOverlapPolicy, type Client, type ScheduleHandle } from '@temporalio/client';
import { durationMs, type CasePolicy } from '../domain';
import { upsertSchedule } from '../lib/temporal/upsert-schedule';
import type { NewCaseDigestInput } from '../workflows/alerts/new-case-digest';

export const NEW_CASE_DIGEST_SCHEDULE_ID = 'saring-new-case-digest';

/**
 * The new-case digest Schedule, every `newCaseAlerts.digestEvery` of the policy new cases start with;
 * updated at worker start when it exists, so a new policy's period applies. A policy without
 * newCaseAlerts announces every case at once: no digest, and an existing digest Schedule is deleted.
 */
export async function ensureNewCaseDigestSchedule(
  client: Client,
  options: { taskQueue: string; policy: CasePolicy; scheduleId?: string; casesOnTaskQueue?: string },
): Promise<ScheduleHandle | undefined> {
  const scheduleId = options.scheduleId ?? NEW_CASE_DIGEST_SCHEDULE_ID;
  const alerts = options.policy.newCaseAlerts;
  if (!alerts) {
    await client.schedule
      .getHandle(scheduleId)
      .delete()
      .catch(() => undefined);
    return undefined;
  }
  const input: NewCaseDigestInput = {
    every: alerts.digestEvery,
    immediate: alerts.immediate,
    ...(options.casesOnTaskQueue ? { casesOnTaskQueue: options.casesOnTaskQueue } : {}),
  };
  return upsertSchedule(client, scheduleId, {
    spec: { intervals: [{ every: durationMs(alerts.digestEvery) }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'NewCaseDigestWorkflow',
      workflowId: `${scheduleId}-run`,
      taskQueue: options.taskQueue,
      args: [input],
    },
    // A digest missed while the platform was down is not sent late: the next one counts the waiting cases.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
  });
}
