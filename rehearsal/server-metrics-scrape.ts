import fs from 'node:fs';
import path from 'node:path';
import { SERVER_METRIC_NAMES, type TemporalRole } from '../infra/constructs/temporal/server-metrics';
import { type RehearsedContainer } from './task-definitions';

type MetricName = (typeof SERVER_METRIC_NAMES)[keyof typeof SERVER_METRIC_NAMES];

/**
 * The mapped server metrics (SERVER_METRIC_NAMES, which the ADOT collector turns into CloudWatch metrics) that each
 * role must expose once one case has gone through. Not required here, as their absence after one case proves
 * nothing: the error counters (exist only after a first error) and asyncmatch_latency (recorded only for a task
 * dispatched from a backlog; the rehearsal's tasks all find a waiting poller). checkMetricDefinitions covers them.
 */
export const REQUIRED_SERVER_METRICS: Record<TemporalRole, readonly MetricName[]> = {
  frontend: [SERVER_METRIC_NAMES.serviceRequests, SERVER_METRIC_NAMES.serviceLatency],
  history: [
    SERVER_METRIC_NAMES.serviceRequests,
    SERVER_METRIC_NAMES.serviceLatency,
    SERVER_METRIC_NAMES.persistenceRequests,
    SERVER_METRIC_NAMES.persistenceLatency,
  ],
  matching: [SERVER_METRIC_NAMES.serviceRequests, SERVER_METRIC_NAMES.persistenceRequests],
  worker: [SERVER_METRIC_NAMES.persistenceRequests],
};

/** Metric family names in a Prometheus exposition (`# TYPE <name> <type>` lines). */
export function metricFamilies(exposition: string): Set<string> {
  return new Set([...exposition.matchAll(/^# TYPE (\S+) \S+$/gm)].map((m) => m[1]!));
}

/**
 * Scrapes each role's PROMETHEUS_ENDPOINT (from its task definition) as its collector sidecar does, and fails when
 * a mapped metric a role must expose is missing (a renamed metric would leave its CloudWatch metric and alarm empty).
 */
export async function scrapeServerMetrics(servers: readonly RehearsedContainer[]): Promise<string[]> {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const server of servers) {
    const role = server.name as TemporalRole;
    const endpoint = server.environment.PROMETHEUS_ENDPOINT;
    if (!endpoint) {
      problems.push(`${role}: its task definition sets no PROMETHEUS_ENDPOINT`);
      continue;
    }
    const response = await fetch(`http://${endpoint}/metrics`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) {
      problems.push(`${role}: GET http://${endpoint}/metrics answered ${response.status}`);
      continue;
    }
    const families = metricFamilies(await response.text());
    const required = REQUIRED_SERVER_METRICS[role] ?? [];
    const missing = required.filter((name) => !families.has(name));
    const mapped = Object.values(SERVER_METRIC_NAMES).filter((name) => families.has(name));
    lines.push(
      `${role} (${endpoint}): ${families.size} families; mapped present: ${mapped.join(', ') || 'none'}`,
    );
    if (missing.length > 0) {
      problems.push(
        `${role} exposes no ${missing.join(', ')} (the collector config maps these names to CloudWatch; check infra/constructs/temporal/server-metrics.ts against the server's metric_defs.go)`,
      );
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return lines;
}

/**
 * Every mapped name is defined in the server module the rehearsal built (common/metrics/metric_defs.go), so a name
 * the rehearsal cannot see emitted (an error counter, asyncmatch_latency) is still checked against the source.
 */
export function checkMetricDefinitions(serverModuleDir: string): string {
  const file = path.join(serverModuleDir, 'common', 'metrics', 'metric_defs.go');
  const source = fs.readFileSync(file, 'utf8');
  const missing = Object.values(SERVER_METRIC_NAMES).filter((name) => !source.includes(`"${name}"`));
  if (missing.length > 0) {
    throw new Error(
      `${file} defines no ${missing.join(', ')}: rename them in infra/constructs/temporal/server-metrics.ts (collector mapping, alarms)`,
    );
  }
  return `all ${Object.keys(SERVER_METRIC_NAMES).length} mapped names defined in ${path.relative(path.dirname(serverModuleDir), file)}`;
}
