import { temporal } from '@temporalio/proto';
import { CaseClient } from '../../../cases/case-client';
import { CasePolicy, timelineEntryText } from '../../../domain';
import { FAST_RECORDING_POLICY } from '../../simulation/record/fast-policy';
import { testDataConverter } from '../../support/codec/test-codec';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import { createCaseAndFetchWorkers } from '../../support/workers/case-and-fetch-workers';
import { ScriptedActivities, type ActivityScript } from '../../support/scripted-activities';
import {
  bundleCaseWorkflows,
  connectDevServer,
  type DevServer,
  detectionOf,
  officers,
  uniqueUrl,
  waitForCase,
} from '../../support/case-test-kit';
import { caseServerPerTest } from '../../support/case-server-per-test';
import { GAMBLING_CLASSIFICATION, submitIllegalGamblingCase } from '../../support/gambling-case';

const EventType = temporal.api.enums.v1.EventType;
/**
 * Issue 9, simulator seeds 72, 108, 153...: a child reporting to a case that has closed. Before the
 * case-gone patch the child's rejected signal failed each of its workflow tasks (the child stayed
 * RUNNING, the time-skipping clock stopped), and a withdrawn case completed between its takedown's
 * withdrawal report and its end report, racing that last signal.
 */
describe('children after their case has closed (time-skipping server)', () => {
  // One server per test: a stuck child stops the server's clock for every later test.
  const server = caseServerPerTest('case-gone');
  const { withCaseWorker } = server;
  const terminateAll = (workflowIds: string[]) => server.terminateQuietly(workflowIds);

  async function eventsOf(workflowId: string) {
    return (await server.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  }

  async function gamblingCase(cases: CaseClient): Promise<string> {
    const { caseId } = await submitIllegalGamblingCase(cases);
    await waitForCase(
      cases,
      caseId,
      (state) => state.tracks.takedowns[0]?.ticketId !== undefined,
      'takedown requested',
    );
    return caseId;
  }

  const gambling: ActivityScript = {
    classification: GAMBLING_CLASSIFICATION,
    platforms: { website: { complyAtPoll: 'never' } },
  };

  it('a withdrawn case completes only after its takedown child sent its last report', async () => {
    await withCaseWorker(gambling, async (cases) => {
      const caseId = await gamblingCase(cases);
      const childId = `${caseId}:takedown:website-1:a1`;
      try {
        await cases.update(caseId, 'requestWithdrawal', {
          actor: officers.supervisor,
          reason: 'court order lifted the blocking request',
        });
        await cases.update(caseId, 'approveWithdrawal', { actor: officers.supervisor2 });
        expect((await cases.outcome(caseId)).resolution).toBe('withdrawn');
        // The end report is applied before the case closes (the case waited for it), not dropped.
        const actions = (await cases.getTimeline(caseId)).map(
          (entry) => `${entry.action}: ${timelineEntryText(entry, 'en')}`,
        );
        const finished = actions.findIndex((line) => /^takedown_finished: website: cancelled/.test(line));
        const closed = actions.findIndex((line) => line.startsWith('closed:'));
        expect({ finished: finished >= 0, beforeClosed: finished < closed }).toEqual({
          finished: true,
          beforeClosed: true,
        });
        const childSignals = (await eventsOf(childId)).filter(
          (event) => event.eventType === EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
        );
        expect(childSignals).toEqual([]);
      } finally {
        await terminateAll([caseId, childId]);
      }
    });
  });
});

/**
 * A case terminated while its children run: the children's next report finds no case. On the dev
 * server (the time-skipping server's clock does not move on after a terminate with work in flight),
 * under a policy whose SLAs are one minute, so the first reminder goes out about 30 s after the start.
 */
describe('children of a terminated case (dev server, one-minute SLAs)', () => {
  const QUICK_POLICY: CasePolicy = CasePolicy.parse({
    ...FAST_RECORDING_POLICY,
    version: '2025-11.902',
    sla: Object.fromEntries(
      Object.keys(FAST_RECORDING_POLICY.sla).map((stage) => [
        stage,
        { urgent: '1m', high: '1m', normal: '1m' },
      ]),
    ),
  });
  /** Longest a child may take to notice its case is gone and end: the first reminder, plus room on a loaded machine. */
  const CHILD_ENDS_WITHIN_MS = 90_000;
  const scripted = new ScriptedActivities({});
  let dev: DevServer;
  let cases: CaseClient;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    const bundle = await bundleCaseWorkflows();
    dev = await connectDevServer();
    const taskQueue = uniqueTaskQueue('case-gone');
    const worker = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: scripted.activities(),
    });
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
    };
    cases = new CaseClient(dev.client, { taskQueue, policy: QUICK_POLICY });
  });
  afterAll(async () => {
    await stopWorker?.();
    await dev?.close();
  });

  /** Waits (real time) until the workflow is no longer running; its status and failed workflow tasks. */
  async function ended(workflowId: string): Promise<{ status: string; failedTasks: number }> {
    const handle = dev.client.workflow.getHandle(workflowId);
    const until = Date.now() + CHILD_ENDS_WITHIN_MS;
    let status = (await handle.describe()).status.name;
    while (status === 'RUNNING' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      status = (await handle.describe()).status.name;
    }
    const events = (await handle.fetchHistory()).events ?? [];
    // A task refused once in a race with the termination is retried and harmless; the defect was a
    // child failing every task on the undeliverable report, so those are the failures that count.
    const failedTasks = events
      .filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
      .map((event) => event.workflowTaskFailedEventAttributes?.failure?.message ?? '')
      .filter((message) => /Unable to signal external workflow/.test(message));
    return { status, failedTasks: failedTasks.length };
  }

  async function terminate(workflowId: string): Promise<void> {
    await dev.client.workflow
      .getHandle(workflowId)
      .terminate('test finished')
      .catch(() => undefined);
  }

  it('a takedown whose case was terminated tells its platform and completes; no workflow task fails', async () => {
    scripted.script.classification = {
      category: 'online_gambling',
      confidence: 0.95,
      suggestedPriority: 'urgent',
    };
    scripted.script.platforms = { website: { complyAtPoll: 'never' } };
    const { caseId } = await cases.submitDetection(
      detectionOf({ url: uniqueUrl('slot-gacor.example', 'daftar') }),
    );
    const childId = `${caseId}:takedown:website-1:a1`;
    try {
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.supervisor,
        verdict: { kind: 'illegal', category: 'online_gambling', reasons: ['judi online'] },
      });
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.takedowns[0]?.ticketId !== undefined,
        'takedown requested',
      );
      await dev.client.workflow.getHandle(caseId).terminate('operator stopped the case');
      expect(await ended(childId)).toEqual({ status: 'COMPLETED', failedTasks: 0 });
      const child = dev.client.workflow.getHandle(childId);
      expect(await child.result()).toMatchObject({ platform: 'website', result: 'cancelled' });
      const withdrawals = scripted
        .callsOf('withdrawTakedown')
        .map((call) => (call.input as { requestId: string }).requestId)
        .filter((requestId) => requestId.startsWith(caseId));
      expect(withdrawals).toEqual([`${childId}:withdrawal`]);
      const { status, deadlines } = await child.query<{ status: string; deadlines: { closedAt?: string }[] }>(
        'childStatus',
      );
      expect(status).toMatch(/^cancelled: case .* has closed/);
      expect(deadlines.filter((deadline) => !deadline.closedAt)).toEqual([]);
    } finally {
      await terminate(childId);
    }
  });

  it('a police escalation whose case was terminated completes without its case, its deadlines closed', async () => {
    scripted.script.classification = { category: 'fraud', confidence: 0.9, rules: ['fraud.fake_bansos'] };
    const { caseId } = await cases.submitDetection(
      detectionOf({ text: 'Pendaftaran bansos palsu, kirim foto KTP ke nomor ini' }),
    );
    const childId = `${caseId}:police`;
    try {
      await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
      await cases.update(caseId, 'submitVerdict', {
        actor: officers.supervisor,
        verdict: { kind: 'criminal', category: 'fraud', reasons: ['fake social aid registration'] },
      });
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
        'police package delivered',
      );
      await dev.client.workflow.getHandle(caseId).terminate('operator stopped the case');
      expect(await ended(childId)).toEqual({ status: 'COMPLETED', failedTasks: 0 });
      const child = dev.client.workflow.getHandle(childId);
      expect(await child.result()).toEqual({ endedWithoutCase: expect.stringMatching(/has closed/) });
      const { deadlines } = await child.query<{ status: string; deadlines: { closedAt?: string }[] }>(
        'childStatus',
      );
      expect(deadlines.length).toBeGreaterThan(0);
      expect(deadlines.filter((deadline) => !deadline.closedAt)).toEqual([]);
    } finally {
      await terminate(childId);
    }
  });
});
