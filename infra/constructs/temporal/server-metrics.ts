import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { type MetricDeclaration } from '../collector-config';

/** CloudWatch namespace of the self-hosted Temporal servers' own metrics (scraped by each role's collector). */
export const TEMPORAL_SERVER_METRICS_NAMESPACE = 'Saring/TemporalServer';

export type TemporalRole = 'frontend' | 'history' | 'matching' | 'worker';

/**
 * Where each role serves Prometheus metrics (the image's PROMETHEUS_ENDPOINT). On 127.0.0.1 only: the collector in
 * the same task scrapes it and nothing outside the task can. One port per role, so roles sharing a host (the
 * rehearsal) do not collide.
 */
export const SERVER_METRICS_PORT: Record<TemporalRole, number> = {
  frontend: 9090,
  history: 9091,
  matching: 9092,
  worker: 9093,
};

/** The scrape label that names the role; the only dimension the server metrics keep in CloudWatch. */
export const ROLE_LABEL = 'temporal_role';

/**
 * Server metrics that become CloudWatch metrics (names from go.temporal.io/server common/metrics/metric_defs.go at
 * the pinned version; timers are histograms in seconds). Every other series stays in the EMF log group.
 */
export const SERVER_METRIC_NAMES = {
  serviceRequests: 'service_requests',
  serviceErrors: 'service_errors',
  serviceLatency: 'service_latency',
  persistenceRequests: 'persistence_requests',
  persistenceErrors: 'persistence_errors',
  persistenceLatency: 'persistence_latency',
  /** Matching: how long a task waited for a poller (async match). */
  asyncMatchLatency: 'asyncmatch_latency',
} as const;

export const SERVER_METRIC_DECLARATIONS: readonly MetricDeclaration[] = [
  {
    dimensions: [[ROLE_LABEL]],
    metric_name_selectors: Object.values(SERVER_METRIC_NAMES).map((name) => `^${name}$`),
  },
];

/** One server metric of one role, as the alarms and the dashboard read it. */
export function serverMetric(
  name: (typeof SERVER_METRIC_NAMES)[keyof typeof SERVER_METRIC_NAMES],
  role: TemporalRole,
  statistic: 'Sum' | 'Average' | 'Maximum',
): Metric {
  return new Metric({
    namespace: TEMPORAL_SERVER_METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [ROLE_LABEL]: role },
    statistic,
    period: Duration.minutes(5),
  });
}
