import { WorkflowNotFoundError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../../domain';
import { caseBaseId, caseWorkflowId } from '../../../cases/case-id';
import { canonicalizeUrl } from '../../../lib/url/canonicalize';
import type { DetectionInput } from '../../../domain';
import { caseSignals } from '../../../workflows/messages';
import { ScriptedActivities } from '../../support/scripted-activities';
import {
  detectionOf,
  officers,
  uniqueUrl,
  waitFor,
  waitForCase,
  devCaseWorkerSuite,
} from '../../support/case-test-kit';

const DETECTIONS = 1_000;
const BATCH = 100;

/**
 * Case identity on the real dev server: one case per content however many detections arrive at once,
 * and a new, linked case (next generation) once the previous one closed.
 */
describe('repeat detections and re-opened cases (dev server)', () => {
  const caseWorker = devCaseWorkerSuite(
    'repeat-detections',
    new ScriptedActivities({ classification: { category: 'online_gambling', confidence: 0.95 } }),
  );

  it(`${DETECTIONS} concurrent detections of one URL (spelled in several ways) make one case counting ${DETECTIONS}`, async () => {
    const url = uniqueUrl('slot-maxwin.example', 'promo');
    // Cosmetic variants of the same URL canonicalise to one case id.
    const spellings = [url, url.replace('https://', 'https://WWW.'), `${url}#daftar`, `${url}?utm_source=wa`];
    const caseIds = new Set<string>();
    const started = Date.now();
    for (let sent = 0; sent < DETECTIONS; sent += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, index) =>
        caseWorker.cases.submitDetection(
          detectionOf({
            url: spellings[(sent + index) % spellings.length]!,
            source: (sent + index) % 10 === 0 ? 'public_complaint' : 'crawler',
            reportedBy: (sent + index) % 10 === 0 ? 'public' : 'ais-crawler',
          }),
        ),
      );
      for (const submitted of await Promise.all(batch)) caseIds.add(submitted.caseId);
    }
    const sendMs = Date.now() - started;
    expect([...caseIds]).toEqual([caseBaseId({ canonicalUrl: canonicalizeUrl(url).url })]);
    const [caseId] = [...caseIds] as [string];

    const state = await waitForCase(
      caseWorker.cases,
      caseId,
      (current) => current.detections.count === DETECTIONS && current.stage === 'verification',
      `${DETECTIONS} detections`,
      60_000,
    );
    expect(state.detections.bySource).toEqual({
      crawler: DETECTIONS * 0.9,
      public_complaint: DETECTIONS * 0.1,
    });
    expect(state.detections.rejected).toBe(0);
    expect(state.stage).toBe('verification');
    // Only the first detection is on the timeline; the rest are counted.
    expect(state.timeline.filter((entry) => entry.action === 'detected')).toHaveLength(1);
    const handle = caseWorker.dev.client.workflow.getHandle(caseId);
    await waitFor(
      async () => (await handle.describe()).typedSearchAttributes.get(SA.detectionCount),
      (count) => count === DETECTIONS,
      'search attribute',
    );
    // Exactly one execution for the content: no second run, no second generation.
    await waitFor(
      () => caseWorker.dev.client.workflow.count(`WorkflowId = '${caseId}'`),
      (result) => result.count === 1,
      'one execution',
    );
    await expect(
      caseWorker.dev.client.workflow.getHandle(caseWorkflowId(caseId, 2)).describe(),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    // A slow task churns under the signals that keep coming (workflows/case/workflow-task-timeout.ts):
    // cases run with the longer timeout, and the log line says whether this run churned.
    const { executionConfig } = (await handle.describe()).raw;
    expect(Number(executionConfig?.defaultWorkflowTaskTimeout?.seconds)).toBe(30);
    const history = await handle.fetchHistory();
    const upserts = history.events!.filter(
      (event) => event.upsertWorkflowSearchAttributesEventAttributes,
    ).length;
    const failedTasks = history.events!.flatMap((event) => {
      const failed = event.workflowTaskFailedEventAttributes;
      return failed ? [temporal.api.enums.v1.WorkflowTaskFailedCause[failed.cause ?? 0]] : [];
    });
    const timedOutTasks = history.events!.filter((event) => event.workflowTaskTimedOutEventAttributes).length;
    const signals = history.events!.filter((event) => event.workflowExecutionSignaledEventAttributes).length;
    console.log(
      `${DETECTIONS} detections sent in ${sendMs} ms in ${signals} signals; history ${history.events!.length} events, ` +
        `${upserts} search attribute upserts, ${timedOutTasks} workflow tasks timed out, failed: ${failedTasks.join(', ') || 'none'}`,
    );
    // The case client groups the detections that arrive while a signal to the case is under way.
    expect(signals).toBeLessThan(DETECTIONS / 10);
    await handle.terminate('test finished');
  });

  it('a detections signal counts each good item as if sent alone, and each bad one as rejected', async () => {
    const url = uniqueUrl('hoax.example', 'batch');
    const { caseId } = await caseWorker.cases.submitDetection(detectionOf({ url, detectionId: 'feed-1' }));
    const handle = caseWorker.dev.client.workflow.getHandle(caseId);
    await handle.signal(caseSignals.detections, [
      detectionOf({ url, source: 'public_complaint', reportedBy: 'public' }),
      { source: 'crawler', reportedBy: 'ais-crawler' } as DetectionInput,
      detectionOf({ url, detectionId: 'feed-1' }),
    ]);
    // Not a list of 1 to 100 detections: one rejected, nothing counted.
    await handle.signal(caseSignals.detections, 'not a list' as unknown as DetectionInput[]);
    await handle.signal(caseSignals.detections, []);
    const state = await waitForCase(
      caseWorker.cases,
      caseId,
      (current) => current.detections.rejected === 3 && current.stage === 'verification',
      'the batch counted',
    );
    expect(state.detections).toMatchObject({
      count: 2,
      bySource: { crawler: 1, public_complaint: 1 },
      duplicates: 1,
      rejected: 3,
    });
    await handle.terminate('test finished');
  });

  it('a detection after closure opens the next generation, linked to the closed case', async () => {
    const text = `Pinjol ilegal ${Date.now()}: cair 5 menit tanpa KTP`;
    const first = await caseWorker.cases.submitDetection(detectionOf({ text }));
    expect(first.generation).toBe(1);
    await waitForCase(
      caseWorker.cases,
      first.caseId,
      (state) => state.stage === 'verification',
      'verification',
    );
    await caseWorker.cases.update(first.caseId, 'submitVerdict', {
      actor: officers.supervisor,
      verdict: { kind: 'no_violation', reasons: ['licensed lender'] },
    });
    await caseWorker.cases.outcome(first.caseId);

    // Re-upload: the same text again, with different spacing and case.
    const [second, third] = await Promise.all([
      caseWorker.cases.submitDetection(detectionOf({ text: `  ${text.toUpperCase()}  ` })),
      caseWorker.cases.submitDetection(detectionOf({ text })),
    ]);
    expect(second.caseId).toBe(`${first.caseId}.2`);
    expect(third.caseId).toBe(second.caseId);
    const reopened = await waitForCase(
      caseWorker.cases,
      second.caseId,
      (state) => state.detections.count === 2 && state.stage === 'verification',
      'both detections on generation 2',
    );
    expect(reopened).toMatchObject({
      generation: 2,
      previousCase: { caseId: first.caseId, generation: 1 },
      stage: 'verification',
    });
    // The closed case is untouched.
    expect((await caseWorker.cases.getState(first.caseId)).detections.count).toBe(1);
    await caseWorker.dev.client.workflow.getHandle(second.caseId).terminate('test finished');
  });
});
