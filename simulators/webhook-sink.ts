import {
  DEFAULT_REPLAY_WINDOW_SECONDS,
  WEBHOOK_SIGNATURE_HEADER,
  verifyWebhookSignature,
} from '../lib/webhook-signature';
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
 * X-Saring-Signature (t=<unix>,v1=<HMAC of "t.body">): refused when malformed, wrong, older or newer
 * than the replay window, or already used. A subject containing "sim-webhook-503" fails once per key (503).
 */
export async function startWebhookSink(
  options: { secret?: string; windowSeconds?: number; now?: () => Date } = {},
  listen: { host?: string; port?: number } = {},
) {
  const log = new RequestLog();
  const windowSeconds = options.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  /** Signatures accepted, until they fall out of the window (then their timestamp refuses them anyway). */
  const usedSignatures = new Map<string, number>();
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
        let acceptedSignature: { signature: string; timestamp: number } | undefined;
        if (options.secret) {
          const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
          for (const [used, timestamp] of usedSignatures)
            if (nowSeconds - timestamp > windowSeconds) usedSignatures.delete(used);
          const check = verifyWebhookSignature({
            secret: options.secret,
            header: header(request, WEBHOOK_SIGNATURE_HEADER),
            body: request.raw,
            nowSeconds,
            windowSeconds,
          });
          const reason = !check.ok
            ? check.reason
            : usedSignatures.has(check.signature)
              ? 'signature already used (replay); sign each request afresh'
              : undefined;
          signatureValid = reason === undefined;
          if (!check.ok || reason) {
            log.add({
              method: 'POST',
              path,
              kind: 'hook',
              requestId: key,
              outcome: 'unauthorized',
              status: 401,
            });
            return { status: 401, body: { error: reason } };
          }
          acceptedSignature = check;
        }
        if (received.has(key)) {
          log.add({ method: 'POST', path, kind: 'hook', requestId: key, outcome: 'duplicate', status: 200 });
          return { status: 200, body: { received: true, duplicate: true } };
        }
        const subject = (request.json as { subject?: unknown } | undefined)?.subject;
        if (typeof subject === 'string' && subject.includes('sim-webhook-503') && !failedOnce.has(key)) {
          failedOnce.add(key);
          log.add({
            method: 'POST',
            path,
            kind: 'hook',
            requestId: key,
            outcome: 'failed_transient',
            status: 503,
          });
          return { status: 503, body: { error: 'temporarily unavailable (simulated)' } };
        }
        // Only a request that took effect uses up its signature; a refused or failed one may be sent again.
        if (acceptedSignature) usedSignatures.set(acceptedSignature.signature, acceptedSignature.timestamp);
        received.set(key, {
          idempotencyKey: key,
          path,
          body: request.json,
          signatureValid,
          receivedAt: new Date().toISOString(),
        });
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
