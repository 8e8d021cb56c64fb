import { Duration, Stack } from 'aws-cdk-lib';
import {
  ContainerDependencyCondition,
  type ContainerDefinition,
  LinuxParameters,
  LogDrivers,
} from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { type LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance';
import { collectorConfig, type MetricDeclaration } from './collector-config';
import { type PinnedImage } from './images/pinned-images';
import { cachedImage } from './images/pull-through-cache';
import { encryptedLogGroup } from './encrypted-log-group';
import { type HardenedTask, NON_ROOT_USER } from './hardened-fargate-service';

/** AWS Distro for OpenTelemetry collector from ECR Public, through the pull-through cache (digest: images/pinned-images.ts). */
export const COLLECTOR_IMAGE: PinnedImage = {
  prefix: 'ecr-public',
  repository: 'aws-observability/aws-otel-collector',
  tag: 'v0.49.0',
};

/** CloudWatch namespace of the Temporal SDK metrics the collector scrapes from the workers. */
export const SDK_METRICS_NAMESPACE = 'Saring/TemporalSdk';

export interface TelemetrySidecarProps {
  readonly task: HardenedTask;
  readonly platformKey: IKey;
  readonly logRetentionDays: number;
  /** Scrape the app container's Prometheus endpoint on this port (the workers); omitted: traces only. */
  readonly prometheusPort?: number;
  /** Scrape job and EMF log stream name. */
  readonly jobName: string;
  /** Receive the app's spans and send them to X-Ray (default true); Temporal's servers send none. */
  readonly traces?: boolean;
  /** CloudWatch namespace of the scraped metrics (default: the Temporal SDK's). */
  readonly metricsNamespace?: string;
  readonly metricDeclarations?: readonly MetricDeclaration[];
  /** Labels added to every scraped series (e.g. temporal_role), usable as CloudWatch dimensions. */
  readonly scrapeLabels?: Record<string, string>;
}

/**
 * An ADOT collector beside the app container in the same task: it receives the app's spans over OTLP/HTTP on
 * localhost and sends them to X-Ray, and (workers) scrapes the Temporal SDK's Prometheus endpoint on localhost
 * and writes it to CloudWatch as embedded metric format. Not essential: telemetry never stops case work.
 */
export class TelemetrySidecar extends Construct {
  readonly container: ContainerDefinition;
  readonly metricsLogGroup?: LogGroup;

  constructor(scope: Construct, id: string, props: TelemetrySidecarProps) {
    super(scope, id);
    const { task } = props;
    const taskRole = task.taskDefinition.taskRole;
    const region = Stack.of(this).region;

    if (props.prometheusPort !== undefined) {
      this.metricsLogGroup = encryptedLogGroup(this, 'SdkMetrics', {
        encryptionKey: props.platformKey,
        retentionDays: props.logRetentionDays,
      });
      this.metricsLogGroup.grantWrite(taskRole);
    }
    const traces = props.traces ?? true;
    const config = collectorConfig({
      region,
      traces,
      ...(this.metricsLogGroup && props.prometheusPort !== undefined
        ? {
            prometheus: {
              jobName: props.jobName,
              port: props.prometheusPort,
              scrapeIntervalSeconds: 60,
              namespace: props.metricsNamespace ?? SDK_METRICS_NAMESPACE,
              logGroupName: this.metricsLogGroup.logGroupName,
              metricDeclarations: props.metricDeclarations,
              labels: props.scrapeLabels,
            },
          }
        : {}),
    });

    this.container = task.taskDefinition.addContainer('otel-collector', {
      image: cachedImage(this, 'CollectorImage', COLLECTOR_IMAGE),
      essential: false,
      environment: { AOT_CONFIG_CONTENT: Stack.of(this).toJsonString(config) },
      user: NON_ROOT_USER,
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters: new LinuxParameters(this, 'LinuxParameters', { initProcessEnabled: true }),
      memoryReservationMiB: 128,
      logging: LogDrivers.awsLogs({ logGroup: task.logGroup, streamPrefix: 'otel-collector' }),
      healthCheck: {
        command: ['CMD', '/healthcheck'],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(15),
      },
    });
    // The collector starts first, so the app's first spans and the first scrape find it listening.
    task.container.addContainerDependencies({
      container: this.container,
      condition: ContainerDependencyCondition.START,
    });

    if (!traces) return;
    taskRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['xray:PutTraceSegments'], resources: ['*'] }),
    );
    acknowledge(taskRole, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments supports no resource ARNs; the collector sidecar sends the task’s spans with it.',
    });
  }
}
