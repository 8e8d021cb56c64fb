/**
 * Where the processes send telemetry in the cloud: the collector sidecar in the same task listens on
 * localhost. Infra configures the sidecar and the containers' variables (config/runtime-env.ts) from
 * these values, so both sides agree on one definition.
 */

/** Port of the worker's Prometheus endpoint (the Temporal SDK's metrics, GET /metrics). */
export const WORKER_PROMETHEUS_PORT = 9464;

/** Port on which the collector sidecar receives OTLP over HTTP. */
export const OTLP_HTTP_PORT = 4318;

/** The traces URL the app exports to when a collector runs beside it. */
export const SIDECAR_OTLP_TRACES_URL = `http://127.0.0.1:${OTLP_HTTP_PORT}/v1/traces`;

/** The service.name resource attribute of each process's spans. */
export const SERVICE_NAME = {
  api: 'saring-api',
  worker: 'saring-worker',
} as const;
