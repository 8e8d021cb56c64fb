import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  isCancellation,
  log,
  sleep,
} from '@temporalio/workflow';
import { NON_RETRYABLE_ERROR_TYPES } from '../../activities/options';

const DAY_MS = 86_400_000;

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

export interface OutagePolicy {
  /** What is being tried, for the worker log. */
  what: string;
  /** Identifies the case in the worker log. */
  logContext: Record<string, unknown>;
  /**
   * Whether this run waits out outages at all (its patch or version). Asked only once an outage has
   * happened, so a `patched()` marker lands where it always did.
   */
  waitsOut: () => boolean;
  /** The pause after the first miss; it doubles after each further miss, up to a day. */
  firstPauseMs: number;
  /** Tells the case, once, that the step is late. */
  onFirstMiss: (error: unknown) => Promise<void>;
  /** Runs when the call is answered after `missed` misses (only when there were some). */
  onAnsweredLate?: (missed: number) => Promise<void>;
}

/**
 * Calls `call` until it is answered, however long its service is down: when the activity's own retries
 * are used up through an outage, the step is late, not failed; it is tried again (same request id) after
 * a growing pause, so an outage of days adds a few dozen events. A refusal no retry can fix, a
 * cancellation, or a run that does not wait out outages still throws.
 */
export async function untilThroughOutage<T>(call: () => Promise<T>, policy: OutagePolicy): Promise<T> {
  for (let missed = 0; ;) {
    try {
      const answer = await call();
      if (missed > 0) await policy.onAnsweredLate?.(missed);
      return answer;
    } catch (error) {
      if (isCancellation(error) || !isOutage(error) || !policy.waitsOut()) throw error;
      missed += 1;
      log.warn(`${policy.what} failed; tried again later`, { ...policy.logContext, error: String(error) });
      if (missed === 1) await policy.onFirstMiss(error);
      await sleep(Math.min(policy.firstPauseMs * 2 ** (missed - 1), DAY_MS));
    }
  }
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
