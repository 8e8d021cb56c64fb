import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ClaimActivities } from '../activities/claims-contract';
import type { ClassifierActivities } from '../activities/classifier-contract';
import { LEARNING_ACTIVITY_OPTIONS } from '../activities/options';

/** Issue 15 activities the case calls: claim matching across cases and verdicts as training examples. */
export const learningActivities = {
  matchClaim: proxyActivities<Pick<ClaimActivities, 'matchClaim'>>(LEARNING_ACTIVITY_OPTIONS.matchClaim)
    .matchClaim,
  indexClaim: proxyActivities<Pick<ClaimActivities, 'indexClaim'>>(LEARNING_ACTIVITY_OPTIONS.indexClaim)
    .indexClaim,
  recordVerdictExample: proxyActivities<Pick<ClassifierActivities, 'recordVerdictExample'>>(
    LEARNING_ACTIVITY_OPTIONS.recordVerdictExample,
  ).recordVerdictExample,
};

/**
 * Claim matching and registration at intake as local activities (lean-claims patch, issue 14): a read
 * of the claim index and one small write, run by the worker holding the workflow task, each leaving one
 * marker instead of three events and a workflow task. Same timeouts and retries as the activities.
 */
export const localClaimActivities = {
  matchClaim: proxyLocalActivities<Pick<ClaimActivities, 'matchClaim'>>(LEARNING_ACTIVITY_OPTIONS.matchClaim)
    .matchClaim,
  indexClaim: proxyLocalActivities<Pick<ClaimActivities, 'indexClaim'>>(LEARNING_ACTIVITY_OPTIONS.indexClaim)
    .indexClaim,
  matchAndIndexClaim: proxyLocalActivities<Pick<ClaimActivities, 'matchAndIndexClaim'>>(
    LEARNING_ACTIVITY_OPTIONS.matchAndIndexClaim,
  ).matchAndIndexClaim,
};
