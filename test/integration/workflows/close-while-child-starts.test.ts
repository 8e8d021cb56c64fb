import type { Client } from '@temporalio/client';
import { CasePolicy } from '../../../domain';
import packageJson from '../../../package.json';
import { writeCorpusFixture } from '../../support/history-corpus';
import benchPolicy from '../../../bench/peak/bench-policy.json';
import { CaseClient } from '../../../cases/case-client';
import { patchIds } from '../../support/patch-markers';
import { ScriptedActivities } from '../../support/scripted-activities';
import {
  devCaseWorkerSuite,
  fixtureHistoriesOf,
  officers,
  waitFor,
  waitForCase,
} from '../../support/case-test-kit';
import { submitIllegalGamblingCase } from '../../support/gambling-case';

/** Seconds-long monitoring, so a re-upload check comes round while the test waits. */
const POLICY = CasePolicy.parse({
  ...benchPolicy,
  takedown: { statusPollInterval: '2s' },
  monitoring: { period: '10m', checkInterval: '3s', checksPerRun: 50 },
});

/**
 * Soak seed 1123 on the real dev server: closeMonitoring accepted while a monitoring check runs; the
 * check then finds the content back and starts the re-upload takedown child in the same workflow task in
 * which the case closes and cancels its running children.
 */
/**
 * `SARING_RECORD_CORPUS=1` adds this run's histories to the replay corpus of the current release: the
 * simulator's recorder cannot aim at this race (patch saring-close-awaits-child-starts), this test can.
 */
async function recordToCorpus(client: Client, caseId: string): Promise<void> {
  const file = writeCorpusFixture(packageJson.version, 'closed-early.while-reupload-child-starts', {
    name: 'closed-early.while-reupload-child-starts',
    sdk: '@temporalio/worker 1.24.0',
    recorded: {
      server: 'temporal dev server (close-while-child-starts.test.ts)',
      packageVersion: packageJson.version,
      policyVersion: POLICY.version,
      at: new Date().toISOString(),
    },
    histories: await fixtureHistoriesOf(client, [
      caseId,
      `${caseId}:takedown:website-1:a1`,
      `${caseId}:takedown:website-1:a2`,
    ]),
  });
  console.log(`recorded ${file}`);
}

describe('closing while a re-upload takedown child is starting (dev server)', () => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = false;
  let released = false;
  let reuploadShown = false;
  const scripted = new ScriptedActivities({
    classification: { category: 'online_gambling', confidence: 0.95, suggestedPriority: 'urgent' },
    platforms: { website: { complyAtPoll: 1 } },
    liveness: (_url, removed) => {
      if (released && !reuploadShown) {
        reuploadShown = true;
        return 'up';
      }
      return removed ? 'gone' : 'up';
    },
    gate: { checkLiveness: () => (holding && !released ? held : undefined) },
  });
  const caseWorker = devCaseWorkerSuite('close-child-start', scripted);

  it('ends the child too: it is not left running after the case', async () => {
    const cases = new CaseClient(caseWorker.dev.client, { taskQueue: caseWorker.taskQueue, policy: POLICY });
    const { caseId } = await submitIllegalGamblingCase(cases);
    await waitForCase(cases, caseId, (state) => state.stage === 'monitoring', 'monitoring', 60_000);
    const checksBefore = scripted.callsOf('checkLiveness').length;
    holding = true;
    await waitFor(
      async () => scripted.callsOf('checkLiveness').length,
      (calls) => calls > checksBefore,
      'a held monitoring check',
      30_000,
    );
    await cases.update(caseId, 'closeMonitoring', {
      actor: officers.supervisor,
      reason: 'blocked at the network level instead',
    });
    const requestedAt = Date.now();
    released = true;
    release();
    const outcome = await cases.outcome(caseId);
    expect(outcome.closedBy).toEqual(officers.supervisor);
    // Before the fix the case did not close within two minutes.
    expect(Date.parse(outcome.closedAt) - requestedAt).toBeLessThan(60_000);
    const child = caseWorker.dev.client.workflow.getHandle(`${caseId}:takedown:website-1:a2`);
    const described = await child.describe();
    // The race this test is about did happen: the child's start was commanded after the close was
    // accepted, so the closing case found it still starting (a ContentCaseWorkflowV2 run follows the
    // closeAwaitsChildStarts patch without writing its marker).
    const events = (await caseWorker.dev.client.workflow.getHandle(caseId).fetchHistory()).events ?? [];
    expect(patchIds(events)).toEqual([]);
    const closeAccepted = events.find(
      (event) =>
        event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ===
        'closeMonitoring',
    );
    const childInitiated = events.find(
      (event) => event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId === child.workflowId,
    );
    expect(closeAccepted).toBeDefined();
    expect(childInitiated).toBeDefined();
    expect(Number(childInitiated!.eventId)).toBeGreaterThan(Number(closeAccepted!.eventId));
    // Started after all, then cancelled by the closing case before it closed: not left running.
    if (described.status.name === 'RUNNING') await child.terminate('test finished');
    expect(described.status.name).toBe('CANCELLED');
    if (process.env.SARING_RECORD_CORPUS === '1') await recordToCorpus(caseWorker.dev.client, caseId);
  }, 90_000);
});
