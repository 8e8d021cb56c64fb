import {
  ScheduleAlreadyRunning,
  type Client,
  type ScheduleHandle,
  type ScheduleOptions,
} from '@temporalio/client';

/**
 * What to do when a schedule with that id exists already: `update` gives it the new spec and action (so
 * a changed setting applies; its policies and state stay as they were); `keep` leaves it as it is.
 */
export type WhenScheduleExists = 'update' | 'keep';

/** Creates the Temporal Schedule `scheduleId`, or, when it exists, updates or keeps it (`whenExists`). */
export async function upsertSchedule(
  client: Client,
  scheduleId: string,
  options: Omit<ScheduleOptions, 'scheduleId'>,
  whenExists: WhenScheduleExists = 'update',
): Promise<ScheduleHandle> {
  try {
    return await client.schedule.create({ ...options, scheduleId });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(scheduleId);
  if (whenExists === 'update') {
    const { spec, action } = options;
    await handle.update((previous) => ({ ...previous, spec, action }));
  }
  return handle;
}
