import { CaseClient } from '../../../cases/case-client';
import { CasePolicy } from '../../../domain';
import { newCaseDigestActivities } from '../../../activities/new-case-digest-activities';
import { loadDefaultPolicy } from '../../../policy';
import { ensureNewCaseDigestSchedule } from '../../../workers/new-case-digest-schedule';
import type { NewCaseDigestResult } from '../../../workflows/alerts/new-case-digest';
import { ScriptedActivities } from '../../support/scripted-activities';
import { uniqueTaskQueue } from '../../support/servers/test-servers';
import { createCaseAndFetchWorkers } from '../../support/workers/case-and-fetch-workers';
import { testDataConverter } from '../../support/codec/test-codec';
import {
  bundleCaseWorkflows,
  caseClientFor,
  connectDevServer,
  detectionOf,
  uniqueUrl,
  waitFor,
  waitForCase,
  type DevServer,
} from '../../support/case-test-kit';

/**
 * New-case alerts by policy (issue 14): under the shipped policy a gambling or pornography case is not
 * mailed on its own; the digest Schedule counts them by category in one notification. A hoax is still
 * announced at once, and so is every case under a policy without newCaseAlerts. Real dev server, real
 * workflows, the real visibility counts; notify is the scripted double that parses the real schema.
 */
describe('new-case alerts and the digest (dev server)', () => {
  // The snapshot of one case is held, so that case is still in intake when the digest counts.
  let releaseSnapshot: () => void = () => undefined;
  const snapshotHeld = new Promise<void>((resolve) => {
    releaseSnapshot = resolve;
  });
  const slowUrl = uniqueUrl('slow-intake.example', 'post');
  const scripted = new ScriptedActivities({
    gate: {
      captureSnapshot: (input) => ((input as { url?: string }).url === slowUrl ? snapshotHeld : undefined),
    },
  });
  const policy = loadDefaultPolicy();
  let dev: DevServer;
  let taskQueue: string;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    const [server, bundle] = await Promise.all([connectDevServer(), bundleCaseWorkflows()]);
    dev = server;
    taskQueue = uniqueTaskQueue('new-case-digest');
    const worker = await createCaseAndFetchWorkers({
      dataConverter: testDataConverter,
      connection: dev.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: { ...scripted.activities(), ...newCaseDigestActivities({ client: dev.client }) },
    });
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
    };
  });
  afterAll(async () => {
    releaseSnapshot();
    await stopWorker?.();
    await dev?.close();
  });

  const newCaseMails = (caseId: string) =>
    scripted.notifications('new_case').filter((notification) => notification.caseId === caseId);

  async function openCase(cases: CaseClient, category: 'online_gambling' | 'pornography' | 'hoax') {
    const { caseId } = await cases.submitDetection(
      detectionOf({ url: uniqueUrl(`${category}.example`, 'post'), suggestedCategory: category }),
    );
    await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
    return caseId;
  }

  it('mails a hoax at once and leaves gambling and pornography to the digest, which counts them', async () => {
    expect(policy.newCaseAlerts?.immediate).toContain('hoax');
    expect(policy.newCaseAlerts?.immediate).not.toContain('online_gambling');
    const cases = caseClientFor(dev.client, taskQueue);
    const gambling = [await openCase(cases, 'online_gambling'), await openCase(cases, 'online_gambling')];
    const porn = await openCase(cases, 'pornography');
    const hoax = await openCase(cases, 'hoax');
    await cases.submitDetection(detectionOf({ url: slowUrl, suggestedCategory: 'online_gambling' }));

    await waitFor(
      async () => newCaseMails(hoax),
      (mails) => mails.length === 1,
      'the hoax case mail',
    );
    for (const caseId of [...gambling, porn]) expect(newCaseMails(caseId)).toEqual([]);

    // The Schedule as the worker creates it, triggered now: its window is the last 15 minutes.
    const handle = await ensureNewCaseDigestSchedule(dev.client, {
      taskQueue,
      policy,
      scheduleId: `digest-${taskQueue}`,
      casesOnTaskQueue: taskQueue,
    });
    try {
      const description = await handle!.describe();
      expect(description.spec.intervals?.map((interval) => interval.every)).toEqual([15 * 60_000]);
      // Visibility is eventually consistent: wait until it sees all four cases in verification.
      await waitFor(
        async () =>
          (
            await dev.client.workflow.count(
              `TaskQueue = '${taskQueue}' AND SaringStatus = 'verification' AND ExecutionStatus = 'Running'`,
            )
          ).count,
        (count) => count === 4,
        'visibility to show the four cases',
      );
      await waitFor(
        async () =>
          (await dev.client.workflow.count(`TaskQueue = '${taskQueue}' AND SaringStatus = 'intake'`)).count,
        (count) => count === 1,
        'visibility to show the case held in intake',
      );
      // The window ends at the scheduled time, whole seconds: a case opened in that second goes in the next digest.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await handle!.trigger();
      const digests = await waitFor(
        async () => scripted.notifications('new_case_digest'),
        (mails) => mails.length === 1,
        'the digest',
      );
      const digest = digests[0]!;
      expect(digest.audience).toBe('rapid_response_unit');
      expect(digest.subject).toMatch(/^4 new cases to verify, .* \(4 waiting in all\)$/);
      expect(digest.body).toContain('- Judi online: 2');
      expect(digest.body).toContain('- Pornografi: 1');
      // Its category is not known yet: counted now, or no later digest would (its start is in this period).
      expect(digest.body).toContain('- still in intake, category not known yet: 1');
      expect(digest.body).not.toContain('Hoaks');
      const started = (await handle!.describe()).info.recentActions.at(-1)!.action.workflow;
      const result: NewCaseDigestResult = await dev.client.workflow
        .getHandle(started.workflowId, started.firstExecutionRunId)
        .result();
      expect(result).toMatchObject({ digested: 4, awaitingVerification: 4, sent: true });
      for (const caseId of [...gambling, porn]) expect(newCaseMails(caseId)).toEqual([]);
    } finally {
      await handle?.delete();
    }
  });

  it('sends no digest for a period with no new case outside the immediate categories', async () => {
    const result: NewCaseDigestResult = await dev.client.workflow.execute('NewCaseDigestWorkflow', {
      taskQueue,
      workflowId: `digest-empty-${taskQueue}`,
      args: [
        { every: '15m', immediate: policy.newCaseAlerts!.immediate, casesOnTaskQueue: `${taskQueue}-none` },
      ],
    });
    expect(result).toMatchObject({ digested: 0, sent: false });
  });

  it('refuses a digest input the schema does not accept, and changes nothing', async () => {
    const before = scripted.notifications('new_case_digest').length;
    await expect(
      dev.client.workflow.execute('NewCaseDigestWorkflow', {
        taskQueue,
        workflowId: `digest-bad-${taskQueue}`,
        args: [{ every: 'soon', immediate: ['gambling'] }],
      }),
    ).rejects.toThrow(/failed/);
    expect(scripted.notifications('new_case_digest')).toHaveLength(before);
  });

  it('mails every new case at once under a policy without newCaseAlerts (policies before 2026-12)', async () => {
    const { newCaseAlerts: _omitted, ...older } = policy;
    const cases = new CaseClient(dev.client, { taskQueue, policy: CasePolicy.parse(older) });
    const caseId = await openCase(cases, 'online_gambling');
    await waitFor(
      async () => newCaseMails(caseId),
      (mails) => mails.length === 1,
      'the gambling case mail',
    );
  });
});
