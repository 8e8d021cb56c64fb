import type { Client } from '@temporalio/client';
import { waitFor } from '../case-test-kit';

/**
 * Triggers a Schedule on the dev server now, waits until it has started a run beyond the
 * `previousRuns` it had, and returns that run's result.
 */
export async function triggerScheduleRun<T>(
  client: Client,
  scheduleId: string,
  previousRuns: number,
  what: string,
): Promise<T> {
  const schedule = client.schedule.getHandle(scheduleId);
  await schedule.trigger();
  const described = await waitFor(
    () => schedule.describe(),
    (info) => info.info.recentActions.length > previousRuns,
    `the schedule to start ${what}`,
  );
  const started = described.info.recentActions.at(-1)!.action;
  return (await client.workflow
    .getHandle(started.workflow.workflowId, started.workflow.firstExecutionRunId)
    .result()) as T;
}

/** Waits until a visibility query lists `count` workflows (visibility catches up a moment after the fact). */
export async function waitForListed(
  client: Client,
  query: string,
  count: number,
  what: string,
): Promise<void> {
  await waitFor(
    async () => {
      let listed = 0;
      for await (const _ of client.workflow.list({ query })) listed += 1;
      return listed;
    },
    (listed) => listed === count,
    what,
  );
}
