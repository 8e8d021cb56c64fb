import { Worker, type NativeConnection } from '@temporalio/worker';
import { dataConverterFor } from '../config/codec';
import { createFetcherActivities } from '../activities/fetcher-activities';
import type { FetcherConfig } from './fetcher-config';
import { fetcherWorkerBuildId } from './build-id';

/** A worker that polls only the fetch queue, for activity tasks only: it runs no workflow code. */
export async function createFetcherWorker(options: {
  config: FetcherConfig;
  connection: NativeConnection;
  identity?: string;
  now?: () => Date;
}): Promise<Worker> {
  const { config } = options;
  return Worker.create({
    connection: options.connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    buildId: fetcherWorkerBuildId(),
    activities: createFetcherActivities(config, options.now),
    dataConverter: dataConverterFor(config.temporal.payloadKeys),
    shutdownGraceTime: `${config.shutdownGraceSeconds}s`,
    ...(options.identity ? { identity: options.identity } : {}),
  });
}
