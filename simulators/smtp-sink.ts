import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startJsonServer, type Route } from './http-kit';
import { FaultSwitch } from './fault-switch';
import { parseMail } from './mail-parsing';
import { RequestLog } from './request-log';

export interface ReceivedMail {
  messageId?: string;
  from?: string;
  to: string[];
  subject?: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
}

const MAX_MESSAGE = 2 * 1024 * 1024;

/**
 * A real SMTP server that keeps what it receives (smtp-server, no TLS, any or no login), plus an HTTP
 * API to read it: GET /messages (?messageId=...), GET /_log. A message whose Message-ID it has seen
 * is accepted and dropped, as a mail system deduplicates a resend.
 */
export async function startSmtpSink(listen: { host?: string; smtpPort?: number; apiPort?: number } = {}) {
  const host = listen.host ?? '127.0.0.1';
  const log = new RequestLog();
  const messages: ReceivedMail[] = [];
  const seen = new Set<string>();
  const faults = new FaultSwitch();

  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'local' });
    },
    onData(stream, session, callback) {
      if (faults.active()) {
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('the SMTP sink is down (fault injected)'), { responseCode: 421 })),
        );
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const id = parsed.messageId;
        if (id && seen.has(id)) {
          log.add({
            method: 'DATA',
            path: 'smtp',
            kind: 'mail',
            requestId: id,
            outcome: 'duplicate',
            status: 250,
          });
          callback();
          return;
        }
        if (id) seen.add(id);
        const from = session.envelope.mailFrom;
        messages.push({
          messageId: id,
          from: from ? from.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: parsed.subject,
          text: parsed.text,
          headers: parsed.headers,
          receivedAt: new Date().toISOString(),
        });
        log.add({
          method: 'DATA',
          path: 'smtp',
          kind: 'mail',
          requestId: id,
          outcome: 'accepted',
          status: 250,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(listen.smtpPort ?? 0, host, () => resolve());
  });
  smtp.on('error', () => undefined);
  const smtpPort = (smtp as unknown as { server: { address(): AddressInfo } }).server.address().port;

  const routes: Route[] = [
    log.route(),
    {
      method: 'GET',
      path: /^\/messages$/,
      handle(request) {
        const messageId = request.url.searchParams.get('messageId');
        return {
          status: 200,
          body: messageId ? messages.filter((mail) => mail.messageId === messageId) : messages,
        };
      },
    },
  ];
  const api = await startJsonServer(routes, { host, port: listen.apiPort }, faults);
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    smtpPort,
    apiUrl: api.url,
    log,
    stop: async () => {
      await Promise.all([api.stop(), new Promise<void>((resolve) => smtp.close(() => resolve()))]);
    },
  };
}
