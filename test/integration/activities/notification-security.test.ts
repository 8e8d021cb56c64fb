import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationsConfig } from '../../../config/activities';
import { EmailChannel } from '../../../activities/notifications/email-channel';
import { WebhookChannel } from '../../../activities/notifications/webhook-channel';
import type { Notification } from '../../../domain/channels';
import { WEBHOOK_SIGNATURE_HEADER } from '../../../lib/webhook-signature';
import { startWebhookSink } from '../../../simulators/webhook-sink';

const notification = (id: string): Notification => ({
  requestId: `security-${Date.now().toString(36)}-${id}:notify`,
  caseId: `case-security-${id}`,
  audience: 'rapid_response_unit',
  kind: 'new_case',
  subject: `Kasus baru (${id})`,
  body: 'Konten judi online terdeteksi.',
});

/** A real HTTP server that records the exact request the webhook channel sends, so the test can replay it. */
async function startRecorder() {
  const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/rapid-response`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook signatures carry a timestamp and cannot be replayed', () => {
  const secret = 'security-test-webhook-secret';
  let clock = new Date();
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  let recorder: Awaited<ReturnType<typeof startRecorder>>;

  beforeAll(async () => {
    sink = await startWebhookSink({ secret, now: () => clock }, { host: '127.0.0.1' });
    recorder = await startRecorder();
  });

  afterAll(async () => {
    await Promise.all([sink?.stop(), recorder?.close()]);
  });

  beforeEach(() => {
    clock = new Date();
  });

  const replay = (captured: { headers: http.IncomingHttpHeaders; body: string }) =>
    fetch(`${sink.url}/hooks/rapid-response`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': String(captured.headers['idempotency-key']),
        [WEBHOOK_SIGNATURE_HEADER]: String(captured.headers[WEBHOOK_SIGNATURE_HEADER]),
      },
      body: captured.body,
    });

  it('signs t=<unix>,v1=<hmac of "t.body"> and the sink accepts a fresh one', async () => {
    const receipt = await new WebhookChannel({
      url: `${sink.url}/hooks/rapid-response`,
      secret,
      timeoutMs: 5_000,
    }).deliver(notification('fresh'));
    expect(receipt).toBe('HTTP 200');
    await new WebhookChannel({ url: recorder.url, secret, timeoutMs: 5_000 }).deliver(notification('shape'));
    expect(String(recorder.requests.at(-1)?.headers[WEBHOOK_SIGNATURE_HEADER])).toMatch(
      /^t=\d{10},v1=[0-9a-f]{64}$/,
    );
  });

  it('refuses a captured request replayed to the sink a second time', async () => {
    await new WebhookChannel({ url: recorder.url, secret, timeoutMs: 5_000 }).deliver(
      notification('replayed'),
    );
    const captured = recorder.requests.at(-1)!;
    expect((await replay(captured)).status).toBe(200);
    const second = await replay(captured);
    expect(second.status).toBe(401);
    expect(await second.json()).toMatchObject({ error: expect.stringContaining('already used') });
  });

  it('refuses a captured request replayed after the window, even if never delivered', async () => {
    await new WebhookChannel({ url: recorder.url, secret, timeoutMs: 5_000 }).deliver(notification('late'));
    const captured = recorder.requests.at(-1)!;
    clock = new Date(Date.now() + 301_000);
    const late = await replay(captured);
    expect(late.status).toBe(401);
    expect(await late.json()).toMatchObject({ error: expect.stringContaining('more than 300 s from now') });
  });

  it('refuses a signature whose body was changed, and the old unsigned-timestamp format', async () => {
    await new WebhookChannel({ url: recorder.url, secret, timeoutMs: 5_000 }).deliver(
      notification('tampered'),
    );
    const captured = recorder.requests.at(-1)!;
    const tampered = await replay({
      ...captured,
      body: captured.body.replace('judi online', 'berita biasa'),
    });
    expect(tampered.status).toBe(401);
    const legacy = await replay({
      ...captured,
      headers: { ...captured.headers, [WEBHOOK_SIGNATURE_HEADER]: `sha256=${'0'.repeat(64)}` },
    });
    expect(legacy.status).toBe(401);
    expect(await legacy.json()).toMatchObject({ error: expect.stringContaining('t=<unix seconds>') });
  });
});

describe('SMTP requires TLS outside local mode', () => {
  let server: SMTPServer;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    // A real SMTP server that offers no STARTTLS: the channel must not fall back to plain text.
    server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  const emailConfig = (extra: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port,
    from: 'saring@diskominfo.kalselprov.go.id',
    recipients: { rapid_response_unit: ['rapid-response@diskominfo.kalselprov.go.id'] },
    timeoutMs: 5_000,
    ...extra,
  });

  it('defaults to requireTLS and refuses to send to a server without STARTTLS', async () => {
    const config = NotificationsConfig.parse({ email: emailConfig() });
    expect(config.email?.requireTLS).toBe(true);
    await expect(new EmailChannel(config.email!).deliver(notification('plain'))).rejects.toThrow(/STARTTLS/i);
    expect(received).toBe(0);
  });

  it('the local sink may stay plain: requireTLS false is accepted for loopback only, and sends', async () => {
    const local = NotificationsConfig.parse({ email: emailConfig({ requireTLS: false }) });
    await expect(new EmailChannel(local.email!).deliver(notification('local'))).resolves.toMatch(
      /sent to 1 recipient/,
    );
    expect(received).toBe(1);
    const remote = NotificationsConfig.safeParse({
      email: emailConfig({ host: 'smtp.kalselprov.go.id', requireTLS: false }),
    });
    expect(remote.success).toBe(false);
    expect(remote.error?.issues[0]).toMatchObject({
      path: ['email', 'requireTLS'],
      message: expect.stringContaining('set requireTLS to true'),
    });
  });
});
