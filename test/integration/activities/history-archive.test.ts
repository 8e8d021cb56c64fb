import { testDataConverter } from '../../support/codec/test-codec';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { NativeConnection } from '@temporalio/worker';
import { sha256Hex } from '../../../lib/sha256';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import {
  activitiesHarness,
  quietLogger,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';

const workflowsPath = require.resolve('../../fixtures/workflows/harness-workflows');

describe('archiveCaseHistory on the real Temporal dev server and S3 server', () => {
  let harness: ActivitiesHarness;
  let nativeConnection: NativeConnection;

  beforeAll(async () => {
    [harness, nativeConnection] = await Promise.all([
      activitiesHarness('archive'),
      NativeConnection.connect({ address: testServers().temporal.address }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([harness?.close(), nativeConnection?.close()]);
  });

  it('writes the full event history to the audit bucket with its SHA-256, once per requestId', async () => {
    const taskQueue = uniqueTaskQueue('archive');
    const workflowId = `case-${taskQueue}`;
    const worker = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
    });
    await worker.runUntil(
      harness.client.workflow.execute('echoWorkflow', { taskQueue, workflowId, args: ['arsip'] }),
    );

    const input = {
      requestId: `${workflowId}:archive`,
      caseId: workflowId,
      workflowId,
      category: 'hoax' as const,
    };
    const record = await harness.activities.archiveCaseHistory(input);
    expect(record).toMatchObject({ kind: 'history_archive', bucket: harness.config.s3.auditBucket });

    const bytes = await harness.deps.evidence.read(record);
    expect(sha256Hex(bytes)).toBe(record.sha256);
    const archive = JSON.parse(new TextDecoder().decode(bytes)) as {
      eventCount: number;
      history: { events: { eventType: string }[] };
    };
    expect(archive).toMatchObject({
      schema: 'saring.history-archive/v1',
      workflowId,
      workflowType: 'echoWorkflow',
      status: 'COMPLETED',
      category: 'hoax',
    });
    expect(archive.history.events).toHaveLength(archive.eventCount);
    expect(archive.history.events[0]?.eventType).toMatch(/WORKFLOW_EXECUTION_STARTED/);
    await expect(harness.activities.verifyEvidence({ record })).resolves.toMatchObject({ intact: true });

    await expect(harness.activities.archiveCaseHistory(input)).resolves.toEqual(record);
  });

  it('fails for good when there is no such workflow', async () => {
    await expect(
      harness.activities.archiveCaseHistory({
        requestId: 'nothing-here:archive',
        caseId: 'nothing-here',
        workflowId: 'no-such-workflow-anywhere',
      }),
    ).rejects.toMatchObject({ type: 'WorkflowNotFound', nonRetryable: true });
  });
});
