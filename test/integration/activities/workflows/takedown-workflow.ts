// A minimal workflow that requests one takedown, for the crash-and-retry test; the real case workflow lives in workflows/.
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../../../activities/contract';
import type { TakedownReceipt, TakedownRequest } from '../../../../domain/channels';

export async function requestOneTakedown(request: TakedownRequest, activityTaskQueue: string, startToCloseMs: number): Promise<TakedownReceipt> {
  const { requestTakedown } = proxyActivities<Pick<CaseActivities, 'requestTakedown'>>({
    taskQueue: activityTaskQueue,
    startToCloseTimeout: startToCloseMs,
    retry: { initialInterval: '100ms', backoffCoefficient: 1, maximumAttempts: 5 },
  });
  return requestTakedown(request);
}
