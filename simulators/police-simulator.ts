import { z } from 'zod';
import { PolicePackage, type PoliceReceipt } from '../domain/channels';
import { EvidenceRecord } from '../domain/evidence';
import { header, startJsonServer, type Route } from './http-kit';
import { IdempotencyStore } from './idempotency';
import { RequestLog } from './request-log';

const Delivery = z.object({ package: PolicePackage, manifest: EvidenceRecord });
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * A stand-in for the police liaison's intake (Humas Polda Kalsel / Ditressiber): takes an evidence
 * package, answers with a report reference in the police's numbering style, once per requestId. A
 * summary containing "sim-reject" is refused (422), as an intake desk would refuse an incomplete file.
 */
export async function startPoliceSimulator(listen: { host?: string; port?: number } = {}) {
  const log = new RequestLog();
  const receipts = new IdempotencyStore<PoliceReceipt>();
  const packages = new Map<string, z.infer<typeof Delivery>>();
  let sequence = 0;

  const routes: Route[] = [
    log.route(),
    {
      method: 'POST',
      path: /^\/packages$/,
      handle(request) {
        const path = request.url.pathname;
        const parsed = Delivery.safeParse(request.json);
        if (!parsed.success) {
          log.add({ method: 'POST', path, kind: 'package', outcome: 'invalid', status: 422 });
          return { status: 422, body: { error: z.prettifyError(parsed.error) } };
        }
        const delivery = parsed.data;
        const requestId = delivery.package.requestId;
        if ((header(request, 'idempotency-key') ?? requestId) !== requestId) {
          log.add({ method: 'POST', path, kind: 'package', requestId, outcome: 'invalid', status: 400 });
          return { status: 400, body: { error: 'Idempotency-Key must equal package.requestId' } };
        }
        const known = receipts.check(requestId, delivery);
        if (known.kind === 'replay') {
          log.add({ method: 'POST', path, kind: 'package', requestId, outcome: 'duplicate', status: 200 });
          return { status: 200, body: known.answer };
        }
        if (known.kind === 'conflict') {
          log.add({ method: 'POST', path, kind: 'package', requestId, outcome: 'conflict', status: 409 });
          return {
            status: 409,
            body: { error: `requestId ${requestId} was already used for a different package` },
          };
        }
        if (delivery.package.summary.includes('sim-reject')) {
          log.add({ method: 'POST', path, kind: 'package', requestId, outcome: 'refused', status: 422 });
          return {
            status: 422,
            body: { error: 'package incomplete: no chronology of events (simulated refusal)' },
          };
        }
        const now = new Date();
        const receipt: PoliceReceipt = {
          referenceId: `STPL/${++sequence}/${ROMAN_MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}/DITRESSIBER`,
          receivedAt: now.toISOString(),
        };
        receipts.remember(requestId, delivery, receipt);
        packages.set(receipt.referenceId, delivery);
        log.add({
          method: 'POST',
          path,
          kind: 'package',
          requestId,
          outcome: 'accepted',
          status: 201,
          detail: receipt.referenceId,
        });
        return { status: 201, body: receipt };
      },
    },
    {
      method: 'GET',
      path: /^\/packages\/(.+)$/,
      handle(_request, [referenceId = '']) {
        const delivery = packages.get(referenceId);
        return delivery
          ? { status: 200, body: { referenceId, ...delivery } }
          : { status: 404, body: { error: `no package ${referenceId}` } };
      },
    },
  ];
  return { ...(await startJsonServer(routes, listen)), log };
}
