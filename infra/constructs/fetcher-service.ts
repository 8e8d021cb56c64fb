import { Duration, Stack } from 'aws-cdk-lib';
import { type IVpc } from 'aws-cdk-lib/aws-ec2';
import { type ICluster } from 'aws-cdk-lib/aws-ecs';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { RUNTIME_ENV } from '../../config/runtime-env';
import { fetchTaskQueueFor } from '../../config/task-queues';
import { acknowledge } from '../compliance';
import { appImage, ENTRYPOINTS } from '../image';
import { SUBNETS } from '../stacks/network-stack';
import { type CredentialSecret } from './credential-secret';
import { HardenedFargateService } from './hardened-fargate-service';
import { type TemporalConnection } from './temporal/connection';

/** Outbound ports of the fetcher beside HTTPS (443): http:// URLs. Nothing else (no SMTP, no other port). */
export const FETCHER_EXTRA_EGRESS_PORTS = [80] as const;

/**
 * The fetcher's whole config file (no secret in it): the S3 region and the snapshots' Object Lock retention, which
 * the case worker reads from the app config secret the fetcher may not see, and the production fetch policy.
 */
export function fetcherConfigJson(settings: { region: string; evidenceRetentionDays: number }): string {
  return JSON.stringify({
    s3: { region: settings.region },
    // As the evidence bucket's default retention (compliance mode), so a snapshot is locked like any evidence.
    objectLock: { mode: 'COMPLIANCE', retainDays: settings.evidenceRetentionDays },
    fetch: { allowPrivateNetwork: false, allowTargets: [] },
  });
}

/** Object keys the fetcher may write and read back (a retry finds the first attempt's snapshot). */
export const SNAPSHOT_KEYS = 'cases/*/snapshot/*';

export interface FetcherServiceProps {
  readonly cluster: ICluster;
  readonly vpc: IVpc;
  /** The case workers' task queue; the fetcher polls its fetch queue (`<queue>-fetch`). */
  readonly caseTaskQueue: string;
  readonly evidenceBucket: string;
  /** The evidence bucket's region and default Object Lock retention (days). */
  readonly region: string;
  readonly evidenceRetentionDays: number;
  /** Named only because the fetcher's S3 config carries both names; no permission on it. */
  readonly auditBucket: string;
  readonly temporal: TemporalConnection;
  /** The payload codec's key ring: activity inputs and results are encrypted payloads. */
  readonly codecKeys: CredentialSecret;
  readonly platformKey: IKey;
  readonly dataKey: IKey;
  readonly desiredCount: number;
  readonly logRetentionDays: number;
  readonly stopTimeoutSeconds: number;
}

/**
 * The fetcher (workers/fetcher-main.ts): the only process that fetches reported URLs. Its own task role
 * (snapshots in the evidence bucket, nothing else: no app-config secret with partner tokens or mail
 * credentials, no audit bucket, no metrics), its own security group (HTTPS and HTTP out, Temporal's port to
 * the frontend only), the production fetch policy in plain sight.
 */
export class FetcherService extends Construct {
  readonly service: HardenedFargateService;

  constructor(scope: Construct, id: string, props: FetcherServiceProps) {
    super(scope, id);
    this.service = new HardenedFargateService(this, 'Service', {
      cluster: props.cluster,
      vpc: props.vpc,
      subnets: SUBNETS.fetcher,
      description: 'Saring fetcher: fetches reported URLs only',
      image: appImage(),
      containerName: 'fetcher',
      command: [ENTRYPOINTS.fetcher],
      size: { cpu: 256, memoryMiB: 512 },
      desiredCount: props.desiredCount,
      environment: {
        ...props.temporal.clientEnvironment,
        [RUNTIME_ENV.taskQueue]: fetchTaskQueueFor(props.caseTaskQueue),
        [RUNTIME_ENV.evidenceBucket]: props.evidenceBucket,
        [RUNTIME_ENV.auditBucket]: props.auditBucket,
        [RUNTIME_ENV.shutdownGraceSeconds]: String(Math.max(1, props.stopTimeoutSeconds - 15)),
        [RUNTIME_ENV.appConfigJson]: fetcherConfigJson(props),
      },
      secrets: {
        ...props.temporal.clientSecretsFor('fetcher'),
        [RUNTIME_ENV.codecKeyRing]: props.codecKeys.field('keyRing'),
      },
      extraEgressPorts: [...props.temporal.externalEgressPorts, ...FETCHER_EXTRA_EGRESS_PORTS],
      platformKey: props.platformKey,
      logRetentionDays: props.logRetentionDays,
      readonlyRootFilesystem: true,
      stopTimeout: Duration.seconds(props.stopTimeoutSeconds),
    });
    props.temporal.allowClient(this.service.service);

    const role = this.service.task.taskDefinition.taskRole;
    const stack = Stack.of(this);
    const snapshots = `arn:${stack.partition}:s3:::${props.evidenceBucket}/${SNAPSHOT_KEYS}`;
    // GetObject covers the HEAD a retried capture makes to find the first attempt's snapshot.
    Grant.addToPrincipal({
      grantee: role,
      actions: ['s3:PutObject', 's3:GetObject'],
      resourceArns: [snapshots],
    });
    Grant.addToPrincipal({
      grantee: role,
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resourceArns: [props.dataKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
    });
    acknowledge(role, {
      id: `AwsSolutions-IAM5[Resource::${snapshots}]`,
      reason: 'Snapshot keys carry the case id chosen at run time; the wildcard covers snapshots only.',
    });
  }
}
