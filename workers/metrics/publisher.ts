import type { Client } from '@temporalio/client';
import { METRIC, METRIC_DIMENSION } from '../../config/metrics';
import { readBacklog, readOpenBreachedCases } from './collect';
import { emfLine } from './emf';
import type { ActivityErrorCounter } from './error-counter';

export interface MetricsPublisherOptions {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** CloudWatch namespace (SARING_METRICS_NAMESPACE in the cloud). */
  metricsNamespace: string;
  errors: ActivityErrorCounter;
  intervalMs?: number;
  write?: (line: string) => void;
}

/**
 * Publishes the metrics config/metrics.ts names, once a minute: TaskQueueBacklog (scales the workers),
 * SlaBreaches and WorkerErrors (alarms). A failed reading is logged and skipped, never fatal.
 */
export function startMetricsPublisher(options: MetricsPublisherOptions): {
  publishOnce(): Promise<void>;
  stop(): void;
} {
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  // Each reading is published on its own: one failing (e.g. a visibility query) never holds back the others.
  const sample = async (what: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      console.error(`metrics: reading ${what} failed, skipped this minute: ${(error as Error).message}`);
    }
  };
  const publishOnce = async () => {
    await Promise.all([
      sample(METRIC.taskQueueBacklog, async () => {
        const backlog = await readBacklog(options.client, options.namespace, options.taskQueue);
        write(
          emfLine(options.metricsNamespace, { [METRIC_DIMENSION.taskQueue]: options.taskQueue }, [
            { name: METRIC.taskQueueBacklog, value: backlog, unit: 'Count' },
          ]),
        );
      }),
      sample(METRIC.slaBreaches, async () => {
        const breached = await readOpenBreachedCases(options.client);
        write(
          emfLine(options.metricsNamespace, {}, [
            { name: METRIC.slaBreaches, value: breached, unit: 'Count' },
          ]),
        );
      }),
    ]);
    write(
      emfLine(options.metricsNamespace, {}, [
        { name: METRIC.workerErrors, value: options.errors.takeCount(), unit: 'Count' },
      ]),
    );
  };
  const timer = setInterval(() => void publishOnce(), options.intervalMs ?? 60_000);
  timer.unref();
  return { publishOnce, stop: () => clearInterval(timer) };
}
