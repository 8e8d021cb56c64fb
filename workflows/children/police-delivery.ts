import { isCancellation, log, sleep } from '@temporalio/workflow';
import type { PoliceChildInput } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { PATCHES, usePatch } from '../case/versions';
import type { CaseReporter } from './case-reporter';
import { isOutage } from './outage';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type PolicePackageReceipt = Awaited<ReturnType<typeof caseActivities.deliverPolicePackage>>;

/**
 * Delivers the evidence package to the police. An outage of the delivery channel longer than the
 * activity's own retries (6 h) is not the end of the escalation: the case hears once that delivery is
 * late, and the child tries again after 1 h, 2 h, 4 h... up to a day apart, until it gets through. A
 * refusal no retry can fix still fails the child, as before.
 */
export async function deliverPolicePackage(
  input: PoliceChildInput,
  reporter: CaseReporter,
): Promise<PolicePackageReceipt> {
  const { caseId } = input;
  for (let missed = 0; ;) {
    try {
      return await caseActivities.deliverPolicePackage({
        requestId: `${caseId}:police:package`,
        caseId,
        category: input.category,
        summary: input.summary,
        urls: input.urls,
        evidence: input.evidence,
      });
    } catch (error) {
      if (isCancellation(error) || !isOutage(error) || !usePatch(PATCHES.policeDeliveryOutage)) throw error;
      missed += 1;
      log.warn('police package delivery failed; tried again later', { caseId, error: String(error) });
      if (missed === 1)
        await reporter.send({
          type: 'police',
          patch: {},
          action: 'police_delivery_late',
          ...reporter.says({
            code: 'police_delivery_late',
            params: { error: error instanceof Error ? error.message : String(error) },
          }),
          source: 'police',
        });
      await sleep(Math.min(HOUR_MS * 2 ** (missed - 1), DAY_MS));
    }
  }
}
