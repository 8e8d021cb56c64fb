import { testDataConverter, testPayloadKeys } from '../../support/codec/test-codec';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createFetcherWorker } from '../../../workers/create-fetcher-worker';
import { FETCH_TASK_QUEUE, FetcherConfig } from '../../../workers/fetcher-config';
import { createEvidenceBucket, quietLogger, uniqueName } from '../../support/activities/activities-harness';
import { startAllowedServer, type AllowedServer } from '../../support/egress/egress-kit';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import { createS3Client } from '../../../config/s3';
import { fetchTaskQueueFor } from '../../../activities/options';

const workflowsPath = require.resolve('../../fixtures/workflows/fetch-routing-workflows');

/**
 * The fetcher as its own worker: a queue of its own, only the two fetching activities, config with
 * nothing but Temporal, S3 and the fetch policy. A workflow on another queue routes both activities to it.
 */
describe('the fetcher worker', () => {
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let allowed: AllowedServer;

  beforeAll(async () => {
    [nativeConnection, connection, allowed] = await Promise.all([
      NativeConnection.connect({ address: testServers().temporal.address }),
      Connection.connect({ address: testServers().temporal.address }),
      startAllowedServer(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([nativeConnection?.close(), connection?.close(), allowed?.stop()]);
  });

  it('runs captureSnapshot and checkLiveness routed to its queue, under the production egress rules', async () => {
    const servers = testServers();
    const base = uniqueName('fetcher');
    const s3 = {
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
      evidenceBucket: `${base}-evidence`,
      auditBucket: `${base}-audit`,
    };
    const s3Client = createS3Client(s3);
    await createEvidenceBucket(s3Client, s3.evidenceBucket);
    s3Client.destroy();
    const workflowQueue = uniqueTaskQueue('fetch-wf');
    const fetchQueue = fetchTaskQueueFor(workflowQueue);
    const config = FetcherConfig.parse({
      temporal: {
        address: servers.temporal.address,
        namespace: servers.temporal.namespace,
        taskQueue: fetchQueue,
        payloadKeys: testPayloadKeys,
      },
      s3,
      fetch: { allowTargets: [{ address: '127.0.0.1', port: allowed.port }] },
    });
    const fetcher = await createFetcherWorker({ config, connection: nativeConnection });
    const workflows = await Worker.create({
      dataConverter: testDataConverter,
      connection: nativeConnection,
      taskQueue: workflowQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
    });
    const client = new Client({
      connection,
      namespace: servers.temporal.namespace,
      dataConverter: testDataConverter,
    });

    const run = (url: string, caseId: string) =>
      client.workflow.execute('fetchOnFetcherQueue', {
        taskQueue: workflowQueue,
        workflowId: `${base}-${caseId}`,
        args: [{ taskQueue: fetchQueue, url, caseId }],
      });
    const [ok, metadata] = await fetcher.runUntil(
      workflows.runUntil(
        Promise.all([
          run(`${allowed.url}/ok`, 'ok'),
          run('http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'metadata'),
        ]),
      ),
    );
    expect(ok).toMatchObject({
      liveness: { state: 'up', httpStatus: 200 },
      snapshot: { kind: 'snapshot', bucket: s3.evidenceBucket, fetch: { status: 200 } },
    });
    expect(metadata).toMatchObject({
      liveness: {
        state: 'unknown',
        reason: expect.stringContaining('169.254.169.254/32 (cloud instance metadata'),
      },
      snapshot: { fetch: { error: expect.stringContaining('refused before connecting') } },
    });
  });

  it('config: its own queue by default, no partner or mail settings, no private network with cloud credentials', () => {
    const base = {
      temporal: { payloadKeys: testPayloadKeys },
      s3: { evidenceBucket: 'saring-evidence', auditBucket: 'saring-audit' },
    };
    expect(FetcherConfig.parse(base)).toMatchObject({
      temporal: { taskQueue: FETCH_TASK_QUEUE },
      fetch: { allowPrivateNetwork: false, allowTargets: [] },
    });
    const extra = FetcherConfig.safeParse({
      ...base,
      police: { endpoint: 'https://polisi.example', token: 'secret' },
    });
    expect(extra.error?.issues[0]?.message).toContain('remove police');
    const caseQueue = FetcherConfig.safeParse({
      ...base,
      temporal: { ...base.temporal, taskQueue: 'saring-cases' },
    });
    expect(caseQueue.error?.issues[0]).toMatchObject({ path: ['temporal', 'taskQueue'] });
    const cloudPrivate = FetcherConfig.safeParse({
      ...base,
      temporal: { ...base.temporal, apiKey: 'k' },
      fetch: { allowPrivateNetwork: true },
    });
    expect(cloudPrivate.error?.issues[0]).toMatchObject({
      path: ['fetch', 'allowPrivateNetwork'],
      message: expect.stringContaining('set it to false'),
    });
  });
});
