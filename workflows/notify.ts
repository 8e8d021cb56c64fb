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
  /** What each pending send carries and the scope that can call it off (abandonPending). */
  private readonly sends = new Map<
    Promise<void>,
    { notification: SlaNotification; scope: CancellationScope }
  >();
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
    // Its own scope, made inside the non-cancellable one: no enclosing cancellation reaches it, abandonPending can.
    let own: CancellationScope | undefined;
    const sending = (
      this.finishStarted
        ? CancellationScope.nonCancellable(() => {
            own = new CancellationScope();
            return own.run(call);
          })
        : call()
    )
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
      .finally(() => {
        this.pending.delete(sending);
        this.sends.delete(sending);
      });
    this.pending.add(sending);
    if (own) this.sends.set(sending, { notification, scope: own });
    return sending;
  }

  /**
   * Calls off every notification still being retried (a closing case that waited long enough, see
   * case/close-notifications.ts), after handing each to `onAbandoned`; they settle as cancelled.
   */
  abandonPending(onAbandoned: (notification: SlaNotification) => void): number {
    const abandoned = [...this.sends.values()];
    for (const { notification, scope } of abandoned) {
      onAbandoned(notification);
      scope.cancel();
    }
    return abandoned.length;
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
