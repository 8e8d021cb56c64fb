import { testDataConverter } from '../../support/codec/test-codec';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import type { TakedownRequest } from '../../../domain/channels';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import { crashAfterSend } from '../../support/activities/crash-after-send';
import {
  activitiesHarness,
  simulatorLog,
  quietLogger,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';
import type { requestOneTakedown } from '../../fixtures/workflows/takedown-workflow';

const workflowsPath = require.resolve('../../fixtures/workflows/takedown-workflow');
const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The guarantee that matters most: a takedown request whose activity crashes after the request went
 * out is retried by Temporal with the same requestId, and the platform acts on it exactly once.
 * Asserted on the platform simulator's own log.
 */
describe('requestTakedown retried after a crash in the middle of the request', () => {
  let harness: ActivitiesHarness;
  let bundle: WorkflowBundle;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    const { temporal } = testServers();
    [harness, bundle, nativeConnection, connection] = await Promise.all([
      activitiesHarness('retry'),
      bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
      NativeConnection.connect({ address: temporal.address }),
      Connection.connect({ address: temporal.address }),
    ]);
    client = new Client({ connection, namespace: temporal.namespace, dataConverter: testDataConverter });
  });

  afterAll(async () => {
    await Promise.all([harness?.close(), connection?.close(), nativeConnection?.close()]);
  });

  const request = (name: string): TakedownRequest => ({
    requestId: `${uniqueTaskQueue(name)}:takedown:meta`,
    caseId: `case-${name}`,
    platform: 'meta',
    url: `https://facebook.com/slotgacor/posts/${Date.now()}`,
    category: 'online_gambling',
    urgent: true,
    deadline: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    evidence: [],
  });

  const expectOneAcceptedTakedown = async (requestId: string, ticketId: string) => {
    const log = await simulatorLog(harness.sims.platformSimulator, { kind: 'takedown', requestId });
    expect(log.filter((entry) => entry.outcome === 'accepted')).toHaveLength(1);
    expect(log.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
    const status = await harness.activities.checkTakedownStatus({ platform: 'meta', ticketId });
    expect(status.status).toMatch(/pending|removed/);
  };

  it('when the activity throws after the platform answered', async () => {
    const taskQueue = uniqueTaskQueue('takedown-throw');
    const activities = createActivities(
      crashAfterSend(harness.deps, () => {
        throw new Error('worker lost its connection after the request went out (simulated)');
      }),
    );
    const worker = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    const input = request('throw');
    const receipt = await worker.runUntil(
      client.workflow.execute<typeof requestOneTakedown>('requestOneTakedown', {
        taskQueue,
        workflowId: `takedown-${taskQueue}`,
        args: [input, taskQueue, 5_000],
      }),
    );
    await expectOneAcceptedTakedown(input.requestId, receipt.ticketId);
  });

  it('when the worker process is killed after the request went out', async () => {
    const workflowQueue = uniqueTaskQueue('takedown-wf');
    const activityQueue = uniqueTaskQueue('takedown-act');
    const input = request('kill');

    // First attempt: a separate worker process that is SIGKILLed right after sending.
    const child = spawn(
      process.execPath,
      [require.resolve('tsx/cli'), 'test/support/activities/crashing-worker.ts'],
      {
        cwd: repoRoot,
        env: { ...process.env, CRASH_TASK_QUEUE: activityQueue },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let childOutput = '';
    child.stdout.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    const childExit = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    await waitUntil(() => childOutput.includes('crashing worker polling') || child.exitCode !== null, 30_000);
    expect(childOutput).toContain('crashing worker polling');

    const workflowWorker = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue: workflowQueue,
      workflowBundle: bundle,
    });
    const receipt = await workflowWorker.runUntil(async () => {
      // Attempt 1 has no worker left to report it; the server retries it after startToCloseTimeout (3 s).
      const handle = await client.workflow.start<typeof requestOneTakedown>('requestOneTakedown', {
        taskQueue: workflowQueue,
        workflowId: `takedown-${activityQueue}`,
        args: [input, activityQueue, 3_000],
      });
      // Killed by SIGKILL: tsx's wrapper process reports its child's signal as exit code 128 + 9.
      expect(['SIGKILL', 137]).toContain(await childExit);
      const retryWorker = await Worker.create({
        dataConverter: testDataConverter,
        connection: nativeConnection,
        taskQueue: activityQueue,
        activities: harness.activities,
      });
      return retryWorker.runUntil(handle.result());
    });
    await expectOneAcceptedTakedown(input.requestId, receipt.ticketId);

    const history = await client.workflow.getHandle(`takedown-${activityQueue}`).fetchHistory();
    const completed = history.events?.find((event) => event.activityTaskCompletedEventAttributes);
    const started = history.events?.find((event) => event.activityTaskStartedEventAttributes);
    expect(started?.activityTaskStartedEventAttributes?.attempt).toBe(2);
    expect(completed).toBeDefined();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
