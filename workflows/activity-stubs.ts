import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/contract';
import { ACTIVITY_OPTIONS, TAKEDOWN_POLL_OPTIONS } from '../activities/options';

/**
 * Activity stubs with the per-activity options the activities recommend (activities/options.ts).
 * Every activity is idempotent per requestId, so retries are safe.
 */
function stub<K extends keyof CaseActivities>(name: K): CaseActivities[K] {
  return proxyActivities<Pick<CaseActivities, K>>(ACTIVITY_OPTIONS[name])[name] as CaseActivities[K];
}

/** The takedown status poll that gives up quickly: its caller treats a failure as a missed poll. */
export const pollTakedownStatus =
  proxyActivities<Pick<CaseActivities, 'checkTakedownStatus'>>(TAKEDOWN_POLL_OPTIONS).checkTakedownStatus;

export const caseActivities: CaseActivities = {
  classifyContent: stub('classifyContent'),
  captureSnapshot: stub('captureSnapshot'),
  verifyEvidence: stub('verifyEvidence'),
  notify: stub('notify'),
  requestTakedown: stub('requestTakedown'),
  checkTakedownStatus: stub('checkTakedownStatus'),
  sendWarningLetter: stub('sendWarningLetter'),
  recommendBlocklist: stub('recommendBlocklist'),
  withdrawTakedown: stub('withdrawTakedown'),
  checkLiveness: stub('checkLiveness'),
  deliverPolicePackage: stub('deliverPolicePackage'),
  publishStatement: stub('publishStatement'),
  archiveCaseHistory: stub('archiveCaseHistory'),
  storeCaseText: stub('storeCaseText'),
};
