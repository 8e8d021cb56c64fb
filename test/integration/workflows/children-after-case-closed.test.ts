import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import type { CaseClient } from '../../../cases/case-client';
import type { ActivityScript, ScriptedActivities } from '../../support/scripted-activities';
import {
  bundleCaseWorkflows,
  createCaseTimeSkippingEnv,
  detectionOf,
  officers,
  uniqueUrl,
  waitForCase,
  withScriptedCaseWorker,
} from '../../support/case-test-kit';

const EventType = temporal.api.enums.v1.EventType;
/** Real time a clock move may take before the test calls the server's clock stopped. */
const CLOCK_STOPPED_AFTER_MS = 30_000;

/**
 * Issue 9, simulator seeds 72, 108, 153...: a child reporting to a case that has closed. Before the
 * case-gone patch the child's rejected signal failed each of its workflow tasks (the child stayed
 * RUNNING, the time-skipping clock stopped), and a withdrawn case completed between its takedown's
 * withdrawal report and its end report, racing that last signal.
 */
describe('children after their case has closed (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundle;
  let queueSeq = 0;

  // One server per test: a stuck child stops the server's clock for every later test.
  beforeAll(async () => {
    bundle = await bundleCaseWorkflows();
  });
  beforeEach(async () => {
    env = await createCaseTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  function withCaseWorker<T>(
    script: ActivityScript,
    run: (cases: CaseClient, scripted: ScriptedActivities) => Promise<T>,
  ): Promise<T> {
    queueSeq += 1;
    return withScriptedCaseWorker(env, bundle, `case-gone-${queueSeq}`, script, run);
  }

  /** Moves the server's clock; false when it did not move within CLOCK_STOPPED_AFTER_MS (the call is cancelled). */
  async function clockMoves(ms: number): Promise<boolean> {
    const giveUp = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const moving = env.connection.withAbortSignal(giveUp.signal, () => env.sleep(ms)).then(() => true);
    const moved = await Promise.race([
      moving,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLOCK_STOPPED_AFTER_MS))),
    ]);
    clearTimeout(timer);
    if (!moved) {
      giveUp.abort();
      await moving.catch(() => undefined);
    }
    return moved;
  }

  async function eventsOf(workflowId: string) {
    return (await env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  }

  const failedTasks = async (workflowId: string) =>
    (await eventsOf(workflowId)).filter(
      (event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
    ).length;

  async function terminateAll(workflowIds: string[]): Promise<void> {
    for (const workflowId of workflowIds)
      await env.client.workflow
        .getHandle(workflowId)
        .terminate('test finished')
        .catch(() => undefined);
  }

  async function gamblingCase(cases: CaseClient): Promise<string> {
    const { caseId } = await cases.submitDetection(
      detectionOf({ url: uniqueUrl('slot-gacor.example', 'daftar') }),
    );
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
    return caseId;
  }

  const gambling: ActivityScript = {
    classification: { category: 'online_gambling', confidence: 0.95, suggestedPriority: 'urgent' },
    platforms: { website: { complyAtPoll: 'never' } },
  };

  it('a takedown whose case was terminated ends cleanly: the platform is told, no workflow task fails', async () => {
    await withCaseWorker(gambling, async (cases, scripted) => {
      const caseId = await gamblingCase(cases);
      const childId = `${caseId}:takedown:website-1:a1`;
      await env.client.workflow.getHandle(caseId).terminate('operator stopped the case');
      try {
        // Past the urgent compliance deadline (4 h): reminders and the breach go to a closed case.
        const moved = await clockMoves(6 * 3_600_000);
        expect({ moved, failedTasks: await failedTasks(childId) }).toEqual({ moved: true, failedTasks: 0 });
        const child = env.client.workflow.getHandle(childId);
        expect((await child.describe()).status.name).toBe('COMPLETED');
        expect(await child.result()).toMatchObject({ platform: 'website', result: 'cancelled' });
        const withdrawals = scripted
          .callsOf('withdrawTakedown')
          .map((call) => call.input as { requestId: string });
        expect(withdrawals.map((input) => input.requestId)).toEqual([`${childId}:withdrawal`]);
      } finally {
        await terminateAll([childId]);
      }
    });
  });

  it('a police escalation whose case was terminated ends cleanly with its deadlines closed', async () => {
    const script: ActivityScript = {
      classification: { category: 'fraud', confidence: 0.9, rules: ['fraud.fake_bansos'] },
    };
    await withCaseWorker(script, async (cases) => {
      const { caseId } = await cases.submitDetection(
        detectionOf({ text: 'Pendaftaran bansos palsu, kirim foto KTP ke nomor ini' }),
      );
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
      const childId = `${caseId}:police`;
      await env.client.workflow.getHandle(caseId).terminate('operator stopped the case');
      try {
        const moved = await clockMoves(3 * 86_400_000);
        expect({ moved, failedTasks: await failedTasks(childId) }).toEqual({ moved: true, failedTasks: 0 });
        const child = env.client.workflow.getHandle(childId);
        expect(await child.result()).toEqual({ endedWithoutCase: expect.stringMatching(/has closed/) });
        const { status, deadlines } = await child.query<{
          status: string;
          deadlines: { closedAt?: string }[];
        }>('childStatus');
        expect(status).toMatch(/^cancelled: case .* has closed/);
        expect(deadlines.length).toBeGreaterThan(0);
        expect(deadlines.filter((deadline) => !deadline.closedAt)).toEqual([]);
      } finally {
        await terminateAll([childId]);
      }
    });
  });

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
        const actions = (await cases.getTimeline(caseId)).map((entry) => `${entry.action}: ${entry.summary}`);
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
        expect(await failedTasks(caseId)).toBe(0);
      } finally {
        await terminateAll([caseId, childId]);
      }
    });
  });
});
