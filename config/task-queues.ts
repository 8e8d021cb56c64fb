/**
 * captureSnapshot and checkLiveness fetch reported (attacker-chosen) URLs, so case workflows started
 * with the fetcher-queue patch schedule them on a queue of their own, polled only by the fetcher
 * process (workers/fetcher-main.ts): the case's queue with this suffix, e.g. saring-cases-fetch.
 * Plain data: imported by workflow code (through activities/options.ts) and by infra.
 */
export const FETCH_TASK_QUEUE_SUFFIX = '-fetch';
export const fetchTaskQueueFor = (caseTaskQueue: string): string =>
  `${caseTaskQueue}${FETCH_TASK_QUEUE_SUFFIX}`;
