import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IVpc } from 'aws-cdk-lib/aws-ec2';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import {
  AuroraPostgresEngineVersion,
  CfnDBInstance,
  ClusterInstance,
  Credentials,
  DatabaseCluster,
  DatabaseClusterEngine,
  ParameterGroup,
} from 'aws-cdk-lib/aws-rds';
import { type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge, skipCheckov } from '../../compliance';
import { type SelfHostedTemporal } from '../../config/schema';
import { SUBNETS } from '../../stacks/network-stack';
import { encryptedLogGroup } from '../encrypted-log-group';
import { type z } from 'zod';

export interface TemporalDatabaseProps {
  readonly vpc: IVpc;
  readonly encryptionKey: IKey;
  readonly settings: z.infer<typeof SelfHostedTemporal>['database'];
  readonly clusterIdentifier: string;
  /** Name of the generated credentials secret (readable in runbooks). */
  readonly secretName: string;
  readonly logRetentionDays: number;
}

/** Aurora PostgreSQL Serverless v2 holding Temporal's default and visibility stores. TLS is enforced server-side. */
export class TemporalDatabase extends Construct {
  static readonly USER = 'temporal';
  static readonly DATABASES = { default: 'temporal', visibility: 'temporal_visibility' } as const;

  readonly cluster: DatabaseCluster;
  /** The writer and readers: the cluster resource is complete before any of them accepts connections. */
  readonly instances: CfnDBInstance[];
  readonly secret: ISecret;

  constructor(scope: Construct, id: string, props: TemporalDatabaseProps) {
    super(scope, id);
    const { settings } = props;
    const [major] = settings.engineVersion.split('.');
    const engine = DatabaseClusterEngine.auroraPostgres({
      version: AuroraPostgresEngineVersion.of(settings.engineVersion, major!),
    });

    // Created here (not by RDS) so it is encrypted and has a retention; RDS writes into it by name.
    const postgresLog = encryptedLogGroup(this, 'PostgresLog', {
      logGroupName: `/aws/rds/cluster/${props.clusterIdentifier}/postgresql`,
      encryptionKey: props.encryptionKey,
      retentionDays: props.logRetentionDays,
    });

    this.cluster = new DatabaseCluster(this, 'Cluster', {
      engine,
      clusterIdentifier: props.clusterIdentifier,
      credentials: Credentials.fromGeneratedSecret(TemporalDatabase.USER, {
        encryptionKey: props.encryptionKey,
      }),
      writer: ClusterInstance.serverlessV2('Writer', {
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        enablePerformanceInsights: true,
        performanceInsightEncryptionKey: props.encryptionKey,
      }),
      readers: Array.from({ length: settings.readers }, (_, i) =>
        ClusterInstance.serverlessV2(`Reader${i + 1}`, {
          scaleWithWriter: true,
          publiclyAccessible: false,
          autoMinorVersionUpgrade: true,
          enablePerformanceInsights: true,
          performanceInsightEncryptionKey: props.encryptionKey,
        }),
      ),
      serverlessV2MinCapacity: settings.minCapacityAcu,
      serverlessV2MaxCapacity: settings.maxCapacityAcu,
      vpc: props.vpc,
      vpcSubnets: SUBNETS.data,
      port: settings.port,
      storageEncrypted: true,
      storageEncryptionKey: props.encryptionKey,
      parameterGroup: new ParameterGroup(this, 'Parameters', {
        engine,
        description: 'Temporal: TLS only, connection and slow-statement logging',
        parameters: {
          'rds.force_ssl': '1',
          log_connections: '1',
          log_disconnections: '1',
          log_min_duration_statement: '1000',
        },
      }),
      backup: { retention: Duration.days(settings.backupRetentionDays), preferredWindow: '18:00-19:00' },
      preferredMaintenanceWindow: 'sun:19:30-sun:20:30',
      cloudwatchLogsExports: ['postgresql'],
      copyTagsToSnapshot: true,
      deletionProtection: settings.deletionProtection,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      iamAuthentication: false,
    });
    this.cluster.node.addDependency(postgresLog);
    this.instances = this.cluster.node
      .findAll()
      .filter((c): c is CfnDBInstance => c instanceof CfnDBInstance);
    for (const instance of this.instances) {
      skipCheckov(instance, {
        id: 'CKV_AWS_118',
        reason:
          'Performance Insights (KMS-encrypted) covers the database; Enhanced Monitoring would need a role with an AWS managed policy.',
      });
    }
    this.secret = this.cluster.secret!;

    acknowledge(this.cluster, {
      id: 'AwsSolutions-RDS6',
      reason:
        "Temporal 1.29's container config authenticates to SQL with user and password only; the password lives in Secrets Manager.",
    });
    skipCheckov(
      this.cluster,
      {
        id: 'CKV_AWS_162',
        reason: "Temporal 1.29's container config authenticates with user and password, not IAM tokens.",
      },
      ...(settings.deletionProtection
        ? []
        : [
            {
              id: 'CKV_AWS_139',
              reason: 'Deletion protection is off in this environment by config (disposable dev data).',
            },
          ]),
    );
    if (!settings.deletionProtection) {
      acknowledge(this.cluster, {
        id: 'AwsSolutions-RDS10',
        reason:
          'Deletion protection is off in this environment by config (disposable dev data); prod turns it on.',
      });
    }
    // On the cluster: its generated secret is a child (cluster.secret is the attachment wrapper).
    acknowledge(this.cluster, {
      id: 'AwsSolutions-SMG4',
      reason:
        'Temporal reads the password once at start, so automatic rotation would break running servers; it is rotated by the runbook (rotate, then force a new deployment).',
    });
  }
}
