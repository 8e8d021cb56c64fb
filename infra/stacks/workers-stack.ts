import { type CredentialSecret } from '../constructs/credential-secret';
import { Duration } from 'aws-cdk-lib';
import { AdjustmentType } from 'aws-cdk-lib/aws-applicationautoscaling';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Cluster, ContainerInsights } from 'aws-cdk-lib/aws-ecs';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { AUDIT_ENV } from '../../config/audit-env';
import { type Construct } from 'constructs';
import { FetcherService } from '../constructs/fetcher-service';
import { CloudSearchAttributes } from '../constructs/temporal/cloud-search-attributes';
import { HardenedFargateService, httpHealthCheck } from '../constructs/hardened-fargate-service';
import { grantMetricPublishing } from '../constructs/metric-publishing';
import { grantObjectAccess, grantVaultErasure } from '../constructs/object-access';
import { type TemporalConnection } from '../constructs/temporal/connection';
import { appImage, ENTRYPOINTS } from '../image';
import { METRIC, METRIC_DIMENSION, METRICS_NAMESPACE } from '../../config/metrics';
import { RUNTIME_ENV } from '../../config/runtime-env';
import { SIDECAR_OTLP_TRACES_URL, WORKER_PROMETHEUS_PORT } from '../../config/telemetry';
import { TelemetrySidecar } from '../constructs/telemetry-sidecar';
import { names } from '../naming';
import { SaringStack, type SaringStackProps } from './saring-stack';
import { SUBNETS } from './network-stack';

export interface WorkersStackProps extends SaringStackProps {
  readonly vpc: IVpc;
  readonly platformKey: IKey;
  readonly dataKey: IKey;
  /** Signs the audit ledger's heads (kms:Sign, kms:GetPublicKey). */
  readonly ledgerKey: IKey;
  readonly temporal: TemporalConnection;
  /** Channel and notification config JSON, handed to the container as SARING_CONFIG_JSON. */
  readonly appConfig: CredentialSecret;
  /** The payload codec's key ring, as SARING_CODEC_KEY_RING. */
  readonly codecKeys: CredentialSecret;
  /** Temporal Cloud mode: the Cloud Ops API key that registers the search attributes before the workers start. */
  readonly temporalCloudOps?: CredentialSecret;
}

/** Outbound TCP ports the worker needs beyond HTTPS: http:// snapshots (80), SMTP (25, 465, 587). */
export const WORKER_EXTRA_EGRESS_PORTS = [80, 25, 465, 587] as const;

/** Time the worker keeps for itself between SIGTERM's grace budget and the hard SIGKILL. */
const SHUTDOWN_MARGIN_SECONDS = 15;

/** Backlog per task queue as the workers publish it; the scaling policy and the backlog alarm share it. */
export function backlogMetric(taskQueue: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: METRIC.taskQueueBacklog,
    dimensionsMap: { [METRIC_DIMENSION.taskQueue]: taskQueue },
    statistic: 'Maximum',
    period: Duration.minutes(1),
  });
}

/**
 * Temporal workers: a Fargate service running this repository's image (workers/main.ts), scaled on the task
 * queue backlog the workers publish, drained gracefully on SIGTERM before each stop.
 */
export class WorkersStack extends SaringStack {
  readonly worker: HardenedFargateService;
  readonly fetcher: FetcherService;
  /** Temporal Cloud mode only: the deploy-time search attribute registration. */
  readonly searchAttributes?: CloudSearchAttributes;

  constructor(scope: Construct, props: WorkersStackProps) {
    super(scope, 'Workers', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const evidenceBucket = names.bucket(this.config, 'evidence');
    const auditBucket = names.bucket(this.config, 'audit');
    const vaultBucket = names.bucket(this.config, 'vault');
    const { config } = this;
    const w = config.workers;

    const clusterName = names.cluster(config, 'workers');
    const cluster = new Cluster(this, 'Cluster', {
      vpc: props.vpc,
      clusterName,
      containerInsightsV2: ContainerInsights.ENABLED,
    });

    this.worker = new HardenedFargateService(this, 'Worker', {
      cluster,
      vpc: props.vpc,
      subnets: SUBNETS.app,
      description: 'Saring Temporal workers',
      image: appImage(),
      containerName: 'worker',
      command: [ENTRYPOINTS.worker],
      size: w,
      environment: {
        // NODE_ENV comes from the image; only what the worker reads is set here (test/infra/runtime-env-contract).
        ...props.temporal.clientEnvironment,
        [RUNTIME_ENV.taskQueue]: w.taskQueue,
        [RUNTIME_ENV.evidenceBucket]: evidenceBucket,
        [RUNTIME_ENV.auditBucket]: auditBucket,
        // For the scheduled contact erasure only: it lists and deletes vault records, never reads one.
        [RUNTIME_ENV.vaultBucket]: vaultBucket,
        [AUDIT_ENV.ledgerKmsKeyId]: props.ledgerKey.keyArn,
        // The archive keeps histories as long as the audit bucket keeps its records (Object Lock).
        [AUDIT_ENV.retentionDays]: String(config.data.auditRetentionDays),
        [RUNTIME_ENV.metricsNamespace]: METRICS_NAMESPACE,
        [RUNTIME_ENV.shutdownGraceSeconds]: String(w.stopTimeoutSeconds - SHUTDOWN_MARGIN_SECONDS),
        // The Temporal SDK's metrics for the collector sidecar to scrape; no security group rule opens the port.
        [RUNTIME_ENV.prometheusBind]: `0.0.0.0:${WORKER_PROMETHEUS_PORT}`,
        [RUNTIME_ENV.otel]: SIDECAR_OTLP_TRACES_URL,
      },
      containerPorts: [WORKER_PROMETHEUS_PORT],
      secrets: {
        ...props.temporal.clientSecretsFor('worker'),
        [RUNTIME_ENV.appConfigJson]: props.appConfig.field('json'),
        [RUNTIME_ENV.codecKeyRing]: props.codecKeys.field('keyRing'),
      },
      // Notification e-mail (SMTP submission, SMTPS, relay) and snapshots of http:// URLs, beside HTTPS.
      extraEgressPorts: [...props.temporal.externalEgressPorts, ...WORKER_EXTRA_EGRESS_PORTS],
      healthCheck: httpHealthCheck(WORKER_PROMETHEUS_PORT, '/metrics'),
      platformKey,
      logRetentionDays: config.observability.logRetentionDays,
      readonlyRootFilesystem: true,
      // ECS sends SIGTERM, waits this long for in-flight activities to finish, then SIGKILLs.
      stopTimeout: Duration.seconds(w.stopTimeoutSeconds),
      minHealthyPercent: 100,
    });
    props.temporal.allowClient(this.worker.service);
    new TelemetrySidecar(this, 'Telemetry', {
      task: this.worker.task,
      platformKey,
      logRetentionDays: config.observability.logRetentionDays,
      prometheusPort: WORKER_PROMETHEUS_PORT,
      jobName: 'saring-worker',
    });

    const taskRole = this.worker.task.taskDefinition.taskRole;
    grantObjectAccess(taskRole, evidenceBucket, props.dataKey, { read: true, write: true });
    // Read too: the archive sweep checks for manifests and follows the ledger chain.
    grantObjectAccess(taskRole, auditBucket, props.dataKey, { read: true, write: true });
    Grant.addToPrincipal({
      grantee: taskRole,
      actions: ['kms:Sign', 'kms:GetPublicKey'],
      resourceArns: [props.ledgerKey.keyArn],
    });
    grantVaultErasure(taskRole, vaultBucket);
    grantMetricPublishing(taskRole, this.worker.task.taskDefinition);

    this.fetcher = new FetcherService(this, 'Fetcher', {
      cluster,
      vpc: props.vpc,
      caseTaskQueue: w.taskQueue,
      evidenceBucket,
      region: config.region,
      evidenceRetentionDays: config.data.evidenceRetentionDays,
      auditBucket,
      temporal: props.temporal,
      codecKeys: props.codecKeys,
      platformKey,
      dataKey: props.dataKey,
      desiredCount: w.minTasks,
      logRetentionDays: config.observability.logRetentionDays,
      stopTimeoutSeconds: w.stopTimeoutSeconds,
    });

    // Temporal Cloud: the first upsert of every case fails its workflow task while the namespace lacks the case
    // search attributes, so the workers and the fetcher start only after the registration task succeeded.
    // (Self-hosted: the Temporal stack's namespace task registers them, and this stack deploys after it.)
    if (props.temporal.mode === 'cloud') {
      if (!props.temporalCloudOps) {
        throw new Error(
          'Temporal Cloud mode needs the Cloud Ops API key secret (Secrets stack temporalCloudOps)',
        );
      }
      this.searchAttributes = new CloudSearchAttributes(this, 'CloudSearchAttributes', {
        envName: config.name,
        cluster,
        clusterName,
        vpc: props.vpc,
        namespace: props.temporal.namespace,
        opsApiKey: props.temporalCloudOps,
        platformKey,
        logRetentionDays: config.observability.logRetentionDays,
      });
      this.worker.service.node.addDependency(this.searchAttributes.run);
      this.fetcher.service.service.node.addDependency(this.searchAttributes.run);
    }

    const scaling = this.worker.service.autoScaleTaskCount({
      minCapacity: w.minTasks,
      maxCapacity: w.maxTasks,
    });
    scaling.scaleOnMetric('BacklogScaling', {
      metric: backlogMetric(w.taskQueue),
      adjustmentType: AdjustmentType.CHANGE_IN_CAPACITY,
      scalingSteps: [
        { upper: w.scaleInBacklog, change: -1 },
        { lower: w.scaleOutBacklog, change: +1 },
        { lower: w.scaleOutBacklog * 4, change: +3 },
      ],
      evaluationPeriods: 2,
      cooldown: Duration.minutes(3),
    });
  }
}
