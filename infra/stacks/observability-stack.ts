import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type FargateService } from 'aws-cdk-lib/aws-ecs';
import {
  type ApplicationLoadBalancer,
  type ApplicationTargetGroup,
  HttpCodeTarget,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../config/metrics';
import { EstateAlarms } from '../constructs/observability/estate-alarms';
import { SaringStack, type SaringStackProps } from './saring-stack';
import { backlogMetric } from './workers-stack';

export interface ObservabilityStackProps extends SaringStackProps {
  readonly platformKey: IKey;
  readonly workerService: FargateService;
  readonly apiService: FargateService;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly apiTargetGroup: ApplicationTargetGroup;
}

/** Alarm names, stable so runbooks and the rapid response unit's mail filters can refer to them. */
export const ALARMS = {
  slaBreach: 'SlaBreach',
  workerErrors: 'WorkerErrors',
  backlog: 'TaskQueueBacklog',
  workersDown: 'WorkersDown',
  api5xx: 'Api5xx',
} as const;

function sum(metricName: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    statistic: 'Sum',
    period: Duration.minutes(5),
  });
}

interface AlarmSpec {
  readonly metric: IMetric;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly description: string;
  readonly treatMissingData: TreatMissingData;
  readonly comparison?: ComparisonOperator;
}

/**
 * What the rapid response unit watches: a dashboard, and alarms (SLA breaches, worker errors, backlog,
 * workers down, API errors) that page them through an encrypted SNS topic.
 */
export class ObservabilityStack extends SaringStack {
  readonly topic: Topic;
  readonly alarms: Record<keyof typeof ALARMS, Alarm>;
  /** Temporal servers, Aurora, the load balancer (issue 11, defect 9). */
  readonly estateAlarms: EstateAlarms;

  constructor(scope: Construct, props: ObservabilityStackProps) {
    super(scope, 'Observability', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const { config } = this;
    const o = config.observability;
    const prefix = `saring-${config.name}`;

    this.topic = new Topic(this, 'RapidResponse', {
      topicName: `${prefix}-rapid-response`,
      displayName: `Saring ${config.name}: rapid response unit`,
      masterKey: platformKey,
      enforceSSL: true,
    });
    for (const email of o.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));

    // Alarm metrics carry no labels: a label would turn the alarm into a metric-math alarm.
    // Per-event samples (one per breach), summed per period: every breach alarms, not only the first.
    const slaBreaches = sum(METRIC.slaBreached);
    const workerErrors = sum(METRIC.workerErrors);
    const backlog = backlogMetric(config.workers.taskQueue).with({ period: Duration.minutes(5) });
    const runningWorkers = new Metric({
      namespace: 'ECS/ContainerInsights',
      metricName: 'RunningTaskCount',
      dimensionsMap: {
        ClusterName: props.workerService.cluster.clusterName,
        ServiceName: props.workerService.serviceName,
      },
      statistic: 'Minimum',
      period: Duration.minutes(1),
    });
    const api5xx = props.apiTargetGroup.metrics.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, {
      period: Duration.minutes(5),
      statistic: 'Sum',
    });

    const specs: Record<keyof typeof ALARMS, AlarmSpec> = {
      slaBreach: {
        metric: slaBreaches,
        threshold: o.slaBreachThreshold,
        evaluationPeriods: 1,
        description:
          'A case deadline passed unmet (verification, takedown, police acknowledgment). Open the case list sorted by SLA breach.',
        treatMissingData: TreatMissingData.NOT_BREACHING,
      },
      workerErrors: {
        metric: workerErrors,
        threshold: o.workerErrorThreshold,
        evaluationPeriods: 1,
        description: 'Workers are failing activities or workflow tasks. Read the worker log group.',
        treatMissingData: TreatMissingData.NOT_BREACHING,
      },
      backlog: {
        metric: backlog,
        threshold: o.backlogAlarmThreshold,
        evaluationPeriods: 3,
        description: `More than ${o.backlogAlarmThreshold} tasks waited on ${config.workers.taskQueue} for 15 minutes: workers are not keeping up even after scaling.`,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      },
      workersDown: {
        metric: runningWorkers,
        threshold: 1,
        evaluationPeriods: 3,
        description: 'No worker task has been running for 3 minutes: cases are not progressing.',
        // No data from Container Insights means no task reports in: that is the outage itself.
        treatMissingData: TreatMissingData.BREACHING,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      },
      api5xx: {
        metric: api5xx,
        threshold: 10,
        evaluationPeriods: 1,
        description: 'The API returned 10 or more server errors in 5 minutes.',
        treatMissingData: TreatMissingData.NOT_BREACHING,
      },
    };
    const action = new SnsAction(this.topic);
    const alarms: Partial<Record<keyof typeof ALARMS, Alarm>> = {};
    for (const [id, spec] of Object.entries(specs) as [keyof typeof ALARMS, AlarmSpec][]) {
      const alarm = new Alarm(this, `${ALARMS[id]}Alarm`, {
        alarmName: `${prefix}-${ALARMS[id]}`,
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods,
        comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: spec.treatMissingData,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      alarms[id] = alarm;
    }
    this.alarms = alarms as Record<keyof typeof ALARMS, Alarm>;
    this.estateAlarms = new EstateAlarms(this, 'Estate', {
      config,
      loadBalancer: props.loadBalancer,
      apiTargetGroup: props.apiTargetGroup,
      action,
    });

    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${prefix}-operations`,
      defaultInterval: Duration.hours(24),
    });
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# Saring ${config.name}\nAlarms page the rapid response unit through SNS \`${prefix}-rapid-response\`. Application metrics: namespace \`${METRICS_NAMESPACE}\`.`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'SLA breaches (5 min)',
        metrics: [slaBreaches.with({ label: 'SLA breaches' })],
        width: 6,
      }),
      new GraphWidget({
        title: 'SLA breaches',
        left: [slaBreaches.with({ label: 'SLA breaches' })],
        width: 9,
      }),
      new GraphWidget({
        title: 'Worker errors',
        left: [workerErrors.with({ label: 'Worker errors' })],
        width: 9,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: `Backlog: ${config.workers.taskQueue}`,
        left: [backlog.with({ label: 'Backlog (max)' })],
        right: [runningWorkers.with({ label: 'Running workers' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Worker CPU / memory %',
        left: [props.workerService.metricCpuUtilization(), props.workerService.metricMemoryUtilization()],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and 5xx',
        left: [props.loadBalancer.metrics.requestCount()],
        right: [api5xx.with({ label: 'API 5xx' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (p95)',
        left: [props.apiTargetGroup.metrics.targetResponseTime({ statistic: 'p95' })],
        width: 12,
      }),
    );
  }
}
