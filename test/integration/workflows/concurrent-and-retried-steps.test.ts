import { testDataConverter } from '../../support/codec/test-codec';
import { type WorkflowBundle } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../../support/workers/case-and-fetch-workers';
import type { CaseClient } from '../../../cases/case-client';
import { CaseCommandRejectedError } from '../../../cases/case-errors';
import { submitDetection } from '../../../cases/submit-detection';
import { loadDefaultPolicy } from '../../../policy';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import { ScriptedActivities } from '../../support/scripted-activities';
import {
  bundleCaseWorkflows,
  caseClientFor,
  connectDevServer,
  detectionOf,
  officers,
  waitFor,
  waitForCase,
  type DevServer,
} from '../../support/case-test-kit';
import { DRAIN_PROBE_CASE_ID, DrainProbeWorkflow, lateNoticeUpdate } from '../../fixtures/workflows-drain';

/**
 * Issue 9 defects on the real dev server: concurrent and retried officer steps, a child that is gone
 * when the case signals it, continue-as-new in the action stage with a child still running, and the
 * last notifications of a run.
 */
describe('concurrent, retried and late steps (dev server)', () => {
  let dev: DevServer;
  let bundle: WorkflowBundle;
  const scripted = new ScriptedActivities({ classification: { category: 'fraud', confidence: 0.9 } });

  beforeAll(async () => {
    [dev, bundle] = await Promise.all([connectDevServer(), bundleCaseWorkflows()]);
  });
  afterAll(async () => {
    await dev?.close();
  });

  /** A worker polling `taskQueue` while `run` runs. */
  async function withWorker<T>(
    taskQueue: string,
    run: () => Promise<T>,
    workflowBundle = bundle,
  ): Promise<T> {
    const worker = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: scripted.activities(),
    });
    return worker.runUntil(run());
  }

  async function openCase(cases: CaseClient, label: string): Promise<string> {
    const { caseId } = await cases.submitDetection(
      detectionOf({ text: `Investasi bodong ${label} ${Date.now()} ${Math.random()}` }),
    );
    await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
    return caseId;
  }

  const criminal = {
    actor: officers.supervisor,
    verdict: { kind: 'criminal' as const, category: 'fraud' as const, reasons: ['skema ponzi'] },
  };

  it('defect 5: two submitVerdict updates in one activation: the second is refused (CONFLICT), the first stands', async () => {
    const taskQueue = uniqueTaskQueue('verdict-race');
    const cases = caseClientFor(dev.client, taskQueue);
    const caseId = await withWorker(taskQueue, () => openCase(cases, 'race'));
    // No worker now: both updates wait at the server and reach the case in one workflow task.
    const first = cases
      .update(caseId, 'submitVerdict', {
        actor: officers.supervisor2,
        verdict: { kind: 'no_violation', reasons: ['satire'] },
      })
      .catch((error: unknown) => error);
    const second = cases.update(caseId, 'submitVerdict', criminal).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const results = await withWorker(taskQueue, () => Promise.all([first, second]));
    const refused = results.filter(
      (result): result is CaseCommandRejectedError => result instanceof CaseCommandRejectedError,
    );
    expect(refused).toHaveLength(1);
    expect(['CONFLICT', 'WRONG_STAGE']).toContain(refused[0]!.code);
    const accepted = results.find((result) => !(result instanceof Error)) as { revision: number };
    expect(accepted.revision).toBe(1);
    await dev.client.workflow.getHandle(caseId).terminate('test finished');
  });

  it('defect 8: a retried officer step with the same update id is applied once; a re-sent detection id is counted once', async () => {
    const taskQueue = uniqueTaskQueue('idempotent-steps');
    const cases = caseClientFor(dev.client, taskQueue);
    await withWorker(taskQueue, async () => {
      const detection = detectionOf({
        text: `Hoaks vaksin chip ${Date.now()} ${Math.random()}`,
        detectionId: `ais-item-${Date.now()}`,
      });
      const { caseId } = await cases.submitDetection(detection);
      await cases.submitDetection(detection);
      await waitForCase(
        cases,
        caseId,
        (state) =>
          state.stage === 'verification' && state.detections.count + state.detections.duplicates >= 2,
        'both deliveries',
      );
      expect((await cases.getState(caseId)).detections).toMatchObject({ count: 1, duplicates: 1 });

      await cases.update(caseId, 'submitVerdict', {
        actor: officers.supervisor,
        verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['Dinkes: no chips'], publicResponse: false },
      });
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.clarification !== undefined,
        'clarification track',
      );
      const draft = {
        actor: officers.verifier,
        kind: 'clarification' as const,
        title: 'Vaksin tidak berisi chip',
        body: 'Penjelasan resmi Dinkes Kalsel.',
        pillar: 'digital_culture' as const,
        channels: ['website' as const],
      };
      const once = await cases.update(caseId, 'draftStatement', draft, {
        updateId: `${caseId}:draft:officer-click-1`,
      });
      const again = await cases.update(caseId, 'draftStatement', draft, {
        updateId: `${caseId}:draft:officer-click-1`,
      });
      expect(again).toEqual(once);
      const state = await cases.getState(caseId);
      expect(state.tracks.clarification!.draft!.revision).toBe(1);
      expect(state.timeline.filter((entry) => entry.action === 'statement_drafted')).toHaveLength(1);
      await dev.client.workflow.getHandle(caseId).terminate('test finished');
    });
  });

  it('defect 9: an update whose signal to the child fails changes nothing', async () => {
    const taskQueue = uniqueTaskQueue('signal-first');
    const cases = caseClientFor(dev.client, taskQueue);
    const caseId = await withWorker(taskQueue, async () => {
      const id = await openCase(cases, 'police');
      await cases.update(id, 'submitVerdict', criminal);
      await waitForCase(
        cases,
        id,
        (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
        'police package delivered',
      );
      return id;
    });
    // The police child is gone before the case hears of it; the acknowledgment reaches the case first.
    await dev.client.workflow.getHandle(`${caseId}:police`).terminate('test: police child gone');
    const acknowledged = cases
      .update(caseId, 'acknowledgePolice', { actor: officers.police })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await withWorker(taskQueue, async () => {
      expect(await acknowledged).toBeInstanceOf(Error);
      const state = await waitForCase(
        cases,
        caseId,
        (current) => current.tracks.police?.status === 'failed',
        'police track failed',
      );
      expect(state.tracks.police!.acknowledged).toBeUndefined();
      expect(state.timeline.filter((entry) => entry.action === 'police_acknowledged')).toEqual([]);
      expect(state.revision).toBe(1);
    });
    // With its only track failed the case closes by itself.
  });

  it('defect 4: continue-as-new in the action stage when the server suggests it; the police child stays reachable', async () => {
    const taskQueue = uniqueTaskQueue('action-continue');
    const cases = caseClientFor(dev.client, taskQueue);
    await withWorker(taskQueue, async () => {
      const text = `Arisan online bodong ${Date.now()} ${Math.random()}`;
      const { caseId } = await cases.submitDetection(detectionOf({ text }));
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'submitVerdict', criminal);
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
        'police package delivered',
      );
      const firstRunId = (await dev.client.workflow.getHandle(caseId).describe()).runId;
      // A viral item: enough repeat detections for the server to suggest continue-as-new (4 Ki events).
      // One signal each (submitDetection itself, not the case client, which would group them into a few),
      // 50 at a time, each group counted before the next: signals are acknowledged by the server, not the
      // worker, and over 100 waiting behind a task make the server fail it again and again; each retry then
      // replays the whole history in one activation, past the SDK's 5 s isolate limit under CI load.
      const oneSignalEach = { client: dev.client, taskQueue };
      for (let sent = 0; sent < 4_300; sent += 50) {
        await Promise.all(
          Array.from({ length: 50 }, () => submitDetection(oneSignalEach, detectionOf({ text }))),
        );
        await waitForCase(
          cases,
          caseId,
          (state) => state.detections.count >= sent + 51,
          `${sent + 51} detections counted`,
          60_000,
        );
      }
      await waitFor(
        () => dev.client.workflow.getHandle(caseId).describe(),
        (description) => description.runId !== firstRunId,
        'a continued run',
        60_000,
      );
      await cases.update(caseId, 'acknowledgePolice', { actor: officers.police });
      await cases.update(caseId, 'recordPoliceReport', {
        actor: officers.police,
        reportNumber: 'LP/B/123/XI/2025/SPKT/POLDA KALSEL',
      });
      const outcome = await cases.outcome(caseId);
      expect(outcome.policeReportNumber).toBe('LP/B/123/XI/2025/SPKT/POLDA KALSEL');
      expect(outcome.detections).toBe(4_301);
      const history = await dev.client.workflow.getHandle(caseId).fetchHistory();
      expect(history.events!.length).toBeLessThan(4_000);
    });
  }, 300_000);

  it('defect 10: a notification sent by the last handler to finish still goes out before the run ends', async () => {
    const taskQueue = uniqueTaskQueue('drain');
    const drainBundle = await bundleCaseWorkflows(require.resolve('../../fixtures/workflows-drain'));
    await withWorker(
      taskQueue,
      async () => {
        const handle = await dev.client.workflow.start(DrainProbeWorkflow, {
          workflowId: `${DRAIN_PROBE_CASE_ID}-${Date.now()}`,
          taskQueue,
          args: [loadDefaultPolicy()],
        });
        expect(await handle.executeUpdate(lateNoticeUpdate)).toBe('accepted');
        expect(await handle.result()).toBe('done');
        const events = (await handle.fetchHistory()).events!;
        const completed = events.filter((event) => event.activityTaskCompletedEventAttributes);
        expect(completed).toHaveLength(1);
      },
      drainBundle,
    );
  });
});
