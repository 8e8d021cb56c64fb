import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { upsertSchedule } from '../lib/temporal/upsert-schedule';
import type { ReportKind } from '../domain';

export const REPORT_WORKFLOW = 'CaseReportWorkflow';
export const REPORT_SCHEDULE_IDS: Record<ReportKind, string> = {
  daily: 'saring-report-daily',
  monthly: 'saring-report-monthly',
};

/** 00:30 WITA, after the day (or month) ends; the workflow reports on the one that just ended. */
const CALENDARS: Record<ReportKind, { hour: number; minute: number; dayOfMonth?: number }> = {
  daily: { hour: 0, minute: 30 },
  monthly: { hour: 1, minute: 0, dayOfMonth: 1 },
};

/**
 * The daily and monthly report Schedules, created at worker start and updated when they exist. One
 * run at a time (SKIP); a week of missed runs is caught up (each reports on its own period).
 */
export async function ensureReportSchedules(
  client: Client,
  options: {
    taskQueue: string;
    /** Other schedule ids (tests); the defaults are the ones the worker keeps. */
    scheduleIds?: Partial<Record<ReportKind, string>>;
    /** A fixed period instead of "the one that just ended" (tests trigger the schedule by hand). */
    periods?: Partial<Record<ReportKind, string>>;
    /** Only the cases of one task queue (tests sharing a server). */
    casesOnTaskQueue?: string;
  },
): Promise<Record<ReportKind, string>> {
  const ids = { ...REPORT_SCHEDULE_IDS, ...options.scheduleIds };
  for (const kind of ['daily', 'monthly'] as const) {
    const scheduleId = ids[kind];
    const action = {
      type: 'startWorkflow' as const,
      workflowType: REPORT_WORKFLOW,
      taskQueue: options.taskQueue,
      args: [
        {
          kind,
          ...(options.periods?.[kind] ? { period: options.periods[kind] } : {}),
          ...(options.casesOnTaskQueue ? { casesOnTaskQueue: options.casesOnTaskQueue } : {}),
        },
      ],
      workflowId: `${scheduleId}-run`,
    };
    const spec = { calendars: [CALENDARS[kind]], timezone: 'Asia/Makassar' };
    await upsertSchedule(client, scheduleId, {
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    });
  }
  return ids;
}
