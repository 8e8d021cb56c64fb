import { testDataConverter } from '../../support/codec/test-codec';
import { Client, Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { CASE_SEARCH_ATTRIBUTES } from '../../../domain/search-attributes';
import { ActivityErrorCounter } from '../../../workers/metrics/error-counter';
import { startMetricsPublisher } from '../../../workers/metrics/publisher';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';

interface EmfRecord {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/** The worker's CloudWatch metrics, read from a real dev server: what autoscaling and the alarms watch. */
describe('worker metrics (embedded metric format)', () => {
  let connection: Connection;
  let client: Client;
  const taskQueue = uniqueTaskQueue('metrics-nobody-polls');

  beforeAll(async () => {
    const { temporal } = testServers();
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection, namespace: temporal.namespace, dataConverter: testDataConverter });
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('publishes the task queue backlog, open breached cases and worker errors', async () => {
    // Three cases nobody polls for, one of them flagged as breached: a backlog of at least three tasks.
    for (const [index, breached] of [true, false, false].entries()) {
      await client.workflow.start('ContentCaseWorkflow', {
        taskQueue,
        workflowId: `${taskQueue}-${index}`,
        args: [],
        typedSearchAttributes: new TypedSearchAttributes([
          { key: CASE_SEARCH_ATTRIBUTES.slaBreached, value: breached },
        ]),
      });
    }
    const errors = new ActivityErrorCounter();
    const failing = errors.interceptor({} as never).inbound!.execute!;
    await expect(failing({} as never, () => Promise.reject(new Error('platform down')))).rejects.toThrow(
      'platform down',
    );

    const lines: string[] = [];
    const publisher = startMetricsPublisher({
      client,
      namespace: testServers().temporal.namespace,
      taskQueue,
      metricsNamespace: 'Saring',
      errors,
      write: (line) => lines.push(line),
    });
    publisher.stop();
    const workerErrorsSeen: unknown[] = [];
    let records: EmfRecord[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      lines.length = 0;
      await publisher.publishOnce();
      records = lines.map((line) => JSON.parse(line) as EmfRecord);
      workerErrorsSeen.push(...records.filter((r) => 'WorkerErrors' in r).map((r) => r.WorkerErrors));
      const backlog = records.find((r) => 'TaskQueueBacklog' in r)?.TaskQueueBacklog as number | undefined;
      const breaches = records.find((r) => 'SlaBreaches' in r)?.SlaBreaches as number | undefined;
      if ((backlog ?? 0) >= 3 && (breaches ?? 0) >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const backlogRecord = records.find((r) => 'TaskQueueBacklog' in r)!;
    expect(backlogRecord.TaskQueue).toBe(taskQueue);
    expect(backlogRecord.TaskQueueBacklog).toBeGreaterThanOrEqual(3);
    expect(backlogRecord._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: 'Saring',
      Dimensions: [['TaskQueue']],
      Metrics: [{ Name: 'TaskQueueBacklog', Unit: 'Count' }],
    });
    const caseRecord = records.find((r) => 'SlaBreaches' in r)!;
    expect(caseRecord.SlaBreaches).toBeGreaterThanOrEqual(1);
    // The failure seen before the first sample is counted in that sample only; the counter then restarts.
    expect(workerErrorsSeen[0]).toBe(1);
    lines.length = 0;
    await publisher.publishOnce();
    expect(
      lines.map((line) => JSON.parse(line) as EmfRecord).find((r) => 'WorkerErrors' in r)?.WorkerErrors,
    ).toBe(0);

    for (let index = 0; index < 3; index += 1)
      await client.workflow.getHandle(`${taskQueue}-${index}`).terminate('metrics test done');
  });
});
