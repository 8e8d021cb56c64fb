import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { timelineEntryText } from '../../../domain';
import { CLOSING_NOTIFICATION_WAIT } from '../../../workflows/case/close-notifications';
import {
  bundleCaseWorkflows,
  createCaseTimeSkippingEnv,
  detectionOf,
  officers,
  uniqueUrl,
  waitForCase,
  withScriptedCaseWorker,
} from '../../support/case-test-kit';

const MINUTE = 60_000;

/**
 * Soak seed 447: a case closing while its notifications are retried through a mail/webhook outage
 * waited for them (up to the 2 h a notification is retried), so it did not close when told to. With
 * the close-notification-wait patch it waits CLOSING_NOTIFICATION_WAIT at most, calls off what is
 * still pending and puts every undelivered notification on its timeline.
 */
describe('a closing case and its notifications in an outage (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundle;

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createCaseTimeSkippingEnv(), bundleCaseWorkflows()]);
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('closes within minutes, the undelivered notifications on its timeline', async () => {
    // Every notification attempt fails (retryably), as in a mail and webhook outage.
    await withScriptedCaseWorker(
      env,
      bundle,
      'closing-notifications',
      { fail: { notify: () => true } },
      async (cases, scripted) => {
        const { caseId } = await cases.submitDetection(
          detectionOf({ url: uniqueUrl('berita.example', 'hoaks') }),
        );
        await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
        // The assignment sends a notification to the verifier: it is still being retried at the verdict.
        await cases.update(caseId, 'assignVerifier', {
          actor: officers.supervisor,
          assignee: officers.verifier.officerId,
        });
        const verdictAt = await env.currentTimeMs();
        await cases.update(caseId, 'submitVerdict', {
          actor: officers.verifier,
          verdict: { kind: 'no_violation', reasons: ['satire, labelled as such'] },
        });
        const outcome = await cases.outcome(caseId);
        expect(outcome.resolution).toBe('no_violation');
        // The run's end, not outcome.closedAt: the outcome is built before the case waits for anything.
        const closeTime = (await env.client.workflow.getHandle(caseId).describe()).closeTime!;
        const waitedMs = closeTime.getTime() - verdictAt;
        // Before the patch the case ended only when the notification gave up, 2 h later.
        expect(waitedMs).toBeLessThan(3 * MINUTE);
        expect(waitedMs).toBeGreaterThanOrEqual(
          Number.parseInt(CLOSING_NOTIFICATION_WAIT, 10) * MINUTE - 1_000,
        );
        expect(scripted.callsOf('notify').length).toBeGreaterThan(1);

        const timeline = await cases.getTimeline(caseId);
        const missed = timeline
          .filter((entry) => entry.action === 'notification_failed')
          .map((entry) => timelineEntryText(entry, 'en'));
        expect(missed).toEqual(expect.arrayContaining([expect.stringMatching(/is assigned to you/)]));
        // Put there by the closing case itself, after its "closed" entry (not by a later run or a retry).
        const closedSeq = timeline.find((entry) => entry.action === 'closed')!.seq;
        expect(
          timeline
            .filter((entry) => entry.action === 'notification_failed')
            .every((entry) => entry.seq > closedSeq),
        ).toBe(true);
      },
    );
  }, 60_000);
});
