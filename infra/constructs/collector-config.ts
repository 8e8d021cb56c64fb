import { OTLP_HTTP_PORT } from '../../config/telemetry';

/** Port of the collector's health_check extension, which the image's /healthcheck binary probes. */
export const COLLECTOR_HEALTH_PORT = 13133;

export interface CollectorConfigProps {
  readonly region: string;
  /** Traces received over OTLP/HTTP on localhost go to X-Ray. */
  readonly traces: boolean;
  /** Scrape the app's Prometheus endpoint on localhost and send it to CloudWatch as EMF. */
  readonly prometheus?: {
    readonly jobName: string;
    readonly port: number;
    readonly scrapeIntervalSeconds: number;
    /** CloudWatch namespace of the metrics the declarations below extract. */
    readonly namespace: string;
    /** Log group the EMF records are written to (every scraped series stays queryable there). */
    readonly logGroupName: string;
    /** Which series become CloudWatch metrics; default: the Temporal SDK's (the workers). */
    readonly metricDeclarations?: readonly MetricDeclaration[];
    /** Labels added to every scraped series, e.g. the Temporal server role the task runs. */
    readonly labels?: Record<string, string>;
  };
}

export interface MetricDeclaration {
  readonly dimensions: readonly (readonly string[])[];
  readonly metric_name_selectors: readonly string[];
}

/**
 * Which SDK metrics become CloudWatch metrics, and with which dimensions; the rest stay in the EMF log group
 * (Logs Insights) without the per-metric cost. Names as the Temporal SDK emits them (observability/sdk-runtime.ts).
 */
export const SDK_METRIC_DECLARATIONS: readonly MetricDeclaration[] = [
  {
    dimensions: [['task_queue']],
    metric_name_selectors: [
      '^temporal_workflow_task_schedule_to_start_latency$',
      '^temporal_activity_schedule_to_start_latency$',
      '^temporal_workflow_task_execution_latency$',
      '^temporal_activity_execution_latency$',
      '^temporal_workflow_task_execution_failed$',
      '^temporal_activity_execution_failed$',
      '^temporal_sticky_cache_size$',
      '^temporal_sticky_cache_hit$',
    ],
  },
  {
    dimensions: [['task_queue', 'worker_type']],
    metric_name_selectors: ['^temporal_worker_task_slots_available$', '^temporal_worker_task_slots_used$'],
  },
];

/**
 * The ADOT collector's configuration. JSON is valid YAML, so the object is handed to the container as
 * AOT_CONFIG_CONTENT once stringified. Everything listens on and scrapes 127.0.0.1: the task's containers
 * share one network namespace (awsvpc) and nothing outside the task reaches these ports.
 */
export function collectorConfig(props: CollectorConfigProps): Record<string, unknown> {
  const { prometheus } = props;
  const receivers: Record<string, unknown> = {};
  const exporters: Record<string, unknown> = {};
  const pipelines: Record<string, unknown> = {};
  if (props.traces) {
    receivers.otlp = { protocols: { http: { endpoint: `127.0.0.1:${OTLP_HTTP_PORT}` } } };
    exporters.awsxray = { region: props.region };
    pipelines.traces = { receivers: ['otlp'], processors: ['batch/traces'], exporters: ['awsxray'] };
  }
  if (prometheus) {
    receivers.prometheus = {
      config: {
        scrape_configs: [
          {
            job_name: prometheus.jobName,
            scrape_interval: `${prometheus.scrapeIntervalSeconds}s`,
            static_configs: [
              {
                targets: [`127.0.0.1:${prometheus.port}`],
                ...(prometheus.labels ? { labels: prometheus.labels } : {}),
              },
            ],
          },
        ],
      },
    };
    exporters.awsemf = {
      region: props.region,
      namespace: prometheus.namespace,
      log_group_name: prometheus.logGroupName,
      log_stream_name: prometheus.jobName,
      dimension_rollup_option: 'NoDimensionRollup',
      metric_declarations: prometheus.metricDeclarations ?? SDK_METRIC_DECLARATIONS,
    };
    pipelines.metrics = { receivers: ['prometheus'], processors: ['batch/metrics'], exporters: ['awsemf'] };
  }
  return {
    extensions: { health_check: { endpoint: `127.0.0.1:${COLLECTOR_HEALTH_PORT}` } },
    receivers,
    processors: {
      'batch/traces': { timeout: '1s', send_batch_size: 50 },
      'batch/metrics': { timeout: '60s' },
    },
    exporters,
    service: { extensions: ['health_check'], pipelines },
  };
}
