import { Context } from '@temporalio/activity';

/** The running activity's context, or undefined when the code runs outside one (unit tests, scripts). */
function currentContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/** Heartbeats when inside an activity; the SDK throttles calls, so call it as often as progress is made. */
export function heartbeat(details?: unknown): void {
  currentContext()?.heartbeat(details);
}

/** Aborts when the activity is cancelled or its worker shuts down; undefined outside an activity. */
export function cancellationSignal(): AbortSignal | undefined {
  return currentContext()?.cancellationSignal;
}

/** 1 for the first try; the retry of a crashed or failed attempt sees 2, 3, ... */
export function attemptNumber(): number {
  return currentContext()?.info.attempt ?? 1;
}
