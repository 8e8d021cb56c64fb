import { createHmac, timingSafeEqual } from 'node:crypto';
import { header, startJsonServer, type Route } from './http-kit';
import { RequestLog } from './request-log';

export interface ReceivedHook {
  idempotencyKey: string;
  path: string;
  body: unknown;
  signatureValid?: boolean;
  receivedAt: string;
}

/**
 * The rapid response unit's webhook receiver (chat bridge) for tests and the demo: POST /hooks/{name}
 * with an Idempotency-Key; a repeated key is acknowledged and dropped. With a secret it checks the
 * X-Saring-Signature HMAC. A subject containing "sim-webhook-503" fails once per key (503).
 */
export async function startWebhookSink(options: { secret?: string } = {}, listen: { host?: string; port?: number } = {}) {
  const log = new RequestLog();
  const received = new Map<string, ReceivedHook>();
  const failedOnce = new Set<string>();

  const routes: Route[] = [
    log.route(),
    {
      method: 'POST',
      path: /^\/hooks\/([A-Za-z0-9._-]+)$/,
      handle(request) {
        const path = request.url.pathname;
        const key = header(request, 'idempotency-key');
        if (!key) {
          log.add({ method: 'POST', path, kind: 'hook', outcome: 'invalid', status: 400 });
          return { status: 400, body: { error: 'Idempotency-Key header required' } };
        }
        let signatureValid: boolean | undefined;
        if (options.secret) {
          const expected = `sha256=${createHmac('sha256', options.secret).update(request.raw).digest('hex')}`;
          const given = header(request, 'x-saring-signature') ?? '';
          signatureValid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
          if (!signatureValid) {
            log.add({ method: 'POST', path, kind: 'hook', requestId: key, outcome: 'unauthorized', status: 401 });
            return { status: 401, body: { error: 'bad signature' } };
          }
        }
        if (received.has(key)) {
          log.add({ method: 'POST', path, kind: 'hook', requestId: key, outcome: 'duplicate', status: 200 });
          return { status: 200, body: { received: true, duplicate: true } };
        }
        const subject = (request.json as { subject?: unknown } | undefined)?.subject;
        if (typeof subject === 'string' && subject.includes('sim-webhook-503') && !failedOnce.has(key)) {
          failedOnce.add(key);
          log.add({ method: 'POST', path, kind: 'hook', requestId: key, outcome: 'failed_transient', status: 503 });
          return { status: 503, body: { error: 'temporarily unavailable (simulated)' } };
        }
        received.set(key, { idempotencyKey: key, path, body: request.json, signatureValid, receivedAt: new Date().toISOString() });
        log.add({ method: 'POST', path, kind: 'hook', requestId: key, outcome: 'accepted', status: 200 });
        return { status: 200, body: { received: true, duplicate: false } };
      },
    },
    {
      method: 'GET',
      path: /^\/messages$/,
      handle(request) {
        const key = request.url.searchParams.get('idempotencyKey');
        const all = [...received.values()];
        return { status: 200, body: key ? all.filter((hook) => hook.idempotencyKey === key) : all };
      },
    },
  ];
  return { ...(await startJsonServer(routes, listen)), log };
}
