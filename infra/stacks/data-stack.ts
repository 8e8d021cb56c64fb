import { ArnFormat, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { vaultKeyPolicy } from '../constructs/vault-key-policy';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { type Construct } from 'constructs';
import { acknowledge, skipCheckov } from '../compliance';
import { BreakGlass } from '../constructs/data-protection/break-glass';
import { EvidenceBackup } from '../constructs/data-protection/evidence-backup';
import { LockedBucket } from '../constructs/locked-bucket';
import { names } from '../naming';
import { SaringStack, type SaringStackProps } from './saring-stack';

/**
 * Keys and buckets. Evidence and audit records are write-once (Object Lock, compliance mode) and outlive the
 * stack; the access-log bucket records every request made to them.
 */
export class DataStack extends SaringStack {
  /** Encrypts evidence and audit objects. */
  readonly dataKey: Key;
  /** Encrypts logs, secrets, the database and the alarm topic. */
  readonly platformKey: Key;
  /** Signs the audit ledger's daily heads (audit/kms-ledger-signer.ts): asymmetric, SIGN_VERIFY. */
  readonly ledgerKey: Key;
  readonly evidenceBucket: Bucket;
  readonly auditBucket: Bucket;
  /** Wraps the reporter vault's per-record data keys (envelope encryption) and encrypts the vault bucket. */
  readonly vaultKey: Key;
  /** Reporter contacts: one envelope-encrypted object per complaint; unversioned, so an erasure is final. */
  readonly vaultBucket: Bucket;
  /** S3 server access logs and load balancer access logs. */
  readonly accessLogsBucket: Bucket;
  /** Encrypts the backup vault: a key apart from the data key, so losing one never loses both copies. */
  readonly backupKey: Key;
  /** The only principal that may disable or delete the data, ledger and backup keys. */
  readonly breakGlass: BreakGlass;
  readonly backup: EvidenceBackup;

  constructor(scope: Construct, props: SaringStackProps) {
    super(scope, 'Data', props);
    const { config } = this;

    this.dataKey = new Key(this, 'DataKey', {
      alias: `alias/saring-${config.name}-data`,
      description: 'Saring evidence and audit records',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.ledgerKey = new Key(this, 'LedgerKey', {
      alias: `alias/saring-${config.name}-audit-ledger`,
      description: 'Saring audit ledger: signs the daily heads of the hash-chained archive manifests',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.ledgerKey, {
      id: 'AwsSolutions-KMS5',
      reason:
        'An asymmetric signing key cannot rotate automatically; old heads must stay verifiable with the same public key.',
    });

    this.vaultKey = new Key(this, 'VaultKey', {
      alias: `alias/saring-${config.name}-vault`,
      description:
        'Saring reporter vault: wraps per-record data keys; only the API task role is granted its use',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
      policy: vaultKeyPolicy(this, names.apiTaskRole(config)),
    });

    this.platformKey = new Key(this, 'PlatformKey', {
      alias: `alias/saring-${config.name}-platform`,
      description: 'Saring logs, secrets, database and alarm topic',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.platformKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccount',
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    this.platformKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    // Log delivery (S3 server access logs, ALB access logs) only supports SSE-S3 targets.
    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      bucketName: names.bucket(config, 'access-logs'),
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(config.data.accessLogExpirationDays),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.accessLogsBucket, {
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log target itself; logging it into itself would loop.',
    });
    skipCheckov(
      this.accessLogsBucket,
      {
        id: 'CKV_AWS_18',
        reason: 'This is the access-log target itself; logging it into itself would loop.',
      },
      { id: 'CKV_AWS_145', reason: 'S3 and ELB log delivery only write to SSE-S3 buckets, not SSE-KMS.' },
      {
        id: 'CKV_AWS_144',
        reason: 'No cross-region replication: the logs describe in-country data and stay in Jakarta.',
      },
      {
        id: 'CKV2_AWS_62',
        reason: 'No event notifications: logs are read on demand (Athena/CLI), nothing reacts to them.',
      },
    );

    this.vaultBucket = new Bucket(this, 'Vault', {
      bucketName: names.bucket(config, 'vault'),
      encryption: BucketEncryption.KMS,
      encryptionKey: this.vaultKey,
      bucketKeyEnabled: true,
      versioned: false,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 's3/vault/',
      lifecycleRules: [{ id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    skipCheckov(
      this.vaultBucket,
      {
        id: 'CKV_AWS_21',
        reason:
          'Unversioned on purpose: an erased reporter contact (UU PDP) must not survive as an old version.',
      },
      {
        id: 'CKV_AWS_144',
        reason: 'No cross-region replication: reporter contacts are personal data that stays in Jakarta.',
      },
      { id: 'CKV2_AWS_62', reason: 'No event notifications: the API reads records on demand.' },
    );

    this.evidenceBucket = new LockedBucket(this, 'Evidence', {
      bucketName: names.bucket(config, 'evidence'),
      encryptionKey: this.dataKey,
      retentionDays: config.data.evidenceRetentionDays,
      deleteAfterRetentionGraceDays: config.data.deleteAfterRetentionGraceDays,
      accessLogsBucket: this.accessLogsBucket,
      accessLogsPrefix: 's3/evidence/',
    }).bucket;

    this.auditBucket = new LockedBucket(this, 'Audit', {
      bucketName: names.bucket(config, 'audit'),
      encryptionKey: this.dataKey,
      retentionDays: config.data.auditRetentionDays,
      deleteAfterRetentionGraceDays: config.data.deleteAfterRetentionGraceDays,
      accessLogsBucket: this.accessLogsBucket,
      accessLogsPrefix: 's3/audit/',
    }).bucket;

    this.backupKey = new Key(this, 'BackupKey', {
      alias: `alias/saring-${config.name}-backup`,
      description: 'Saring backup vault: recovery points of evidence, audit trail and Temporal database',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.breakGlass = new BreakGlass(this, 'BreakGlass', {
      envName: config.name,
      guardedKeys: [this.dataKey, this.ledgerKey, this.backupKey],
    });
    this.backup = new EvidenceBackup(this, 'Backup', {
      envName: config.name,
      vaultKey: this.backupKey,
      resourceArns: [
        this.evidenceBucket.bucketArn,
        this.auditBucket.bucketArn,
        // Named by config (infra/naming.ts), so the plan covers the cluster without depending on its stack.
        ...(config.temporal.mode === 'self-hosted'
          ? [
              this.formatArn({
                service: 'rds',
                resource: 'cluster',
                resourceName: names.cluster(config, 'temporal'),
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              }),
            ]
          : []),
      ],
      ...config.data.backup,
    });
  }
}
