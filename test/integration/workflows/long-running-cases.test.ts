import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { timelineEntryText } from '../../../domain';
import { loadDefaultPolicy } from '../../../policy';
import { CaseClient } from '../../../cases/case-client';
import type { ActivityScript } from '../../support/scripted-activities';
import { detectionOf, officers, uniqueUrl, waitFor, waitForCase } from '../../support/case-test-kit';
import { caseServerPerTest } from '../../support/case-server-per-test';
import { sleepPastTimersDueSoon } from '../../support/timer-guard';
import { GAMBLING_CLASSIFICATION, submitIllegalGamblingCase } from '../../support/gambling-case';
import { FAKE_AID_CLASSIFICATION, submitCriminalFraudCase } from '../../support/fraud-case';
import { waitUntilChildrenIdle } from '../../support/children-idle';

const HOUR = 3_600_000;
const hex = (length: number) =>
  Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/**
 * Issue 9 defects on the time-skipping server, with the shipped policy's real durations: paths no
 * earlier test drove (hash-only detections, rejected objections, outages, re-uploads, closing during
 * continue-as-new, withdrawals, bad input).
 */
describe('cases that run for weeks (time-skipping server)', () => {
  // One server per test: a case cut short by a test can leave work the test server's clock waits for.
  const server = caseServerPerTest('weeks');
  const { withCaseWorker } = server;

  /**
   * Terminates a case and its children if still running: a workflow left with timers on a task queue
   * nobody polls any more stops the time-skipping server's clock for the tests that follow.
   */
  async function endCase(caseId: string): Promise<void> {
    await server.terminateQuietly([
      caseId,
      `${caseId}:takedown:website-1:a1`,
      `${caseId}:takedown:website-1:a2`,
      `${caseId}:police`,
    ]);
  }

  it('defect 1: a detection carrying only a content hash reaches verification instead of failing the case', async () => {
    await withCaseWorker({}, async (cases, scripted) => {
      const { caseId } = await cases.submitDetection(detectionOf({ contentSha256: hex(64) }));
      const state = await waitForCase(
        cases,
        caseId,
        (current) => current.stage === 'verification',
        'verification of a hash-only case',
        20_000,
      );
      expect(scripted.callsOf('classifyContent')).toHaveLength(0);
      expect(state.classification).toBeUndefined();
      expect(
        timelineEntryText(
          state.timeline.find((entry) => entry.action === 'classified')!,
          'en',
        ),
      ).toMatch(/only a content hash/);
      await endCase(caseId);
    });
  });

  it('defect 1: an intake activity that fails for good is recorded and the case goes on to verification', async () => {
    await withCaseWorker({ fail: { classifyContent: () => true } }, async (cases) => {
      const { caseId } = await cases.submitDetection(
        detectionOf({ url: uniqueUrl('news-portal.example', 'berita') }),
      );
      const state = await waitForCase(
        cases,
        caseId,
        (current) => current.stage === 'verification',
        'verification despite a failing classifier',
        20_000,
      );
      expect(
        timelineEntryText(
          state.timeline.find((entry) => entry.action === 'classified')!,
          'en',
        ),
      ).toMatch(/classification failed/);
      await endCase(caseId);
    });
  });

  it('defect 2: a rejected objection restarts the ladder from the decision, one policy interval per step', async () => {
    await withCaseWorker(
      {
        classification: GAMBLING_CLASSIFICATION,
        platforms: { website: { objectAtPoll: 2, complyAtPoll: 'never' } },
      },
      async (cases, scripted) => {
        const { caseId } = await submitIllegalGamblingCase(cases);
        await server.env.sleep('3h');
        await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.takedowns[0]?.status === 'objected',
          'objection',
        );
        // The review takes longer than the 4 h compliance deadline.
        await server.env.sleep('30h');
        await sleepPastTimersDueSoon(server.env, [caseId]);
        await cases.update(caseId, 'resolveObjection', {
          actor: officers.supervisor,
          takedownKey: 'website-1',
          decision: 'reject',
          reason: 'gambling is not protected news',
        });
        const decidedAt = Date.parse(
          (await cases.getTimeline(caseId)).find((entry) => entry.action === 'objection_resolved')!.at,
        );
        await server.env.sleep('80h');
        await waitForCase(cases, caseId, (state) => state.tracks.takedowns[0]?.level === 'ST3', 'ST3');
        const sent = Object.fromEntries(
          scripted
            .callsOf('sendWarningLetter')
            .map((call) => [(call.input as { level: string }).level, call.scheduledAtMs]),
        );
        expect(Object.keys(sent).sort()).toEqual(['ST1', 'ST2', 'ST3']);
        expect(sent.ST1!).toBeGreaterThanOrEqual(decidedAt - 1_000);
        expect((sent.ST2! - sent.ST1!) / HOUR).toBeGreaterThanOrEqual(24 - 0.01);
        expect((sent.ST3! - sent.ST2!) / HOUR).toBeGreaterThanOrEqual(48 - 0.01);
        await endCase(caseId);
      },
    );
  });

  it('defect 6: a takedown survives hours of platform outage (polls are missed, not fatal)', async () => {
    let outageFrom: number | undefined;
    const script: ActivityScript = {
      classification: GAMBLING_CLASSIFICATION,
      platforms: { website: { complyAtPoll: 2 } },
      fail: {
        checkTakedownStatus: ({ atMs }) => {
          outageFrom ??= atMs;
          return atMs < outageFrom + 3 * HOUR;
        },
      },
    };
    await withCaseWorker(script, async (cases) => {
      const { caseId } = await submitIllegalGamblingCase(cases);
      await server.env.sleep('8h');
      const state = await waitForCase(
        cases,
        caseId,
        (current) => current.tracks.takedowns[0]?.result !== undefined,
        'takedown result',
      );
      expect(state.tracks.takedowns[0]!.result).toBe('removed');
      expect(state.timeline.filter((entry) => entry.action === 'track_failed')).toEqual([]);
      await endCase(caseId);
    });
  });

  it('soak seed 2490: a police escalation survives a delivery outage longer than the activity retries', async () => {
    let outageFrom: number | undefined;
    const script: ActivityScript = {
      classification: FAKE_AID_CLASSIFICATION,
      platforms: {},
      fail: {
        deliverPolicePackage: ({ atMs }) => {
          outageFrom ??= atMs;
          return atMs < outageFrom + 9 * HOUR;
        },
      },
    };
    await withCaseWorker(script, async (cases) => {
      const { caseId } = await submitCriminalFraudCase(
        cases,
        `Pendaftaran bansos palsu ${hex(8)}, kirim foto KTP ke nomor ini`,
      );
      // The activity gives up after 6 h; the outage lasts 9 h.
      await server.env.sleep('12h');
      const state = await waitForCase(
        cases,
        caseId,
        (current) => current.tracks.police?.status === 'awaiting_acknowledgment',
        'police package delivered after the outage',
      );
      const actions = state.timeline.map((entry) => entry.action);
      expect(actions.filter((action) => action === 'police_delivery_late')).toHaveLength(1);
      expect(actions).toContain('police_package_delivered');
      expect(actions.filter((action) => action === 'track_failed')).toEqual([]);
      const delivered = Date.parse(
        state.timeline.find((entry) => entry.action === 'police_package_delivered')!.at,
      );
      expect(delivered).toBeGreaterThanOrEqual(outageFrom! + 9 * HOUR);
      await endCase(caseId);
    });
  });

  it('a withdrawal after the police received the evidence package tells the police liaison, once', async () => {
    await withCaseWorker(
      { classification: FAKE_AID_CLASSIFICATION, platforms: {} },
      async (cases, scripted) => {
        const { caseId } = await submitCriminalFraudCase(
          cases,
          `Pendaftaran bansos palsu ${hex(8)}, kirim foto KTP ke nomor ini`,
        );
        await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.police?.status === 'awaiting_acknowledgment',
          'police package delivered',
        );
        const policeNotices = () =>
          scripted.notifications().filter((notification) => notification.audience === 'police_liaison');
        // The notice is an activity scheduled with the status change: it may not have run when the state is read.
        const packageNotice = `${caseId}:police:package:notice`;
        await waitFor(
          async () => policeNotices().map((notification) => notification.requestId),
          (requestIds) => requestIds.includes(packageNotice),
          'the police liaison told of the evidence package',
        );
        await cases.update(caseId, 'requestWithdrawal', {
          actor: officers.supervisor,
          reason: 'the registration page was an official one after all',
        });
        await cases.update(caseId, 'approveWithdrawal', { actor: officers.supervisor2 });
        expect((await cases.outcome(caseId)).resolution).toBe('withdrawn');
        const ended = policeNotices().filter(
          (notification) => notification.requestId === `${caseId}:police:withdrawn`,
        );
        expect(ended).toHaveLength(1);
        expect(ended[0]!.subject).toMatch(/needs no action/);
        expect(ended[0]!.body).toContain('withdrawn or closed');
        await endCase(caseId);
      },
    );
  });

  it('defect 7: a re-upload takedown runs beside monitoring, so closeMonitoring closes the case at once', async () => {
    let calls = 0;
    // Removed at the first poll; after the re-upload the platform never acts again.
    const script: ActivityScript = {
      classification: GAMBLING_CLASSIFICATION,
      platforms: { website: { complyAtPoll: 1 } },
      liveness: (_url, removed) => (removed && calls++ === 0 ? 'gone' : 'up'),
    };
    await withCaseWorker(script, async (cases, scripted) => {
      const { caseId } = await submitIllegalGamblingCase(cases);
      await server.env.sleep('2h');
      await waitForCase(cases, caseId, (state) => state.stage === 'monitoring', 'monitoring');
      scripted.script.platforms = { website: { complyAtPoll: 'never' } };
      await server.env.sleep('25h');
      await waitForCase(
        cases,
        caseId,
        (state) => state.tracks.takedowns[0]!.attempt === 2,
        're-upload takedown',
      );
      await sleepPastTimersDueSoon(server.env, [caseId]);
      const requestedAt = await server.env.currentTimeMs();
      // The update's own small result: the case may have closed before a state query could follow it.
      await cases.update(caseId, 'closeMonitoring', {
        actor: officers.supervisor,
        reason: 'site moved abroad, handled by blocklist',
      });
      const outcome = await cases.outcome(caseId);
      expect((Date.parse(outcome.closedAt) - requestedAt) / HOUR).toBeLessThan(1);
      expect(outcome.closedBy).toEqual(officers.supervisor);
      expect(scripted.callsOf('withdrawTakedown')).toHaveLength(1);
      await endCase(caseId);
    });
  });

  it('defect 3: closeMonitoring accepted while continue-as-new waits for notifications is carried into the next run', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let livenessCalls = 0;
    const script: ActivityScript = {
      classification: GAMBLING_CLASSIFICATION,
      platforms: { website: { complyAtPoll: 1 } },
      // gone after the takedown, up at the first monitoring check (a re-upload), gone again after its takedown.
      liveness: (_url, removed) => {
        livenessCalls += 1;
        return livenessCalls === 2 ? 'up' : removed ? 'gone' : 'up';
      },
      // The re-upload's notification is held: the run continuing as new waits for it.
      gate: {
        notify: (input) =>
          (input as { requestId: string }).requestId.includes(':reupload:') ? held : undefined,
      },
    };
    await withCaseWorker(script, async (defaultCases) => {
      // Continue as new after every check, so the first check (the re-upload) ends the run.
      const policy = loadDefaultPolicy();
      const cases = new CaseClient(defaultCases.client, {
        taskQueue: server.taskQueue,
        policy: { ...policy, monitoring: { ...policy.monitoring, checksPerRun: 1 } },
      });
      const { caseId } = await submitIllegalGamblingCase(cases);
      await server.env.sleep('2h');
      const monitored = await waitForCase(
        cases,
        caseId,
        (state) => state.stage === 'monitoring',
        'monitoring',
      );
      // To one second before the first check; no skipping after it, since a held activity stops the clock.
      await server.env.sleep(
        Date.parse(monitored.monitoring!.startedAt) + 24 * HOUR - (await server.env.currentTimeMs()) - 1_000,
      );
      await waitForCase(
        cases,
        caseId,
        (state) => state.timeline.some((entry) => entry.action === 'continued_as_new'),
        'continue-as-new waiting for the held notification',
        30_000,
      );
      // The re-upload's takedown child is asking the platform: closing now races the answer (children-idle.ts).
      await waitUntilChildrenIdle(defaultCases.client, caseId);
      await cases.update(caseId, 'closeMonitoring', {
        actor: officers.supervisor,
        reason: 'platform confirmed permanent removal',
      });
      // Once released, the clock would skip to the child's next status poll, which then races the
      // closing case's cancel (ACTIVITY_UNKNOWN, children-idle.ts; seen in CI after the wait above):
      // the clock stays still until the case has closed, which needs no timer.
      const testService = server.env.connection.testService!;
      await testService.lockTimeSkipping({});
      release();
      const outcome = await cases.outcome(caseId).finally(() => testService.unlockTimeSkipping({}));
      expect(outcome.closedBy).toEqual(officers.supervisor);
      expect(outcome.resolution).toBe('actioned');
      await endCase(caseId);
    });
  });

  it('defect 11: a withdrawal cancels the takedown child and tells the platform; children start with explicit options', async () => {
    await withCaseWorker(
      { classification: GAMBLING_CLASSIFICATION, platforms: { website: { complyAtPoll: 'never' } } },
      async (cases, scripted) => {
        const { caseId } = await submitIllegalGamblingCase(cases);
        const requested = await waitForCase(
          cases,
          caseId,
          (state) => state.tracks.takedowns[0]?.ticketId !== undefined,
          'takedown requested',
        );
        await cases.update(caseId, 'requestWithdrawal', {
          actor: officers.supervisor,
          reason: 'court order lifted the blocking request',
        });
        await cases.update(caseId, 'approveWithdrawal', { actor: officers.supervisor2 });
        const outcome = await cases.outcome(caseId);
        expect(outcome.resolution).toBe('withdrawn');
        const withdrawals = scripted
          .callsOf('withdrawTakedown')
          .map((call) => call.input as { ticketId: string; requestId: string });
        expect(withdrawals.map((input) => input.ticketId)).toEqual([requested.tracks.takedowns[0]!.ticketId]);
        expect(withdrawals[0]!.requestId).toBe(`${caseId}:takedown:website-1:a1:withdrawal`);
        const history = await server.env.client.workflow.getHandle(caseId).fetchHistory();
        const started = history.events!.find(
          (event) => event.startChildWorkflowExecutionInitiatedEventAttributes,
        )!.startChildWorkflowExecutionInitiatedEventAttributes!;
        expect(started.parentClosePolicy).toBe(2); // PARENT_CLOSE_POLICY_ABANDON
        expect(Number(started.workflowExecutionTimeout?.seconds ?? 0)).toBeGreaterThan(0);
        expect(started.retryPolicy?.maximumAttempts).toBe(1);
        await endCase(caseId);
      },
    );
  });

  it('defect 12: invalid input or an unknown carried state fails the case with a non-retryable ApplicationFailure that says what to do', async () => {
    await withCaseWorker({}, async () => {
      const policy = loadDefaultPolicy();
      const start = (workflowId: string, input: unknown) =>
        server.env.client.workflow.start('ContentCaseWorkflow', {
          workflowId,
          taskQueue: server.taskQueue,
          args: [input],
        });
      const failureOf = async (workflowId: string, input: unknown) => {
        const handle = await start(workflowId, input);
        const outcome = await Promise.race([
          handle.result().then(
            () => 'completed',
            (error: unknown) => error,
          ),
          new Promise((resolve) =>
            setTimeout(() => resolve('no failure within 15 s: the workflow task is being retried'), 15_000),
          ),
        ]);
        expect(outcome).toBeInstanceOf(WorkflowFailedError);
        const cause = (outcome as WorkflowFailedError).cause;
        expect(cause).toBeInstanceOf(ApplicationFailure);
        return cause as ApplicationFailure;
      };
      const badInput = await failureOf(`case-${hex(20)}`, { caseId: 'not-a-case', generation: 1, policy });
      expect(badInput.type).toBe('INVALID_CASE_INPUT');
      expect(badInput.nonRetryable).toBe(true);
      expect(badInput.message).toMatch(/submitDetection/);
      const caseId = `case-${hex(20)}`;
      const future = await failureOf(caseId, {
        caseId,
        generation: 1,
        policy,
        carried: { schemaVersion: 99, caseId },
      });
      expect(future.type).toBe('UNSUPPORTED_CASE_STATE');
      expect(future.message).toMatch(/roll|reset/);
    });
  });
});
