import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { NON_RETRYABLE_ERROR_TYPES } from '../../activities/options';

/** The activity gave up through retryable failures or its timeouts (the service is down), not through a refusal. */
export function isOutage(error: unknown): boolean {
  if (!(error instanceof ActivityFailure)) return false;
  const cause = error.cause;
  if (cause instanceof ApplicationFailure)
    return (
      !cause.nonRetryable && !(NON_RETRYABLE_ERROR_TYPES as readonly string[]).includes(cause.type ?? '')
    );
  return cause instanceof TimeoutFailure;
}
