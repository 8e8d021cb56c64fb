import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectLockRetention,
  type LifecycleRule,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { skipCheckov } from '../compliance';

export interface LockedBucketProps {
  readonly bucketName: string;
  readonly encryptionKey: IKey;
  /** Object Lock default retention, compliance mode: no one (root included) can delete or shorten it. */
  readonly retentionDays: number;
  /** Days after the retention ends before lifecycle deletes a record (legal holds still keep it). */
  readonly deleteAfterRetentionGraceDays: number;
  readonly accessLogsBucket: IBucket;
  readonly accessLogsPrefix: string;
}

/** A write-once bucket for evidence or audit records. Survives stack deletion. */
export class LockedBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: LockedBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(props.retentionDays)),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: props.accessLogsPrefix,
      lifecycleRules: lifecycleAfterRetention(props.retentionDays, props.deleteAfterRetentionGraceDays),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    skipCheckov(
      this.bucket,
      {
        id: 'CKV_AWS_144',
        reason:
          'No cross-region replication: Jakarta is the only AWS region in Indonesia and case evidence stays in-country.',
      },
      {
        id: 'CKV2_AWS_62',
        reason: 'No event notifications: writers are the workers themselves, nothing reacts to new objects.',
      },
    );
  }
}

/**
 * What happens once a record's compliance lock has run out: the current version expires (a delete marker) after
 * the retention plus the grace period, its now noncurrent version is removed a day after that, and the lone delete
 * marker is cleaned up. S3 never lets lifecycle remove a version that is still locked or under a legal hold.
 */
export function lifecycleAfterRetention(retentionDays: number, graceDays: number): LifecycleRule[] {
  return [
    { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
    {
      id: 'expire-after-retention',
      expiration: Duration.days(retentionDays + graceDays),
      noncurrentVersionExpiration: Duration.days(graceDays + 1),
    },
    { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
  ];
}
