import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type LockConfiguration,
} from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from '../../compliance';

export interface EvidenceBackupProps {
  readonly envName: string;
  /** Encrypts the vault's recovery points: a key of its own, so losing the data key loses no backup. */
  readonly vaultKey: IKey;
  /** ARNs of what to back up: the evidence and audit buckets, Temporal's Aurora cluster (self-hosted). */
  readonly resourceArns: readonly string[];
  readonly dailyRetentionDays: number;
  readonly monthlyRetentionDays: number;
  readonly vaultLockMode: 'governance' | 'compliance';
}

/** AWS Backup's own policies for backing up and restoring S3 and RDS; AWS keeps them in step with its needs. */
const BACKUP_MANAGED_POLICIES = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
] as const;

/**
 * A locked AWS Backup vault with daily and monthly recovery points of the evidence, the audit trail and Temporal's
 * database. Vault Lock refuses any backup kept shorter than the daily retention; in compliance mode, after the
 * 3-day cooling-off period, nobody (root included) can delete a recovery point early or remove the lock.
 */
export class EvidenceBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: EvidenceBackupProps) {
    super(scope, id);
    const lock: LockConfiguration = {
      minRetention: Duration.days(props.dailyRetentionDays),
      ...(props.vaultLockMode === 'compliance' ? { changeableFor: Duration.days(3) } : {}),
    };
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: `saring-${props.envName}-evidence`,
      encryptionKey: props.vaultKey,
      lockConfiguration: lock,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: `saring-${props.envName}-evidence`,
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'daily',
          // 02:00 in Banjarmasin (UTC+8), after the day's intake has settled.
          scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: Duration.days(props.dailyRetentionDays),
        }),
        new BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: Schedule.cron({ day: '1', hour: '19', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(12),
          deleteAfter: Duration.days(props.monthlyRetentionDays),
        }),
      ],
    });

    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: reads and restores the evidence and audit buckets and the Temporal database',
      managedPolicies: BACKUP_MANAGED_POLICIES.map((name) => ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    acknowledge(
      role,
      ...BACKUP_MANAGED_POLICIES.map((name) => ({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
        reason:
          'AWS Backup needs its service-role policies (S3 and RDS backup and restore); AWS maintains them as the service changes.',
      })),
    );
    this.plan.addSelection('Selection', {
      backupSelectionName: 'evidence-audit-temporal',
      resources: props.resourceArns.map((arn) => BackupResource.fromArn(arn)),
      role,
    });
  }
}
