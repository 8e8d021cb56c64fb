import { RemovalPolicy } from 'aws-cdk-lib';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type Construct } from 'constructs';
import { skipCheckov } from '../compliance';

export interface EncryptedLogGroupProps {
  readonly encryptionKey: IKey;
  readonly retentionDays: number;
  readonly logGroupName?: string;
}

/** A log group encrypted with the platform key and a retention taken from config. */
export function encryptedLogGroup(scope: Construct, id: string, props: EncryptedLogGroupProps): LogGroup {
  const group = new LogGroup(scope, id, {
    logGroupName: props.logGroupName,
    encryptionKey: props.encryptionKey,
    retention: props.retentionDays as RetentionDays,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  if (props.retentionDays < 365) {
    skipCheckov(group, {
      id: 'CKV_AWS_338',
      reason: `Retention is ${props.retentionDays} days by this environment's config; production keeps at least a year.`,
    });
  }
  return group;
}
