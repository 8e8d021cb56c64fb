import {
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleHandle,
  type ScheduleOptions,
} from '@temporalio/client';
import { upsertSchedule } from '../../../lib/temporal/upsert-schedule';
import { uniqueName } from '../../support/activities/activities-harness';
import { connectDevServer, type DevServer } from '../../support/case-test-kit';

const DAY_MS = 24 * 60 * 60 * 1000;

function optionsEvery(every: string, catchupWindow: string): Omit<ScheduleOptions, 'scheduleId'> {
  return {
    spec: { intervals: [{ every }] },
    action: { type: 'startWorkflow', workflowType: 'NeverStarted', taskQueue: 'upsert-schedule', args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow },
    state: { paused: true },
  };
}

async function intervalsOf(schedule: ScheduleHandle): Promise<number[] | undefined> {
  return (await schedule.describe()).spec.intervals?.map(({ every }) => every);
}

/** Create, then update or keep: the one create-or-update path of the worker's four schedules. */
describe('upsertSchedule (the dev server)', () => {
  let dev: DevServer;
  const scheduleIds: string[] = [];
  beforeAll(async () => {
    dev = await connectDevServer();
  });
  afterAll(async () => {
    for (const id of scheduleIds) {
      await dev.client.schedule
        .getHandle(id)
        .delete()
        .catch(() => undefined);
    }
    await dev.close();
  });
  const newScheduleId = () => {
    const id = uniqueName('upsert-schedule');
    scheduleIds.push(id);
    return id;
  };

  it('creates a missing schedule, then updates its spec and action but not its policies', async () => {
    const scheduleId = newScheduleId();
    const created = await upsertSchedule(dev.client, scheduleId, optionsEvery('1d', '1 day'));
    expect(created.scheduleId).toBe(scheduleId);
    expect(await intervalsOf(created)).toEqual([DAY_MS]);

    const updated = await upsertSchedule(dev.client, scheduleId, optionsEvery('2d', '7 days'));
    const described = await updated.describe();
    expect(described.spec.intervals?.map(({ every }) => every)).toEqual([2 * DAY_MS]);
    expect(described.policies.catchupWindow).toBe(DAY_MS);
  });

  it("with 'keep', leaves an existing schedule as it is", async () => {
    const scheduleId = newScheduleId();
    await upsertSchedule(dev.client, scheduleId, optionsEvery('1d', '1 day'), 'keep');
    const kept = await upsertSchedule(dev.client, scheduleId, optionsEvery('3d', '1 day'), 'keep');
    expect(kept.scheduleId).toBe(scheduleId);
    expect(await intervalsOf(kept)).toEqual([DAY_MS]);
  });

  it('passes on any error other than "already exists" and creates nothing', async () => {
    const scheduleId = newScheduleId();
    await expect(
      upsertSchedule(dev.client, scheduleId, optionsEvery('not a duration', '1 day')),
    ).rejects.toThrow();
    await expect(dev.client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(
      ScheduleNotFoundError,
    );
  });
});
