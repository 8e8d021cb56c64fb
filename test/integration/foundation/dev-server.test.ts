import { testDataConverter } from '../../support/codec/test-codec';
import { quietLogger } from '../../support/servers/quiet-logger';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import { CASE_SEARCH_ATTRIBUTES } from '../../../domain/search-attributes';

const workflowsPath = require.resolve('../../fixtures/workflows/harness-workflows');

describe('Temporal dev server (real, SQLite file)', () => {
  let bundle: WorkflowBundle;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    const { temporal } = testServers();
    bundle = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
    connection = await Connection.connect({ address: temporal.address });
    nativeConnection = await NativeConnection.connect({ address: temporal.address });
    client = new Client({ connection, namespace: temporal.namespace, dataConverter: testDataConverter });
  });

  afterAll(async () => {
    await connection?.close();
    await nativeConnection?.close();
  });

  it('runs a workflow to completion on a real worker', async () => {
    const taskQueue = uniqueTaskQueue('foundation');
    const worker = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue,
      workflowBundle: bundle,
    });
    const result = await worker.runUntil(
      client.workflow.execute('echoWorkflow', {
        taskQueue,
        workflowId: `echo-${taskQueue}`,
        args: ['saring'],
      }),
    );
    expect(result).toBe('echo: saring');
  });

  it('has every Saring search attribute registered', async () => {
    const response = await connection.operatorService.listSearchAttributes({
      namespace: testServers().temporal.namespace,
    });
    const registered = Object.keys(response.customAttributes);
    for (const key of Object.values(CASE_SEARCH_ATTRIBUTES)) expect(registered).toContain(key.name);
  });
});
