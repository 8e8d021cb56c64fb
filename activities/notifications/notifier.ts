import { ApplicationFailure } from '@temporalio/common';
import type { Notification, NotificationReceipt } from '../../domain/channels';
import type { DeliveryLedger } from './delivery-ledger';
import { PermanentDeliveryError, type NotificationChannel } from './notification-channel';

export const NOTIFICATION_UNDELIVERED = 'NotificationUndelivered';

/**
 * Sends a notification on every channel that applies. A channel that already delivered this requestId
 * (per the ledger) is skipped, so when one channel fails for a moment the retry resends only that one.
 * Transient failures fail the attempt (Temporal retries); permanent ones are reported in the receipt.
 */
export class Notifier {
  constructor(
    private readonly channels: readonly NotificationChannel[],
    private readonly ledger: DeliveryLedger,
  ) {}

  async notify(notification: Notification, signal?: AbortSignal): Promise<NotificationReceipt> {
    const deliveries: NotificationReceipt['deliveries'] = [];
    const transient: string[] = [];
    for (const channel of this.channels.filter((candidate) => candidate.appliesTo(notification))) {
      if (await this.ledger.has(notification.requestId, channel.name)) {
        deliveries.push({ channel: channel.name, ok: true, detail: 'already delivered' });
        continue;
      }
      try {
        const detail = await channel.deliver(notification, signal);
        await this.ledger.record(notification.requestId, channel.name, detail);
        deliveries.push({ channel: channel.name, ok: true, detail });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentDeliveryError)
          deliveries.push({ channel: channel.name, ok: false, detail: message });
        else transient.push(`${channel.name}: ${message}`);
      }
    }
    if (transient.length > 0) {
      throw ApplicationFailure.retryable(
        `notification ${notification.requestId} not delivered yet: ${transient.join('; ')}`,
        NOTIFICATION_UNDELIVERED,
      );
    }
    return { deliveries };
  }
}
