import { testDataConverter } from '../../support/codec/test-codec';
import type { WorkflowBundle } from '@temporalio/worker';
import { claimActivities } from '../../../activities/claim-activities';
import { classifierActivities } from '../../../activities/classifier-activities';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';
import { CaseCommandRejectedError } from '../../../cases/case-errors';
import type { CaseClient } from '../../../cases/case-client';
import type { CaseState } from '../../../domain';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';
import {
  bundleCaseWorkflows,
  caseClientFor,
  connectDevServer,
  detectionOf,
  officers,
  takeHoaxToApproval,
  uniqueUrl,
  waitForCase,
  type DevServer,
} from '../../support/case-test-kit';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import {
  createCaseAndFetchWorkers,
  type CaseAndFetchWorkers,
} from '../../support/workers/case-and-fetch-workers';

const HOAX = 'VIRALKAN!!! bendungan riam kanan jebol, warga martapura harus mengungsi malam ini juga';
const PARAPHRASE = 'waduk riam kanan jebol!! warga martapura disuruh ngungsi sekarang, sebarkan';

/**
 * Issue 15 wired into the case, on the dev server with the real activities (S3 server, publishing
 * simulator) and the real claim index and classifier registry: a hoax clarified in case A; a
 * paraphrase reported on another URL opens case B, which links itself to A; a wrong role cannot reuse
 * A's clarification; the assigned verifier reuses it and B closes as a clarified hoax. Both verdicts
 * are training examples the retraining reads.
 */
describe('claim matching in the case (dev server, S3)', () => {
  let harness: ActivitiesHarness;
  let dev: DevServer;
  let bundle: WorkflowBundle;
  let workers: CaseAndFetchWorkers;
  let running: Promise<void>;
  let cases: CaseClient;

  beforeAll(async () => {
    [harness, dev, bundle] = await Promise.all([
      activitiesHarness('claim-case'),
      connectDevServer(),
      bundleCaseWorkflows(),
    ]);
    const taskQueue = uniqueTaskQueue('claim-case');
    workers = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: {
        ...harness.activities,
        ...claimActivities(harness.deps.claims!),
        ...classifierActivities(harness.deps.classifier!),
      },
    });
    running = workers.run();
    cases = caseClientFor(dev.client, taskQueue);
  });

  afterAll(async () => {
    workers?.shutdown();
    await running;
    await Promise.all([dev?.close(), harness?.close()]);
  });

  const closed = (state: CaseState) => state.stage === 'closed';

  it('links a paraphrased hoax to the case that clarified it; the verifier reuses that clarification', async () => {
    const a = await cases.submitDetection(detectionOf({ url: uniqueUrl('fb.example', 'riam'), text: HOAX }));
    await takeHoaxToApproval(cases, a.caseId, {
      label: 'HOAKS',
      reasons: ['BWS Kalimantan III: bendungan aman'],
      draft: {
        actor: officers.verifier,
        title: '[HOAKS] Bendungan Riam Kanan tidak jebol',
        body: 'Faktanya: kondisi Bendungan Riam Kanan aman menurut BWS Kalimantan III. Jangan sebarkan pesan berantai.',
        pillar: 'digital_culture',
        channels: ['website', 'instagram'],
      },
      approver: officers.supervisor,
    });
    const caseA = await waitForCase(cases, a.caseId, closed, 'case A closed', 60_000);
    expect(caseA.claimLink).toBeUndefined();
    const publications = caseA.tracks.clarification!.publication!.publications;
    expect(publications).toHaveLength(2);

    const b = await cases.submitDetection(
      detectionOf({ url: uniqueUrl('wa.example', 'riam-lagi'), text: PARAPHRASE }),
    );
    const opened = await waitForCase(cases, b.caseId, (s) => s.stage === 'verification', 'case B opened');
    expect(opened.claimLink).toMatchObject({
      caseId: a.caseId,
      status: 'clarified',
      clarification: { label: 'HOAKS', title: '[HOAKS] Bendungan Riam Kanan tidak jebol', publications },
    });
    expect(opened.claimLink!.similarity).toBeGreaterThanOrEqual(0.3);
    expect(opened.timeline.map((entry) => entry.message?.code)).toContain('claim_linked');
    // No model promoted in this bucket: intake used the model committed with the code.
    expect(opened.classification?.modelVersion).toBe(shippedModel().version);

    // A wrong role, and a verifier who is not assigned, are refused; nothing changes.
    const refused = async (actor: (typeof officers)[keyof typeof officers]) =>
      cases
        .update(b.caseId, 'reuseClarification', { actor, fromCaseId: a.caseId })
        .then(() => 'accepted')
        .catch((error: unknown) => (error instanceof CaseCommandRejectedError ? error.code : String(error)));
    expect(await refused(officers.pr)).toBe('FORBIDDEN_ROLE');
    expect(await refused(officers.verifier)).toBe('NOT_ASSIGNEE');
    const unchanged = await cases.getState(b.caseId);
    expect(unchanged.revision).toBe(opened.revision);
    expect(unchanged.verdict).toBeUndefined();
    expect(unchanged.clarificationReuse).toBeUndefined();

    await cases.update(b.caseId, 'assignVerifier', {
      actor: officers.verifier,
      assignee: officers.verifier.officerId,
    });
    await cases.update(b.caseId, 'reuseClarification', { actor: officers.verifier, fromCaseId: a.caseId });
    const caseB = await waitForCase(cases, b.caseId, closed, 'case B closed', 60_000);
    expect(caseB.outcome?.resolution).toBe('actioned');
    expect(caseB.verdict?.verdict).toMatchObject({ kind: 'hoax', label: 'HOAKS' });
    expect(caseB.clarificationReuse).toMatchObject({ fromCaseId: a.caseId, by: officers.verifier });
    expect(caseB.tracks.clarification).toMatchObject({ status: 'published', publication: { publications } });
    expect(caseB.timeline.map((entry) => entry.message?.code)).toContain('clarification_reused');
    // B drafted and published nothing itself: no publication deadline was ever opened for it.
    expect(caseB.deadlines.map((deadline) => deadline.id)).not.toContain('clarification_publication');

    // B's claim is now registered as clarified too, so later detections can find either case.
    const index = await harness.deps.claims!.loadIndex();
    expect(index.match(PARAPHRASE)).toMatchObject({ status: 'clarified' });

    // Each verdict is a labelled example with its evidence reference, readable as the retraining reads it.
    const examples = await harness.deps.classifier!.listExamples();
    const byCase = new Map(examples.map((example) => [example.caseId, example]));
    for (const [caseId, text] of [
      [a.caseId, HOAX],
      [b.caseId, PARAPHRASE],
    ] as const) {
      const example = byCase.get(caseId);
      expect(example).toMatchObject({ label: 'hoax', verifier: officers.verifier.officerId });
      expect(example!.evidenceKeys.length).toBeGreaterThan(0);
      expect(await harness.deps.classifier!.readText(example!.text)).toBe(text);
    }
  }, 120_000);
});
