import { CASE_WORKFLOW_TYPE, type ContentCaseInput } from '../../../domain';
import { loadDefaultPolicy } from '../../../policy';
import { caseWorkflowId } from '../../../cases/case-id';
import { prepareDetection } from '../../../cases/submit-detection';
import { caseSignals } from '../../../workflows/messages';
import { PATCHES } from '../../../workflows/case/versions';
import { ScriptedActivities } from '../../support/scripted-activities';
import { patchIds } from '../../support/patch-markers';
import {
  detectionOf,
  devCaseWorkerSuite,
  uniqueUrl,
  waitFor,
  waitForCase,
} from '../../support/case-test-kit';

/**
 * New cases start as ContentCaseWorkflowV2 (no patch asked); a case started before 0.4.0 runs on as
 * ContentCaseWorkflow. Both on one worker, on the real dev server: the old one still takes its
 * repeats (signal-with-start names the new type), and every case list shows both.
 */
describe('the two case workflow types (dev server)', () => {
  const scripted = new ScriptedActivities({
    classification: { category: 'hoax', confidence: 0.9, suggestedPriority: 'normal' },
  });
  const caseWorker = devCaseWorkerSuite('case-workflow-types', scripted);

  it('an open ContentCaseWorkflow case takes a repeat sent by the new client, and lists beside a V2 case', async () => {
    const url = uniqueUrl('hoaks-lama.example', 'berita');
    const first = prepareDetection(
      detectionOf({ url, text: 'Vaksin berisi chip pelacak', platform: 'website' }),
    );
    const oldCaseId = caseWorkflowId(first.baseId, 1);
    const { notes: _notes, ...rules } = loadDefaultPolicy();
    const input: ContentCaseInput = { caseId: oldCaseId, generation: 1, policy: { ...rules, notes: [] } };
    // As a 0.3.x client started it: the old type, which asks its patches.
    await caseWorker.dev.client.workflow.signalWithStart('ContentCaseWorkflow', {
      workflowId: oldCaseId,
      taskQueue: caseWorker.taskQueue,
      args: [input],
      signal: caseSignals.detection,
      signalArgs: [first.signal],
    });
    await waitForCase(caseWorker.cases, oldCaseId, (s) => s.stage === 'verification', 'verification');

    const repeat = await caseWorker.cases.submitDetection(
      detectionOf({
        url,
        text: 'Vaksin berisi chip pelacak',
        platform: 'website',
        source: 'public_complaint',
      }),
    );
    expect(repeat.caseId).toBe(oldCaseId);
    await waitForCase(caseWorker.cases, oldCaseId, (s) => s.detections.count === 2, 'the repeat counted');

    const oldEvents = (await caseWorker.dev.client.workflow.getHandle(oldCaseId).fetchHistory()).events ?? [];
    expect(oldEvents[0]!.workflowExecutionStartedEventAttributes!.workflowType!.name).toBe(
      'ContentCaseWorkflow',
    );
    expect(patchIds(oldEvents)).toEqual([PATCHES.oneTaskIntake]);

    const fresh = await caseWorker.cases.submitDetection(
      detectionOf({ url: uniqueUrl('hoaks-baru.example', 'berita'), text: 'Air garam sembuhkan covid' }),
    );
    await waitForCase(caseWorker.cases, fresh.caseId, (s) => s.stage === 'verification', 'verification');
    const freshEvents =
      (await caseWorker.dev.client.workflow.getHandle(fresh.caseId).fetchHistory()).events ?? [];
    expect(freshEvents[0]!.workflowExecutionStartedEventAttributes!.workflowType!.name).toBe(
      CASE_WORKFLOW_TYPE,
    );
    expect(patchIds(freshEvents)).toEqual([]);

    // Visibility is eventually consistent: wait until both are listed in verification.
    const listed = await waitFor(
      async () =>
        (await caseWorker.cases.listCases({ stage: ['verification'] })).map((summary) => summary.caseId),
      (ids) => ids.includes(oldCaseId) && ids.includes(fresh.caseId),
      'both cases in the verification list',
    );
    expect(listed).toEqual(expect.arrayContaining([oldCaseId, fresh.caseId]));
  });
});
