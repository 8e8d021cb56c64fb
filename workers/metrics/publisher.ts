import type { Client } from '@temporalio/client';
import { METRIC, METRIC_DIMENSION } from '../../config/metrics';
import { readOperationalMetrics } from './collect';
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
  const publishOnce = async () => {
    try {
      const reading = await readOperationalMetrics(options.client, options.namespace, options.taskQueue);
      write(
        emfLine(options.metricsNamespace, { [METRIC_DIMENSION.taskQueue]: options.taskQueue }, [
          { name: METRIC.taskQueueBacklog, value: reading.backlog, unit: 'Count' },
        ]),
      );
      write(
        emfLine(options.metricsNamespace, {}, [
          { name: METRIC.slaBreaches, value: reading.openBreachedCases, unit: 'Count' },
          { name: METRIC.workerErrors, value: options.errors.takeCount(), unit: 'Count' },
        ]),
      );
    } catch (error) {
      console.error(`metrics: reading failed, skipped this minute: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void publishOnce(), options.intervalMs ?? 60_000);
  timer.unref();
  return { publishOnce, stop: () => clearInterval(timer) };
}
