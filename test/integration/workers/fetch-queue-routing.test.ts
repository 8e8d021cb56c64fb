import { version } from '../../../package.json';
import { testPayloadKeys } from '../../support/codec/test-codec';
import { fetchTaskQueueFor } from '../../../activities/options';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';
import { caseClientFor, detectionOf, waitFor, waitForCase } from '../../support/case-test-kit';
import { startAllowedServer, type AllowedServer } from '../../support/egress/egress-kit';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import { spawnEntry, type SpawnedProcess } from '../../support/workers/spawned-process';

/**
 * The real processes, as `npm start` and the containers run them: the case worker (workers/main.ts)
 * and the fetcher (workers/fetcher-main.ts). The case worker's own fetch policy refuses the local
 * target (no private network, no allowed targets), the fetcher's allows it: a snapshot with HTTP 200
 * can only come from the fetcher, and the case's history shows it scheduled on the fetch queue.
 */
describe('a case fetches through the fetcher process, never on the case worker', () => {
  let harness: ActivitiesHarness;
  let target: AllowedServer;
  let caseWorker: SpawnedProcess | undefined;
  let fetcher: SpawnedProcess | undefined;
  const taskQueue = uniqueTaskQueue('fetch-routing');
  const fetchQueue = fetchTaskQueueFor(taskQueue);

  beforeAll(async () => {
    [harness, target] = await Promise.all([activitiesHarness('fetch-routing'), startAllowedServer()]);
    const { temporal } = testServers();
    const temporalConfig = {
      address: temporal.address,
      namespace: temporal.namespace,
      payloadKeys: testPayloadKeys,
    };
    const caseConfig = {
      temporal: { ...temporalConfig, taskQueue },
      activities: { ...harness.config, fetch: { allowPrivateNetwork: false, allowTargets: [] } },
    };
    const fetcherConfig = {
      temporal: { ...temporalConfig, taskQueue: fetchQueue },
      s3: harness.config.s3,
      fetch: { allowTargets: [{ address: '127.0.0.1', port: target.port }] },
    };
    [caseWorker, fetcher] = await Promise.all([
      spawnEntry('workers/main.ts', { SARING_CONFIG_JSON: JSON.stringify(caseConfig) }, 'worker polling'),
      spawnEntry(
        'workers/fetcher-main.ts',
        { SARING_CONFIG_JSON: JSON.stringify(fetcherConfig) },
        'fetcher polling',
      ),
    ]);
  });
  afterAll(async () => {
    await Promise.all([caseWorker?.stop(), fetcher?.stop()]);
    await Promise.all([harness?.close(), target?.stop()]);
  });

  it('captures the reported URL on the fetch queue, with the fetcher as the activity worker', async () => {
    expect(fetcher!.output()).toContain(`taskQueue=${fetchQueue}`);
    const cases = caseClientFor(harness.client, taskQueue);
    const url = `${target.url}/ok`;
    const { caseId } = await cases.submitDetection(detectionOf({ url, text: 'Beredar kabar hoaks banjir' }));
    const state = await waitForCase(cases, caseId, (s) => s.stage === 'verification', 'verification', 60_000);

    expect(state.evidence).toEqual([
      expect.objectContaining({ kind: 'snapshot', fetch: expect.objectContaining({ url, status: 200 }) }),
    ]);
    expect(target.hits.get('/ok')).toBe(1);

    // Classification, and the claim's match and registration, are local activities (one-task intake), so
    // the case queue's activity here is the new-case notification (a hoax is announced at once).
    const events = await waitFor(
      async () => (await harness.client.workflow.getHandle(caseId).fetchHistory()).events ?? [],
      (all) => all.filter((event) => event.activityTaskStartedEventAttributes).length >= 2,
      'the snapshot and the notification to start',
    );
    expect(
      events.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity'),
    ).toHaveLength(2);
    const scheduled = events
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((attributes) => attributes != null)
      .map((attributes) => [attributes.activityType?.name, attributes.taskQueue?.name]);
    expect(scheduled).toContainEqual(['captureSnapshot', fetchQueue]);
    expect(scheduled).toContainEqual(['notify', taskQueue]);
    expect(scheduled.filter(([, queue]) => queue === fetchQueue).map(([name]) => name)).toEqual([
      'captureSnapshot',
    ]);
    const identities = new Set(
      events.map((event) => event.activityTaskStartedEventAttributes?.identity).filter(Boolean),
    );
    expect(identities.size).toBe(2);
    // Each process names the Saring release it runs (workers/build-id.ts), the case worker with its bundle.
    const buildIds = new Set(
      events.map(
        (event) =>
          (event.workflowTaskCompletedEventAttributes ?? event.activityTaskStartedEventAttributes)
            ?.workerVersion?.buildId,
      ),
    );
    buildIds.delete(undefined);
    expect([...buildIds].sort()).toEqual([
      `saring@${version}`,
      expect.stringMatching(new RegExp(`^saring@${version.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`)),
    ]);
    await harness.client.workflow.getHandle(caseId).terminate('fetch routing test done');
  });
});
