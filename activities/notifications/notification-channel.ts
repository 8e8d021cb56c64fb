import type { Notification } from '../../domain/channels';

export type NotificationChannelName = 'webhook' | 'email';

/** One way of reaching people. deliver() resolves with a short detail, or throws. */
export interface NotificationChannel {
  readonly name: NotificationChannelName;
  /** False when the channel has nobody to reach for this notification (no recipients configured). */
  appliesTo(notification: Notification): boolean;
  deliver(notification: Notification, signal?: AbortSignal): Promise<string>;
}

/** The receiver refused for good (bad address, 4xx): retrying cannot help. Anything else is transient. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
