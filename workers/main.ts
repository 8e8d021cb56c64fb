/**
 * The worker process: `npm run worker` locally (the start command runs it for you), the container's
 * command in the cloud. SIGINT/SIGTERM stop polling, let running activities finish within
 * shutdownGraceSeconds, then exit 0.
 */
import { connectClient, connectWorkerConnection } from '../config/temporal';
import { createCaseWorker } from './create-worker';
import { loadWorkerConfig } from './worker-config';
import { ActivityErrorCounter } from './metrics/error-counter';
import { startMetricsPublisher } from './metrics/publisher';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const [connection, client] = await Promise.all([connectWorkerConnection(config.temporal), connectClient(config.temporal)]);
  const errorCounter = new ActivityErrorCounter();
  const worker = await createCaseWorker({ config, connection, client, errorCounter });
  const metrics = config.metricsNamespace
    ? startMetricsPublisher({
        client,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        metricsNamespace: config.metricsNamespace,
        errors: errorCounter,
      })
    : undefined;
  console.log(`worker polling ${config.temporal.address} namespace=${config.temporal.namespace} taskQueue=${config.temporal.taskQueue}`);
  try {
    await worker.run();
  } finally {
    metrics?.stop();
    await connection.close();
    await client.connection.close();
  }
  console.log('worker stopped cleanly');
  // Activity dependencies (HTTP keep-alive agents, SMTP pools) may hold the event loop open; the work is done.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`worker failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
