/**
 * The fetcher process: `npm run fetcher` locally, its own container in the cloud. It polls only the
 * fetch task queue and runs only captureSnapshot and checkLiveness, with no Temporal client (it reads
 * no histories), no partner tokens and no mail credentials. SIGINT/SIGTERM drain like the case worker.
 */
import { connectWorkerConnection } from '../config/temporal';
import { createFetcherWorker } from './create-fetcher-worker';
import { loadFetcherConfig } from './fetcher-config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const config = loadFetcherConfig();
  const connection = await connectWorkerConnection(config.temporal);
  const worker = await createFetcherWorker({ config, connection });
  const egress = config.fetch.allowPrivateNetwork
    ? 'private network ALLOWED (local demo)'
    : 'public addresses, ports 80/443';
  console.log(
    `fetcher polling ${config.temporal.address} namespace=${config.temporal.namespace} taskQueue=${config.temporal.taskQueue} egress=${egress}`,
  );
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
  console.log('fetcher stopped cleanly');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`fetcher failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
