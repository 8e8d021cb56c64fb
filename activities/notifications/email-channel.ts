import nodemailer, { type Transporter } from 'nodemailer';
import type { Notification } from '../../domain/channels';
import { sha256Hex } from '../../lib/sha256';
import { PermanentDeliveryError, type NotificationChannel } from './notification-channel';

type Audience = Notification['audience'];

export interface EmailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Fail unless the server upgrades to TLS with STARTTLS (never send in plain text); false only for a loopback sink. */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  from: string;
  /** Right-hand side of Message-IDs; defaults to the sender's domain. */
  messageIdDomain?: string;
  recipients: Partial<Record<Audience, string[]>>;
  /** Officers' addresses, for notifications aimed at one officer as well (reminders to an assignee). */
  officerEmails: Record<string, string>;
  timeoutMs: number;
}

/**
 * The Message-ID is derived from the requestId alone, so every attempt sends the same one: mail
 * systems (and the local sink) recognise a repeat. Hashed because requestIds may hold characters a
 * Message-ID may not.
 */
export function messageIdFor(requestId: string, domain: string): string {
  return `<saring.${sha256Hex(requestId).slice(0, 40)}@${domain}>`;
}

/** Email over SMTP (nodemailer) to the audience's configured addresses. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly config: EmailConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTLS,
      tls: { minVersion: 'TLSv1.2' },
      auth: config.auth,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
    });
    this.domain = config.messageIdDomain ?? config.from.split('@')[1] ?? 'saring.local';
  }

  private recipientsOf(notification: Notification): string[] {
    const officer = notification.officerId ? this.config.officerEmails[notification.officerId] : undefined;
    return [
      ...new Set([...(this.config.recipients[notification.audience] ?? []), ...(officer ? [officer] : [])]),
    ];
  }

  appliesTo(notification: Notification): boolean {
    return this.recipientsOf(notification).length > 0;
  }

  async deliver(notification: Notification): Promise<string> {
    const to = this.recipientsOf(notification);
    try {
      const info = (await this.transport.sendMail({
        from: this.config.from,
        to,
        subject: notification.subject,
        text: `${notification.body}\n\n--\nKasus ${notification.caseId} · Saring Sebelum Sharing`,
        messageId: messageIdFor(notification.requestId, this.domain),
        headers: {
          'X-Saring-Request-Id': notification.requestId,
          'X-Saring-Case-Id': notification.caseId,
          'X-Saring-Kind': notification.kind,
        },
      })) as { accepted?: unknown[]; messageId?: string };
      return `sent to ${info.accepted?.length ?? to.length} recipient(s) as ${info.messageId ?? '?'}`;
    } catch (error) {
      const smtp = error as { responseCode?: number; code?: string; message?: string };
      // 5xx is a final refusal; EENVELOPE means no recipient was acceptable.
      if ((smtp.responseCode ?? 0) >= 500 || smtp.code === 'EENVELOPE')
        throw new PermanentDeliveryError(`SMTP refused: ${smtp.message}`);
      throw error;
    }
  }
}
