import type { PoliceChildInput } from '../../domain';
import { caseActivities } from '../activity-stubs';
import { PATCHES, usePatch } from '../case/versions';
import type { CaseReporter } from './case-reporter';
import type { PolicePatches } from './child-patches';
import { errorMessage, untilThroughOutage } from './outage';

const HOUR_MS = 3_600_000;

type PolicePackageReceipt = Awaited<ReturnType<typeof caseActivities.deliverPolicePackage>>;

/**
 * Delivers the evidence package to the police. An outage of the delivery channel longer than the
 * activity's own retries (6 h) is not the end of the escalation: the case hears once that delivery is
 * late, and the child tries again after 1 h, 2 h, 4 h... up to a day apart, until it gets through. A
 * refusal no retry can fix still fails the child, as before.
 */
export function deliverPolicePackage(
  input: PoliceChildInput,
  reporter: CaseReporter,
  patches: Pick<PolicePatches, 'deliveryWaitsOutOutage'>,
): Promise<PolicePackageReceipt> {
  const { caseId } = input;
  return untilThroughOutage(
    () =>
      caseActivities.deliverPolicePackage({
        requestId: `${caseId}:police:package`,
        caseId,
        category: input.category,
        summary: input.summary,
        urls: input.urls,
        evidence: input.evidence,
      }),
    {
      what: 'police package delivery',
      logContext: { caseId },
      waitsOut: () => patches.deliveryWaitsOutOutage ?? usePatch(PATCHES.policeDeliveryOutage),
      firstPauseMs: HOUR_MS,
      onFirstMiss: (error) =>
        reporter.send({
          type: 'police',
          patch: {},
          action: 'police_delivery_late',
          ...reporter.says({ code: 'police_delivery_late', params: { error: errorMessage(error) } }),
          source: 'police',
        }),
    },
  );
}
