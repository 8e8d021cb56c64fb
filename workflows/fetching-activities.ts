import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/contract';
import { ACTIVITY_OPTIONS, fetchTaskQueueFor } from '../activities/options';
import { caseActivities } from './activity-stubs';

/** The two activities that fetch reported URLs. */
export type FetchingActivities = Pick<CaseActivities, 'captureSnapshot' | 'checkLiveness'>;

/**
 * Where this run fetches: on the fetch task queue next to its own (the fetcher process polls it) for runs
 * started with the fetcher-queue patch, on its own queue (the case worker) while replaying older runs.
 */
export function fetchingActivities(onFetcherQueue: boolean): FetchingActivities {
  if (!onFetcherQueue) return caseActivities;
  const taskQueue = fetchTaskQueueFor(workflowInfo().taskQueue);
  const stub = <K extends keyof FetchingActivities>(name: K): FetchingActivities[K] =>
    proxyActivities<Pick<FetchingActivities, K>>({ ...ACTIVITY_OPTIONS[name], taskQueue })[
      name
    ] as FetchingActivities[K];
  return { captureSnapshot: stub('captureSnapshot'), checkLiveness: stub('checkLiveness') };
}
