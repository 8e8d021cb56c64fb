import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { buildActivityDeps, createActivities } from '../../../activities';
import { RATE_LIMITED } from '../../../activities/channels/rate-limited-platform';
import { ActivitiesConfig } from '../../../config/activities';
import type { TakedownRequest } from '../../../domain/channels';
import type { requestOneTakedown } from '../../fixtures/workflows/takedown-workflow';
import { testDataConverter } from '../../support/codec/test-codec';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import {
  activitiesHarness,
  getJson,
  quietLogger,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';

const workflowsPath = require.resolve('../../fixtures/workflows/takedown-workflow');
const RATE = 4;

/**
 * Per-platform rate limits on outward calls: takedowns started together reach the platform simulator
 * no faster than the configured rate, also when attempts give up waiting and Temporal retries them
 * (a retry takes its turn again), and each is acted on once.
 */
describe('a platform rate limit (activities.platforms.<platform>.rateLimit)', () => {
  let harness: ActivitiesHarness;
  let bundle: WorkflowBundle;
  let connection: Connection;
  let nativeConnection: NativeConnection;

  beforeAll(async () => {
    const { temporal } = testServers();
    [harness, bundle, nativeConnection, connection] = await Promise.all([
      activitiesHarness('ratelimit'),
      bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
      NativeConnection.connect({ address: temporal.address }),
      Connection.connect({ address: temporal.address }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([harness?.close(), connection?.close(), nativeConnection?.close()]);
  });

  it('is refused by the config schema when it cannot work', () => {
    const meta = harness.config.platforms.meta!;
    const parsed = ActivitiesConfig.safeParse({
      ...harness.config,
      platforms: { meta: { ...meta, rateLimit: { requestsPerSecond: 0 } } },
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('rateLimit');
  });

  it('spaces the takedowns of one platform at its rate, across activity retries', async () => {
    const meta = harness.config.platforms.meta!;
    const config = ActivitiesConfig.parse({
      ...harness.config,
      platforms: {
        ...harness.config.platforms,
        meta: { ...meta, rateLimit: { requestsPerSecond: RATE, burst: 1, maxWaitMs: 300 } },
      },
    });
    const real = createActivities(buildActivityDeps(config, harness.client));
    let rateLimitedAttempts = 0;
    const activities = {
      ...real,
      requestTakedown: async (input: unknown) => {
        try {
          return await real.requestTakedown(input as TakedownRequest);
        } catch (error) {
          if ((error as { type?: string }).type === RATE_LIMITED) rateLimitedAttempts += 1;
          throw error;
        }
      },
    };
    const taskQueue = uniqueTaskQueue('rate-limit');
    const client = new Client({
      connection,
      namespace: testServers().temporal.namespace,
      dataConverter: testDataConverter,
    });
    const worker = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    const requests: TakedownRequest[] = Array.from({ length: 4 }, (_, i) => ({
      requestId: `${taskQueue}:takedown:meta-${i}`,
      caseId: `case-${taskQueue}-${i}`,
      platform: 'meta',
      url: `https://facebook.com/slotgacor/posts/${taskQueue}-${i}`,
      category: 'online_gambling',
      urgent: true,
      deadline: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      evidence: [],
    }));
    await worker.runUntil(
      Promise.all(
        requests.map((request, i) =>
          client.workflow.execute<typeof requestOneTakedown>('requestOneTakedown', {
            taskQueue,
            workflowId: `${taskQueue}-${i}`,
            args: [request, taskQueue, 5_000],
          }),
        ),
      ),
    );

    const accepted: { at: string; requestId: string }[] = [];
    for (const request of requests) {
      const log = await getJson<{ at: string; requestId: string; outcome: string }[]>(
        `${harness.sims.platformSimulator}/_log?kind=takedown&requestId=${encodeURIComponent(request.requestId)}`,
      );
      expect(log.map((entry) => entry.outcome)).toEqual(['accepted']);
      accepted.push(log[0]!);
    }
    // Four requests with at most one at a time: three waited (some past maxWaitMs, retried by Temporal).
    expect(rateLimitedAttempts).toBeGreaterThan(0);
    const times = accepted.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
    // The limiter spaces the sends 250 ms apart at 4/s; what the platform sees also carries each
    // request's own transit time, so the span of the four arrivals is checked with some slack, not each gap.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((3 * 1000) / RATE - 150);
  });
});
