/**
 * The bare baseline's worker (bench/peak/bare/bare-workflow.ts), a process of its own so its memory
 * and CPU are measured alone. Prints "bare worker ready", then "bare intake <n>" every second (cases
 * past both activities); SIGTERM shuts it down. On a cluster with mTLS (the rehearsal) it takes the
 * namespace and TLS material from the same variables as Saring's tasks (bare-cluster.ts).
 */
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { z } from 'zod';
import { WorkerTuning, workerTuningOptions } from '../../../workers/worker-tuning';
import * as activities from './bare-activities';
import { tlsOptions } from '../../../config/temporal';
import { bareCluster } from './bare-cluster';

const Args = z.tuple([z.string().regex(/^[\w.-]+:\d+$/, 'host:port'), z.string().min(1)]);
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

async function main(): Promise<void> {
  const parsed = Args.safeParse(process.argv.slice(2));
  if (!parsed.success)
    throw new Error(`usage: bare-worker.ts <temporal host:port> <task queue> (${parsed.error.message})`);
  const [address, taskQueue] = parsed.data;
  const cluster = bareCluster(process.env);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address, ...tlsOptions(cluster) });
  const { maxConcurrentWorkflowTaskExecutions, workflowTaskPollerBehavior, nonStickyToStickyPollRatio } =
    workerTuningOptions(WorkerTuning.parse({}));
  const worker = await Worker.create({
    connection,
    namespace: cluster.namespace,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./bare-workflow'),
      logger: silent,
    }),
    activities,
    // The same slots and pollers as Saring's worker, so that the ratios compare workflows, not settings.
    maxConcurrentWorkflowTaskExecutions,
    workflowTaskPollerBehavior,
    nonStickyToStickyPollRatio,
  });
  process.on('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('bare worker ready');
  const timer = setInterval(() => console.log(`bare intake ${activities.bareIntakeCount.done}`), 1_000);
  await running;
  clearInterval(timer);
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
