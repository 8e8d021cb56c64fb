import { type CustomResource } from 'aws-cdk-lib';
import { type IVpc, Peer, Port, SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { type ICluster } from 'aws-cdk-lib/aws-ecs';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { CLOUD_OPS_DEFAULT_URL, CLOUD_OPS_ENV } from '../../../config/temporal-cloud-ops';
import { appImage, ENTRYPOINTS } from '../../image';
import { SUBNETS } from '../../stacks/network-stack';
import { type CredentialSecret } from '../credential-secret';
import { HardenedTask } from '../hardened-fargate-service';
import { DeployTimeTasks } from './deploy-time-tasks';

/** Field of the Cloud Ops API key secret (Secrets stack, Temporal Cloud mode). */
export const CLOUD_OPS_SECRET_FIELD = 'apiKey';

export interface CloudSearchAttributesProps {
  readonly envName: string;
  readonly cluster: ICluster;
  readonly clusterName: string;
  readonly vpc: IVpc;
  /** The Temporal Cloud namespace id (<name>.<account>). */
  readonly namespace: string;
  /** An API key of a service account with Namespace Admin on this namespace only (not the workers' credential). */
  readonly opsApiKey: CredentialSecret;
  readonly platformKey: IKey;
  readonly logRetentionDays: number;
}

/**
 * Temporal Cloud mode: a one-off task (this repository's image, workers/register-cloud-search-attributes-main.ts)
 * that registers the case search attributes on the namespace through the Cloud Ops API, run at every deployment
 * that changes it, before the workers start (the `run` resource; whatever depends on it waits for its success).
 */
export class CloudSearchAttributes extends Construct {
  readonly run: CustomResource;
  readonly task: HardenedTask;

  constructor(scope: Construct, id: string, props: CloudSearchAttributesProps) {
    super(scope, id);
    this.task = new HardenedTask(this, 'Task', {
      image: appImage(),
      containerName: 'register-search-attributes',
      family: `saring-${props.envName}-temporal-cloud-search-attributes`,
      command: [ENTRYPOINTS.registerCloudSearchAttributes],
      size: { cpu: 256, memoryMiB: 512 },
      environment: {
        [CLOUD_OPS_ENV.url]: CLOUD_OPS_DEFAULT_URL,
        [CLOUD_OPS_ENV.namespace]: props.namespace,
      },
      secrets: { [CLOUD_OPS_ENV.apiKey]: props.opsApiKey.field(CLOUD_OPS_SECRET_FIELD) },
      platformKey: props.platformKey,
      logRetentionDays: props.logRetentionDays,
      readonlyRootFilesystem: true,
    });
    const securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Temporal Cloud search attribute registration (Cloud Ops API over HTTPS only)',
      allowAllOutbound: false,
    });
    securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to the Cloud Ops API and AWS APIs');
    const runner = new DeployTimeTasks(this, 'Runner', {
      cluster: props.cluster,
      clusterName: props.clusterName,
      vpc: props.vpc,
      subnets: SUBNETS.app,
      logKey: props.platformKey,
      logRetentionDays: props.logRetentionDays,
    });
    this.run = runner.run('Run', this.task.taskDefinition, securityGroup);
  }
}
