import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import type { CaseReporter } from './case-reporter';

export type UntilCaseGone<T> = { ended: 'done'; value: T } | { ended: 'case_gone' };

/**
 * Runs a child's work until it ends, or until its case is found closed (a report to it could not be
 * delivered): then the work is cancelled and the child ends cleanly instead of reporting into the
 * void for weeks. A cancellation of the child itself and any other failure pass through unchanged.
 */
export async function untilCaseGone<T>(
  reporter: CaseReporter,
  work: () => Promise<T>,
): Promise<UntilCaseGone<T>> {
  const scope = new CancellationScope();
  let finished = false;
  const running = scope.run(work).finally(() => {
    finished = true;
  });
  // Observed below; attached now so a failure while waiting is never an unhandled rejection.
  running.catch(() => undefined);
  await condition(() => finished || reporter.caseGone !== undefined);
  if (finished) return { ended: 'done', value: await running };
  scope.cancel();
  try {
    return { ended: 'done', value: await running };
  } catch (error) {
    if (isCancellation(error) && !CancellationScope.current().consideredCancelled)
      return { ended: 'case_gone' };
    throw error;
  }
}
