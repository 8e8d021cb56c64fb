// Imported by workflow code: type-only imports and plain data, nothing that touches Node.
import type { ActivityOptions } from '@temporalio/common';
import type { CaseActivities } from './contract';

/**
 * Failures no retry can fix: bad input, missing configuration, a refusal by the receiving side. Each is
 * thrown with ApplicationFailure.nonRetryable where it arises (the activity tests pin that), so retry
 * policies do not list them: a list there is written into every scheduled activity's history event
 * (about 230 bytes each, in every case, forever) and decides nothing the failure does not already say.
 * The takedown and police children read the list to tell an outage from a refusal (children/outage.ts).
 */
export const NON_RETRYABLE_ERROR_TYPES = [
  'InvalidActivityInput',
  'PlatformNotConfigured',
  'ChannelRejected',
  'ChannelUnauthorized',
  'WorkflowNotFound',
] as const;

/** maximumAttempts 0 means "no limit": the TS SDK refuses 0, so no limit is expressed by leaving the field out. */
const retry = (maximumAttempts: number, maximumInterval: string, initialInterval = '2s') => ({
  initialInterval,
  backoffCoefficient: 2,
  maximumInterval,
  ...(maximumAttempts > 0 ? { maximumAttempts } : {}),
});

/**
 * Takedown status polls of children started with the issue-9 patch: a few quick retries, then the
 * workflow counts the poll as missed and polls again at the next poll interval (the backoff), so a
 * platform outage of hours delays the takedown instead of ending it.
 */
export const TAKEDOWN_POLL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '2m',
  retry: retry(3, '10s', '1s'),
};

/**
 * Recommended options per activity, for proxyActivities, e.g.
 *   const { requestTakedown } = proxyActivities<Pick<CaseActivities, 'requestTakedown'>>(ACTIVITY_OPTIONS.requestTakedown);
 * startToCloseTimeout bounds one attempt (each activity's own network timeouts are shorter);
 * scheduleToCloseTimeout bounds all retries together where a step is only useful for so long.
 * Every activity is idempotent by its requestId, so retrying after a timeout is always safe.
 */
export const ACTIVITY_OPTIONS: Record<keyof CaseActivities, ActivityOptions> = {
  // Pure CPU, milliseconds.
  classifyContent: { startToCloseTimeout: '10s', retry: retry(3, '10s', '1s') },
  // Fetch (20 s hard limit) + S3 write; heartbeats before and after the fetch.
  captureSnapshot: {
    startToCloseTimeout: '2m',
    heartbeatTimeout: '45s',
    scheduleToCloseTimeout: '30m',
    retry: retry(10, '2m'),
  },
  // Streams the object; heartbeats per chunk.
  verifyEvidence: { startToCloseTimeout: '5m', heartbeatTimeout: '30s', retry: retry(5, '1m') },
  // Webhook + SMTP, each bounded by its own timeout; keep trying for a while, officers must hear of urgent cases.
  notify: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '2h', retry: retry(0, '5m') },
  // Partner API calls: bounded per attempt; retried within the first hour of a 4 h / 24 h deadline.
  requestTakedown: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '1h', retry: retry(0, '5m') },
  checkTakedownStatus: { startToCloseTimeout: '30s', retry: retry(5, '1m') },
  withdrawTakedown: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '6h', retry: retry(0, '10m') },
  sendWarningLetter: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '2h', retry: retry(0, '5m') },
  recommendBlocklist: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '2h', retry: retry(0, '5m') },
  // Never throws for the URL's sake (answers "unknown"); 10 s fetch limit inside.
  checkLiveness: { startToCloseTimeout: '45s', retry: retry(3, '30s') },
  // Stores the manifest, then delivers; the police acknowledgment SLA is tracked by the workflow.
  deliverPolicePackage: { startToCloseTimeout: '2m', scheduleToCloseTimeout: '6h', retry: retry(0, '10m') },
  publishStatement: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '2h', retry: retry(0, '5m') },
  storeCaseText: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '1h', retry: retry(0, '2m', '1s') },
  // History pages + one S3 write; heartbeats between.
  archiveCaseHistory: { startToCloseTimeout: '10m', heartbeatTimeout: '1m', retry: retry(10, '5m') },
};

export { FETCH_TASK_QUEUE_SUFFIX, fetchTaskQueueFor } from '../config/task-queues';

/**
 * Issue 15, called by the case: claim matching (a lookup: a few quick tries, then intake goes on
 * without a link) and the index and verdict-example writes (idempotent per case, kept trying for an hour).
 */
export const LEARNING_ACTIVITY_OPTIONS = {
  matchClaim: { startToCloseTimeout: '30s', retry: retry(3, '10s', '1s') },
  indexClaim: { startToCloseTimeout: '1m', scheduleToCloseTimeout: '1h', retry: retry(0, '2m', '1s') },
  // The write decides: it is kept trying like indexClaim (its match is repeated with it, never against itself).
  matchAndIndexClaim: {
    startToCloseTimeout: '1m',
    scheduleToCloseTimeout: '1h',
    retry: retry(0, '2m', '1s'),
  },
  recordVerdictExample: {
    startToCloseTimeout: '1m',
    scheduleToCloseTimeout: '1h',
    retry: retry(0, '2m', '1s'),
  },
} satisfies Record<string, ActivityOptions>;
