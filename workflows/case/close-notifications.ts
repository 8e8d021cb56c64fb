import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { CaseContext } from './context';

/**
 * How long a closing case waits for its notifications. A notification in an outage is retried for up
 * to 2 h (activities/options.ts); the case does not stay open for it: what is still being retried then
 * is called off and put on the timeline as not delivered, so the miss is visible in the closed case.
 */
export const CLOSING_NOTIFICATION_WAIT = '2m';

/**
 * The closing case's drain (runs with the close-notification-wait patch): every handler finished and
 * the timeline archived as before, notifications for at most CLOSING_NOTIFICATION_WAIT. A notification
 * sent by a late handler meanwhile gets the same bound.
 */
export async function drainBeforeClose(ctx: CaseContext): Promise<void> {
  const drained = () => allHandlersFinished() && ctx.notifier.idle() && (ctx.archiver?.idle() ?? true);
  while (!(await condition(drained, CLOSING_NOTIFICATION_WAIT))) {
    ctx.notifier.abandonPending((notification) =>
      ctx.record('notification_failed', {
        code: 'notification_failed',
        params: { audience: notification.audience, subject: notification.subject },
      }),
    );
  }
}
