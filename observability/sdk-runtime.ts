import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

export interface SdkRuntimeOptions {
  /** host:port for the Prometheus endpoint (GET /metrics); the SDK's metrics are not exported when absent. */
  prometheusBind?: string;
  logLevel?: LogLevel;
}

/**
 * Installs the Temporal SDK runtime of a worker process. The runtime is global and created on first use,
 * so this must run once, before any connection or worker exists. With `prometheusBind` the SDK serves
 * its own metrics (temporal_workflow_task_schedule_to_start_latency, temporal_worker_task_slots_available,
 * temporal_sticky_cache_size...) for a Prometheus scraper; names carry the temporal_ prefix.
 */
export function installSdkRuntime(options: SdkRuntimeOptions = {}): Runtime {
  return Runtime.install({
    logger: new DefaultLogger(options.logLevel ?? 'INFO'),
    ...(options.prometheusBind
      ? {
          telemetryOptions: {
            metrics: {
              // The SDK's defaults (milliseconds, no _total suffix): the names Temporal's dashboards use.
              prometheus: { bindAddress: options.prometheusBind },
            },
          },
        }
      : {}),
  });
}
