import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import {
  type ApplicationLoadBalancer,
  type ApplicationTargetGroup,
  HttpCodeElb,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { type EnvironmentConfig } from '../../config/schema';
import { names } from '../../naming';
import { SDK_METRICS_NAMESPACE } from '../telemetry-sidecar';
import { SERVER_METRIC_NAMES, serverMetric, type TemporalRole } from '../temporal/server-metrics';

/** Alarm names (after `saring-<env>-`), stable for runbooks and mail filters. */
export const ESTATE_ALARMS = {
  temporalServiceErrors: (role: TemporalRole) => `Temporal-${role}-ServiceErrors`,
  temporalPersistenceErrors: 'Temporal-PersistenceErrors',
  temporalPersistenceLatency: 'Temporal-PersistenceLatency',
  workflowTaskScheduleToStart: 'WorkflowTaskScheduleToStart',
  workflowTaskFailures: 'WorkflowTaskFailures',
  auroraCpu: 'Aurora-Cpu',
  auroraFreeableMemory: 'Aurora-FreeableMemory',
  auroraConnections: 'Aurora-Connections',
  loadBalancer5xx: 'LoadBalancer5xx',
  apiUnhealthyHosts: 'ApiUnhealthyHosts',
} as const;

/** Connections one server task may open: the image's default pools (SQL_MAX_CONNS 20 + SQL_VIS_MAX_CONNS 10). */
const CONNECTIONS_PER_SERVER_TASK = 30;
/** Schema and namespace tasks, an engineer's admin task. */
const ADMIN_CONNECTIONS = 10;

export interface EstateAlarmsProps {
  readonly config: EnvironmentConfig;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly apiTargetGroup: ApplicationTargetGroup;
  readonly action: IAlarmAction;
}

interface Spec {
  readonly name: string;
  readonly metric: IMetric;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly comparison: ComparisonOperator;
  readonly description: string;
}

/**
 * Alarms on the estate under the application: Temporal's servers (self-hosted: service and persistence errors,
 * persistence latency), workflow tasks waiting for a worker or failing again and again (either mode, from the SDK
 * metrics), Aurora (CPU, memory, connections) and the load balancer's own 5xx and unhealthy API targets. All page
 * the alarm topic.
 */
export class EstateAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: EstateAlarmsProps) {
    super(scope, id);
    const { config } = props;
    const prefix = `saring-${config.name}`;
    const above = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    const specs: Spec[] = [
      {
        name: ESTATE_ALARMS.workflowTaskScheduleToStart,
        metric: new Metric({
          namespace: SDK_METRICS_NAMESPACE,
          metricName: 'temporal_workflow_task_schedule_to_start_latency',
          dimensionsMap: { task_queue: config.workers.taskQueue },
          statistic: 'Average',
          period: Duration.minutes(5),
        }),
        // The SDK reports durations in milliseconds.
        threshold: 5000,
        evaluationPeriods: 3,
        comparison: above,
        description: `Workflow tasks on ${config.workers.taskQueue} waited 5 s or more on average for 15 minutes: workers are saturated or Temporal's matching is slow.`,
      },
      {
        name: ESTATE_ALARMS.workflowTaskFailures,
        metric: new Metric({
          namespace: SDK_METRICS_NAMESPACE,
          metricName: 'temporal_workflow_task_execution_failed',
          dimensionsMap: { task_queue: config.workers.taskQueue },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        // A task that fails is retried; one that keeps failing for 15 minutes holds its case still.
        threshold: 3,
        evaluationPeriods: 3,
        comparison: above,
        description: `Workflow tasks on ${config.workers.taskQueue} failed 3 or more times in each of 3 periods of 5 minutes: a case cannot replay (nondeterminism error TMPRL1100, or a bug in workflow code). Find its run_id in the worker log and follow docs/platform-engineers.md, "A case stuck on a failing workflow task".`,
      },
      {
        name: ESTATE_ALARMS.loadBalancer5xx,
        metric: props.loadBalancer.metrics.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, {
          period: Duration.minutes(5),
          statistic: 'Sum',
        }),
        threshold: 10,
        evaluationPeriods: 1,
        comparison: above,
        description:
          'The load balancer itself answered 10 or more 5xx in 5 minutes (no healthy target, target timeouts, connection errors).',
      },
      {
        name: ESTATE_ALARMS.apiUnhealthyHosts,
        metric: props.apiTargetGroup.metrics.unhealthyHostCount({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 3,
        comparison: above,
        description: 'An API task failed the load balancer health check (/healthz) for 3 minutes.',
      },
    ];

    const temporal = config.temporal;
    if (temporal.mode === 'self-hosted') {
      for (const role of ['frontend', 'history', 'matching', 'worker'] as const) {
        specs.push({
          name: ESTATE_ALARMS.temporalServiceErrors(role),
          metric: serverMetric(SERVER_METRIC_NAMES.serviceErrors, role, 'Sum'),
          threshold: 20,
          evaluationPeriods: 1,
          comparison: above,
          description: `Temporal ${role} answered 20 or more requests with an unexpected error in 5 minutes. Read its log group.`,
        });
      }
      specs.push(
        {
          name: ESTATE_ALARMS.temporalPersistenceErrors,
          metric: serverMetric(SERVER_METRIC_NAMES.persistenceErrors, 'history', 'Sum'),
          threshold: 10,
          evaluationPeriods: 1,
          comparison: above,
          description: 'Temporal history failed 10 or more database calls in 5 minutes: check Aurora.',
        },
        {
          name: ESTATE_ALARMS.temporalPersistenceLatency,
          metric: serverMetric(SERVER_METRIC_NAMES.persistenceLatency, 'history', 'Average'),
          // Timers are in seconds.
          threshold: 0.5,
          evaluationPeriods: 3,
          comparison: above,
          description:
            "Temporal history's database calls took 500 ms or more on average for 15 minutes: Aurora is saturated (see its ACU and CPU).",
        },
      );

      const cluster = { DBClusterIdentifier: names.cluster(config, 'temporal') };
      const rds = (metricName: string, statistic: string) =>
        new Metric({
          namespace: 'AWS/RDS',
          metricName,
          dimensionsMap: cluster,
          statistic,
          period: Duration.minutes(5),
        });
      const serverTasks = (['frontend', 'history', 'matching', 'worker'] as const).reduce(
        (n, role) => n + temporal[role].desiredCount,
        0,
      );
      const connectionCeiling = serverTasks * CONNECTIONS_PER_SERVER_TASK + ADMIN_CONNECTIONS;
      specs.push(
        {
          name: ESTATE_ALARMS.auroraCpu,
          metric: rds('CPUUtilization', 'Average'),
          threshold: 80,
          evaluationPeriods: 3,
          comparison: above,
          description: `Temporal's Aurora used 80% CPU or more for 15 minutes, at up to ${temporal.database.maxCapacityAcu} ACU: raise maxCapacityAcu.`,
        },
        {
          name: ESTATE_ALARMS.auroraFreeableMemory,
          metric: rds('FreeableMemory', 'Minimum'),
          threshold: 256 * 1024 * 1024,
          evaluationPeriods: 3,
          comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
          description: "Temporal's Aurora had under 256 MiB freeable memory for 15 minutes.",
        },
        {
          name: ESTATE_ALARMS.auroraConnections,
          metric: rds('DatabaseConnections', 'Maximum'),
          threshold: connectionCeiling,
          evaluationPeriods: 2,
          comparison: above,
          description: `Aurora held ${connectionCeiling} or more connections, the most Temporal's pools (${serverTasks} server tasks × ${CONNECTIONS_PER_SERVER_TASK}) and admin tasks should open: a leak or an unexpected client.`,
        },
      );
    }

    for (const spec of specs) {
      const alarm = new Alarm(this, spec.name, {
        alarmName: `${prefix}-${spec.name}`,
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods,
        comparisonOperator: spec.comparison,
        // No data: no traffic or no errors reported; the workers-down alarm covers silence of the workers.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(props.action);
      alarm.addOkAction(props.action);
      this.alarms.push(alarm);
    }
  }
}
