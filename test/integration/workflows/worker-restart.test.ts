import { testDataConverter } from '../../support/codec/test-codec';
import { type WorkflowBundle } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../../support/workers/case-and-fetch-workers';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import { ScriptedActivities } from '../../support/scripted-activities';
import {
  bundleCaseWorkflows,
  caseClientFor,
  connectDevServer,
  detectionOf,
  officers,
  takeHoaxToApproval,
  waitFor,
  type DevServer,
} from '../../support/case-test-kit';

/**
 * Durability on the real dev server: the worker running a case is stopped in the middle of a stage
 * (the clarification is being published, the activity in flight); a new worker, with nothing in its
 * cache, rebuilds the case from history, retries the activity and finishes the case.
 */
describe('a case survives its worker being stopped (dev server)', () => {
  let dev: DevServer;
  let bundle: WorkflowBundle;

  beforeAll(async () => {
    [dev, bundle] = await Promise.all([connectDevServer(), bundleCaseWorkflows()]);
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('a new worker finishes a case whose worker stopped mid-stage', async () => {
    const taskQueue = uniqueTaskQueue('worker-restart');
    const cases = caseClientFor(dev.client, taskQueue);
    const first = new ScriptedActivities({
      classification: { category: 'hoax', confidence: 0.9 },
      hang: { publishStatement: true },
    });
    const workerA = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: first.activities(),
      identity: 'worker-a',
      shutdownGraceTime: '200ms',
    });
    const runningA = workerA.run();

    const { caseId } = await cases.submitDetection(
      detectionOf({ text: `Listrik padam total se-Kalsel ${Date.now()}` }),
    );
    await takeHoaxToApproval(cases, caseId, {
      label: 'HOAKS',
      reasons: ['PLN: no outage'],
      draft: {
        actor: officers.verifier,
        title: '[HOAKS] Listrik padam total',
        body: 'PLN UID Kalselteng: tidak ada pemadaman total.',
        pillar: 'digital_skill',
        channels: ['website'],
      },
      approver: officers.supervisor,
    });
    await waitFor(
      async () => first.callsOf('publishStatement').length,
      (count) => count === 1,
      'publication in flight on worker A',
    );

    // Stop worker A mid-stage: the publication activity is cancelled, the workflow is left half-way.
    workerA.shutdown();
    await runningA;
    const halfway = await dev.client.workflow.getHandle(caseId).describe();
    expect(halfway.status.name).toBe('RUNNING');

    const second = new ScriptedActivities({ classification: { category: 'hoax', confidence: 0.9 } });
    const workerB = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: second.activities(),
      identity: 'worker-b',
    });
    const outcome = await workerB.runUntil(cases.outcome(caseId));

    expect(outcome.resolution).toBe('actioned');
    expect(outcome.statements).toEqual([
      expect.objectContaining({ kind: 'clarification', approvedBy: officers.supervisor }),
    ]);
    expect(second.callsOf('publishStatement')).toHaveLength(1);
    expect(second.callsOf('classifyContent')).toHaveLength(0); // intake is not redone: it is in the history
    const history = await dev.client.workflow.getHandle(caseId).fetchHistory();
    const identities = new Set(
      history.events!.map((event) => event.workflowTaskCompletedEventAttributes?.identity).filter(Boolean),
    );
    expect(identities).toEqual(new Set(['worker-a', 'worker-b']));
  });
});
