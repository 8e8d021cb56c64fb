import { EmailChannel, messageIdFor } from '../../../activities/notifications/email-channel';
import { MemoryDeliveryLedger } from '../../../activities/notifications/delivery-ledger';
import { Notifier } from '../../../activities/notifications/notifier';
import { WebhookChannel } from '../../../activities/notifications/webhook-channel';
import type { Notification } from '../../../domain/channels';
import {
  activitiesHarness,
  getJson,
  simulatorLog,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';

interface SinkMail {
  messageId?: string;
  to: string[];
  subject?: string;
  text: string;
  headers: Record<string, string>;
}

describe('notifications to the webhook receiver and the SMTP sink', () => {
  let harness: ActivitiesHarness;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    harness = await activitiesHarness('notify');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const notification = (id: string, overrides: Partial<Notification> = {}): Notification => ({
    requestId: `${run}-${id}:notify`,
    caseId: `case-${run}-${id}`,
    audience: 'rapid_response_unit',
    kind: 'new_case',
    subject: `Kasus baru: judi online (${id})`,
    body: 'Konten judi online terdeteksi di TikTok, prioritas tinggi. Mohon segera diverifikasi.',
    ...overrides,
  });
  const mailsFor = (requestId: string) =>
    getJson<SinkMail[]>(
      `${harness.sims.smtpSinkApi}/messages?messageId=${encodeURIComponent(messageIdFor(requestId, 'diskominfo.kalselprov.go.id'))}`,
    );
  const hooksFor = (requestId: string) =>
    getJson<unknown[]>(
      `${harness.sims.webhookSink}/messages?idempotencyKey=${encodeURIComponent(requestId)}`,
    );

  it('delivers by webhook and by email, and a retried notify delivers nothing twice', async () => {
    const message = notification('1', { subject: 'Kasus baru: judi online — prioritas tinggi ✅' });
    const receipt = await harness.activities.notify(message);
    expect(receipt.deliveries).toEqual([
      { channel: 'webhook', ok: true, detail: 'HTTP 200' },
      { channel: 'email', ok: true, detail: expect.stringContaining('sent to 1 recipient') },
    ]);
    const mails = await mailsFor(message.requestId);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: ['rapid-response@diskominfo.kalselprov.go.id'],
      subject: message.subject,
    });
    expect(mails[0]!.headers['x-saring-request-id']).toBe(message.requestId);
    expect(mails[0]!.text).toContain('Mohon segera diverifikasi');

    const again = await harness.activities.notify(message);
    expect(again.deliveries.map((delivery) => delivery.detail)).toEqual([
      'already delivered',
      'already delivered',
    ]);
    expect(await mailsFor(message.requestId)).toHaveLength(1);
    expect(await hooksFor(message.requestId)).toHaveLength(1);
  });

  it('is deduplicated by the receivers too, when a sender without memory resends', async () => {
    const message = notification('2');
    await harness.activities.notify(message);
    // Another worker, fresh memory: it does send again, and both receivers recognise the repeat.
    const forgetful = new Notifier(
      [
        new WebhookChannel(harness.config.notifications.webhook!),
        new EmailChannel(harness.config.notifications.email!),
      ],
      new MemoryDeliveryLedger(),
    );
    await forgetful.notify(message);
    expect(await mailsFor(message.requestId)).toHaveLength(1);
    expect(await hooksFor(message.requestId)).toHaveLength(1);
    const hookLog = await simulatorLog(harness.sims.webhookSink, { requestId: message.requestId });
    expect(hookLog.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
    const mailLog = await simulatorLog(harness.sims.smtpSinkApi, {
      requestId: messageIdFor(message.requestId, 'diskominfo.kalselprov.go.id'),
    });
    expect(mailLog.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('retries only the channel that failed', async () => {
    const message = notification('3', {
      subject: 'Pengingat SLA sim-webhook-503',
      kind: 'sla_reminder',
      audience: 'supervisors',
    });
    await expect(harness.activities.notify(message)).rejects.toMatchObject({
      type: 'NotificationUndelivered',
      nonRetryable: false,
    });
    expect(await mailsFor(message.requestId)).toHaveLength(1);

    const retry = await harness.activities.notify(message);
    expect(retry.deliveries).toEqual([
      { channel: 'webhook', ok: true, detail: 'HTTP 200' },
      { channel: 'email', ok: true, detail: 'already delivered' },
    ]);
    expect(await mailsFor(message.requestId)).toHaveLength(1);
    const hookLog = await simulatorLog(harness.sims.webhookSink, { requestId: message.requestId });
    expect(hookLog.map((entry) => entry.outcome)).toEqual(['failed_transient', 'accepted']);
  });

  it('adds the officer’s own address for a reminder aimed at an assignee', async () => {
    const channel = new EmailChannel({
      ...harness.config.notifications.email!,
      officerEmails: { 'siti.verifier': 'siti@diskominfo.kalselprov.go.id' },
    });
    const message = notification('4', {
      audience: 'rapid_response_unit',
      officerId: 'siti.verifier',
      kind: 'sla_reminder',
    });
    await new Notifier([channel], new MemoryDeliveryLedger()).notify(message);
    const [mail] = await mailsFor(message.requestId);
    expect(mail?.to.sort()).toEqual([
      'rapid-response@diskominfo.kalselprov.go.id',
      'siti@diskominfo.kalselprov.go.id',
    ]);
  });

  it('rejects a notification that does not parse', async () => {
    await expect(
      harness.activities.notify({ ...notification('5'), audience: 'everyone' } as unknown as Notification),
    ).rejects.toMatchObject({
      type: 'InvalidActivityInput',
    });
  });
});
