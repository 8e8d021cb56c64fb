import { Duration as CdkDuration, type Duration, Stack } from 'aws-cdk-lib';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IVpc, Peer, Port, SecurityGroup, type SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import {
  AssetImage,
  type CloudMapOptions,
  type ContainerDefinition,
  type ContainerImage,
  CpuArchitecture,
  FargatePlatformVersion,
  FargateService,
  FargateTaskDefinition,
  type HealthCheck,
  type ICluster,
  LinuxParameters,
  LogDrivers,
  OperatingSystemFamily,
  PropagatedTagSource,
  type Secret,
} from 'aws-cdk-lib/aws-ecs';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { type LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, skipCheckov } from '../compliance';
import { encryptedLogGroup } from './encrypted-log-group';

/** Every image Saring runs declares uid 1000 (node, temporal); the task pins it so a changed image cannot run as root. */
export const NON_ROOT_USER = '1000:1000';

export interface FargateSizeProps {
  readonly cpu: number;
  readonly memoryMiB: number;
}

export interface HardenedTaskProps {
  readonly image: ContainerImage;
  readonly containerName: string;
  /** Task definition family; set it where engineers refer to the task by name (run-task). */
  readonly family?: string;
  /**
   * A fixed name for the task role, for a key policy in another stack that must name this role without a
   * cross-stack reference (infra/naming.ts); a generated name when absent.
   */
  readonly taskRoleName?: string;
  readonly size: FargateSizeProps;
  /**
   * Replaces the image's ENTRYPOINT. Give it whenever `command` is a whole process line: ECS appends `command` to
   * the image's ENTRYPOINT otherwise (admin-tools: `tini -- sleep infinity`).
   */
  readonly entryPoint?: string[];
  readonly command?: string[];
  readonly environment?: Record<string, string>;
  /** Injected by ECS from Secrets Manager at start; never written into the task definition. */
  readonly secrets?: Record<string, Secret>;
  readonly containerPorts?: number[];
  /** Encrypts the log group and the Secrets Manager secrets this task reads. */
  readonly platformKey: IKey;
  readonly logRetentionDays: number;
  /**
   * Read-only root filesystem with a writable /tmp. Images that render their own config at start
   * (temporalio/server and temporalio/ui write it under /etc/temporal) must pass false with the reason.
   */
  readonly readonlyRootFilesystem: true | { readonly writableBecause: string };
  /** Time between SIGTERM and SIGKILL (Fargate maximum 120 s). */
  readonly stopTimeout?: Duration;
  /** Container health check; ECS replaces a task whose check keeps failing. */
  readonly healthCheck?: HealthCheck;
}

/** An HTTP GET on the container's own port with the image's Node (no curl in node:*-slim); 2xx is healthy. */
export function httpHealthCheck(port: number, path: string): HealthCheck {
  const script = `fetch('http://127.0.0.1:${port}${path}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  return {
    command: ['CMD', 'node', '-e', script],
    interval: CdkDuration.seconds(30),
    timeout: CdkDuration.seconds(5),
    retries: 3,
    startPeriod: CdkDuration.seconds(60),
  };
}

/** A Fargate task definition with the hardening every Saring container gets. */
export class HardenedTask extends Construct {
  readonly taskDefinition: FargateTaskDefinition;
  readonly container: ContainerDefinition;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HardenedTaskProps) {
    super(scope, id);
    this.logGroup = encryptedLogGroup(this, 'Logs', {
      encryptionKey: props.platformKey,
      retentionDays: props.logRetentionDays,
    });

    this.taskDefinition = new FargateTaskDefinition(this, 'TaskDefinition', {
      family: props.family,
      ...(props.taskRoleName
        ? {
            taskRole: new Role(this, 'TaskRole', {
              roleName: props.taskRoleName,
              assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com'),
            }),
          }
        : {}),
      cpu: props.size.cpu,
      memoryLimitMiB: props.size.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.X86_64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });

    const readonlyRoot = props.readonlyRootFilesystem === true;
    this.container = this.taskDefinition.addContainer(props.containerName, {
      image: props.image,
      entryPoint: props.entryPoint,
      command: props.command,
      environment: props.environment,
      secrets: props.secrets,
      user: NON_ROOT_USER,
      readonlyRootFilesystem: readonlyRoot,
      privileged: false,
      // tini as PID 1: forwards SIGTERM to the process and reaps zombies.
      linuxParameters: new LinuxParameters(this, 'LinuxParameters', { initProcessEnabled: true }),
      stopTimeout: props.stopTimeout,
      healthCheck: props.healthCheck,
      logging: LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: props.containerName }),
      portMappings: (props.containerPorts ?? []).map((containerPort) => ({ containerPort })),
    });
    if (readonlyRoot) {
      this.taskDefinition.addVolume({ name: 'tmp' });
      this.container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false });
    } else {
      skipCheckov(this.taskDefinition, {
        id: 'CKV_AWS_336',
        reason: props.readonlyRootFilesystem.writableBecause,
      });
    }

    if (props.image instanceof AssetImage) {
      acknowledge(this.taskDefinition, {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken (pulling the image asset) supports no resource ARN; the pull actions themselves are scoped to the asset repository.',
      });
    }

    if (props.secrets && Object.keys(props.secrets).length > 0) {
      // ECS grants GetSecretValue per secret; decrypting needs the platform key, and only through Secrets Manager.
      Grant.addToPrincipal({
        grantee: this.taskDefinition.obtainExecutionRole(),
        actions: ['kms:Decrypt'],
        resourceArns: [props.platformKey.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
        },
      });
    }

    if (props.environment && Object.keys(props.environment).length > 0) {
      acknowledge(this.taskDefinition, {
        id: 'AwsSolutions-ECS2',
        reason:
          'Environment holds only non-secret settings (addresses, names, sizes); secrets come from Secrets Manager.',
      });
    }
  }
}

export interface HardenedFargateServiceProps extends HardenedTaskProps {
  readonly cluster: ICluster;
  readonly vpc: IVpc;
  readonly subnets: SubnetSelection;
  /** Omit when auto scaling owns the count, so deployments do not reset it. */
  readonly desiredCount?: number;
  readonly description: string;
  /** Shared group (e.g. all Temporal server roles); the caller owns its rules. Default: a group of its own. */
  readonly securityGroup?: SecurityGroup;
  /** Extra egress beyond HTTPS (443), e.g. Temporal Cloud's 7233. Connections to other SGs add their own rules. */
  readonly extraEgressPorts?: number[];
  readonly cloudMapOptions?: CloudMapOptions;
  readonly minHealthyPercent?: number;
}

/** A Fargate service on a hardened task: private subnets, own security group, HTTPS-only egress, rollback on failure. */
export class HardenedFargateService extends Construct {
  readonly task: HardenedTask;
  readonly service: FargateService;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: HardenedFargateServiceProps) {
    super(scope, id);
    this.task = new HardenedTask(this, 'Task', props);

    if (props.securityGroup) {
      this.securityGroup = props.securityGroup;
    } else {
      this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
        vpc: props.vpc,
        description: props.description,
        allowAllOutbound: false,
      });
      this.securityGroup.addEgressRule(
        Peer.anyIpv4(),
        Port.tcp(443),
        'HTTPS to AWS APIs, image registries and external services',
      );
      for (const port of props.extraEgressPorts ?? []) {
        this.securityGroup.addEgressRule(
          Peer.anyIpv4(),
          Port.tcp(port),
          `TCP ${port} to an external service`,
        );
      }
    }

    this.service = new FargateService(this, 'Service', {
      cluster: props.cluster,
      taskDefinition: this.task.taskDefinition,
      desiredCount: props.desiredCount,
      assignPublicIp: false,
      vpcSubnets: props.subnets,
      securityGroups: [this.securityGroup],
      platformVersion: FargatePlatformVersion.LATEST,
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: props.minHealthyPercent ?? 100,
      maxHealthyPercent: 200,
      enableExecuteCommand: false,
      propagateTags: PropagatedTagSource.SERVICE,
      cloudMapOptions: props.cloudMapOptions,
    });
  }
}
