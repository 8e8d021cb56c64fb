import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { childWorkflowIds } from '../simulation/task-failures';

const PendingActivityState = temporal.api.enums.v1.PendingActivityState;
/** Quiet looks in a row before the case counts as settled (a signal may be about to start a child). */
const QUIET_LOOKS = 2;

/**
 * Waits until the case has settled: neither it nor any child (over all its runs) has a workflow task
 * pending, and no child has an activity in flight (started, or scheduled for its first attempt).
 *
 * The time-skipping server loses an activity whose completion races its workflow's cancellation: the
 * worker's completion gets ACTIVITY_UNKNOWN and the child never ends (temporalio/sdk-java#2391). A test
 * or script that closes a case while a child's request is being answered (a re-upload just detected
 * starts one) steps around that race by acting once the children wait on timers or messages only.
 * The dev server has no such defect.
 */
export async function waitUntilChildrenIdle(
  client: Client,
  caseId: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietLooks = 0;
  for (;;) {
    const busy = await busyParts(client, caseId);
    quietLooks = busy.length === 0 ? quietLooks + 1 : 0;
    if (quietLooks >= QUIET_LOOKS) return;
    if (Date.now() > deadline)
      throw new Error(`${caseId} has not settled after ${timeoutMs / 1000} s: ${busy.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function busyParts(client: Client, caseId: string): Promise<string[]> {
  const busy: string[] = [];
  const children = await childWorkflowIds(client, caseId);
  for (const workflowId of [caseId, ...children]) {
    const description = await client.workflow
      .getHandle(workflowId)
      .describe()
      .catch(() => undefined);
    if (description?.status.name !== 'RUNNING') continue;
    if (description.raw.pendingWorkflowTask) busy.push(`${workflowId} (workflow task)`);
    if (workflowId === caseId) continue;
    // A retry waiting out its backoff is not in flight: it needs the clock to move, which waiting here would not.
    const inFlight = (description.raw.pendingActivities ?? []).filter(
      (activity) =>
        activity.state === PendingActivityState.PENDING_ACTIVITY_STATE_STARTED ||
        (activity.state === PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED &&
          (activity.attempt ?? 1) <= 1),
    );
    if (inFlight.length > 0)
      busy.push(`${workflowId} (${inFlight.map((activity) => activity.activityType?.name).join(', ')})`);
  }
  return busy;
}
