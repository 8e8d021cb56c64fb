import type { Notification } from '../../domain/channels';
import { WEBHOOK_SIGNATURE_HEADER, signWebhook } from '../../lib/webhook-signature';
import { readCapped } from '../http/read-capped';
import { PermanentDeliveryError, type NotificationChannel } from './notification-channel';

export interface WebhookConfig {
  url: string;
  /**
   * Signs each request (X-Saring-Signature: t=<unix>,v1=<hex HMAC of "t.body">) so the receiver can tell it
   * came from us and refuse old or replayed requests.
   */
  secret?: string;
  /** The clock for signature timestamps; tests move it. */
  now?: () => Date;
  timeoutMs: number;
}

/** Bytes of the receiver's answer read (for error details). */
const WEBHOOK_ANSWER_BYTES = 4 * 1024;

/**
 * The last signature timestamp used per requestId in this process: a resend within the same second
 * gets the next second, so it never repeats a signature (receivers refuse a reused one as a replay).
 * Entries older than ten minutes are dropped.
 */
const lastSignedAt = new Map<string, number>();

function signatureTimestamp(requestId: string, now: Date): number {
  const seconds = Math.floor(now.getTime() / 1000);
  for (const [id, at] of lastSignedAt) if (at < seconds - 600) lastSignedAt.delete(id);
  const previous = lastSignedAt.get(requestId);
  const timestamp = previous !== undefined && previous >= seconds ? previous + 1 : seconds;
  lastSignedAt.set(requestId, timestamp);
  return timestamp;
}

const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * POSTs the notification as JSON to the rapid response unit's webhook (chat bridge, pager). The body
 * is the same on every attempt and carries Idempotency-Key = requestId, so the receiver drops repeats.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(private readonly config: WebhookConfig) {}

  appliesTo(): boolean {
    return true;
  }

  async deliver(notification: Notification, signal?: AbortSignal): Promise<string> {
    const body = JSON.stringify({
      requestId: notification.requestId,
      caseId: notification.caseId,
      audience: notification.audience,
      officerId: notification.officerId ?? null,
      kind: notification.kind,
      subject: notification.subject,
      body: notification.body,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': notification.requestId,
    };
    // Signed per attempt: a retry carries a fresh timestamp, the receiver dedupes it by Idempotency-Key.
    if (this.config.secret)
      headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(
        this.config.secret,
        body,
        signatureTimestamp(notification.requestId, this.config.now?.() ?? new Date()),
      );
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const response = await fetch(this.config.url, {
      method: 'POST',
      headers,
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    // Only the start of the receiver's answer is kept, for the error detail; the rest is never read.
    const { body: head } = await readCapped(response, WEBHOOK_ANSWER_BYTES).catch(() => ({
      body: new Uint8Array(),
    }));
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
    if (response.ok) return `HTTP ${response.status}`;
    const detail = `webhook answered ${response.status}: ${text.slice(0, 200)}`;
    if (TRANSIENT.has(response.status)) throw new Error(detail);
    throw new PermanentDeliveryError(detail);
  }
}
