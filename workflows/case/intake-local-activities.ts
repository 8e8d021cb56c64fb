import { proxyLocalActivities, type LocalActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities/contract';
import { ACTIVITY_OPTIONS } from '../../activities/options';

// classifyContent's options are a start-to-close timeout and a retry policy, both valid for a local activity.
const options: LocalActivityOptions = { ...ACTIVITY_OPTIONS.classifyContent };

/**
 * Classification as a local activity (lean intake, issue 14): it is CPU work of milliseconds with no
 * outward call, so it runs in the worker that holds the workflow task and leaves one marker in the
 * history (its result), instead of three events, its input (the whole text) and a workflow task of
 * its own. Same timeout and retries as the activity.
 */
export const { classifyContent: classifyLocally } =
  proxyLocalActivities<Pick<CaseActivities, 'classifyContent'>>(options);
