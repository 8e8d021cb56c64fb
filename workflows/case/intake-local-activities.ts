import { proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities/contract';
import { ACTIVITY_OPTIONS } from '../../activities/options';

/**
 * Classification as a local activity (lean intake, issue 14): it is CPU work of milliseconds with no
 * outward call, so it runs in the worker that holds the workflow task and leaves one marker in the
 * history (its result), instead of three events, its input (the whole text) and a workflow task of
 * its own. Same timeout and retries as the activity.
 */
export const { classifyContent: classifyLocally } = proxyLocalActivities<
  Pick<CaseActivities, 'classifyContent'>
>({
  startToCloseTimeout: ACTIVITY_OPTIONS.classifyContent.startToCloseTimeout!,
  ...(ACTIVITY_OPTIONS.classifyContent.retry ? { retry: ACTIVITY_OPTIONS.classifyContent.retry } : {}),
});
