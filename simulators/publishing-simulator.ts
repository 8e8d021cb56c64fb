import { z } from 'zod';
import { Statement, type PublicationReceipt } from '../domain/channels';
import { header, startJsonServer, type Route } from './http-kit';
import { IdempotencyStore } from './idempotency';
import { escapeHtml } from './platform-simulator';
import { RequestLog } from './request-log';

/**
 * A stand-in for the channels Diskominfo publishes on (website, Instagram, X, Facebook, WhatsApp
 * channel, press release desk): publishes a statement once per requestId and serves it at the URL it
 * reports, under /published/{channel}/{slug}.
 */
export async function startPublishingSimulator(listen: { host?: string; port?: number } = {}) {
  const log = new RequestLog();
  const receipts = new IdempotencyStore<PublicationReceipt>();
  const published = new Map<string, Statement>();
  let base = '';

  const routes: Route[] = [
    log.route(),
    {
      method: 'POST',
      path: /^\/statements$/,
      handle(request) {
        const path = request.url.pathname;
        const parsed = Statement.safeParse(request.json);
        if (!parsed.success) {
          log.add({ method: 'POST', path, kind: 'statement', outcome: 'invalid', status: 422 });
          return { status: 422, body: { error: z.prettifyError(parsed.error) } };
        }
        const statement = parsed.data;
        if ((header(request, 'idempotency-key') ?? statement.requestId) !== statement.requestId) {
          log.add({
            method: 'POST',
            path,
            kind: 'statement',
            requestId: statement.requestId,
            outcome: 'invalid',
            status: 400,
          });
          return { status: 400, body: { error: 'Idempotency-Key must equal requestId' } };
        }
        const known = receipts.check(statement.requestId, statement);
        if (known.kind === 'replay') {
          log.add({
            method: 'POST',
            path,
            kind: 'statement',
            requestId: statement.requestId,
            outcome: 'duplicate',
            status: 200,
          });
          return { status: 200, body: known.answer };
        }
        if (known.kind === 'conflict') {
          log.add({
            method: 'POST',
            path,
            kind: 'statement',
            requestId: statement.requestId,
            outcome: 'conflict',
            status: 409,
          });
          return {
            status: 409,
            body: { error: `requestId ${statement.requestId} was already used for a different statement` },
          };
        }
        const slug = statement.requestId.replace(/[^A-Za-z0-9._-]+/g, '-');
        const publishedAt = new Date().toISOString();
        const receipt: PublicationReceipt = {
          publications: statement.channels.map((channel) => ({
            channel,
            url: `${base}/published/${channel}/${slug}`,
            publishedAt,
          })),
        };
        for (const channel of statement.channels) published.set(`${channel}/${slug}`, statement);
        receipts.remember(statement.requestId, statement, receipt);
        log.add({
          method: 'POST',
          path,
          kind: 'statement',
          requestId: statement.requestId,
          outcome: 'accepted',
          status: 201,
        });
        return { status: 201, body: receipt };
      },
    },
    {
      method: 'GET',
      path: /^\/published\/([^/]+\/[^/]+)$/,
      handle(_request, [key = '']) {
        const statement = published.get(key);
        if (!statement) return { status: 404, html: '<h1>Halaman tidak tersedia</h1>' };
        const label = statement.label ? `[${statement.label}] ` : '';
        return {
          status: 200,
          html: `<html><head><title>${escapeHtml(label + statement.title)}</title></head><body><h1>${escapeHtml(label + statement.title)}</h1><p>${escapeHtml(statement.body)}</p><footer>#SaringSebelumSharing</footer></body></html>`,
        };
      },
    },
  ];
  const server = await startJsonServer(routes, listen);
  base = server.url;
  return { ...server, log };
}
