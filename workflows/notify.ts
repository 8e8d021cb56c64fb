import { CancellationScope, isCancellation, log } from '@temporalio/workflow';
import { caseActivities } from './activity-stubs';
import { PATCHES, usePatch } from './case/versions';
import type { SlaNotification } from './sla';

/**
 * Notifications never hold a case up and never fail it: they are sent in the background, a failure
 * (after the activity's own retries) is reported to `onFailure`, a cancellation is ignored. The
 * pending ones are awaited before a workflow ends (`settled`), so none is cut off by the completion.
 */
export class Notifier {
  private readonly pending = new Set<Promise<void>>();
  /** Asked once per run, where the notifier is made (at the run's start); false when replaying older histories. */
  private readonly finishStarted: boolean;

  constructor(
    private readonly caseId: string,
    private readonly onFailure: (notification: SlaNotification, error: unknown) => void,
    /** Decided by the caller (the lean patch implies it); asked here when undefined. */
    finishStarted?: boolean,
  ) {
    this.finishStarted = finishStarted ?? usePatch(PATCHES.notificationsFinish);
  }

  send(notification: SlaNotification): Promise<void> {
    const call = () => caseActivities.notify({ caseId: this.caseId, ...notification });
    const sending = (this.finishStarted ? CancellationScope.nonCancellable(call) : call())
      .then(
        () => undefined,
        (error: unknown) => {
          if (isCancellation(error) || CancellationScope.current().consideredCancelled) return;
          log.warn('notification failed', {
            caseId: this.caseId,
            requestId: notification.requestId,
            error: String(error),
          });
          this.onFailure(notification, error);
        },
      )
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
    return sending;
  }

  /** No notification in flight. */
  idle(): boolean {
    return this.pending.size === 0;
  }

  /** Waits for every notification still in flight. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
