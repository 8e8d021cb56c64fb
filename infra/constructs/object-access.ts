import { Stack, Token } from 'aws-cdk-lib';
import { Grant, type IRole } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { acknowledge } from '../compliance';

export interface ObjectAccess {
  readonly read?: boolean;
  readonly write?: boolean;
}

/**
 * Object-level access to one KMS-encrypted bucket, by name, with exact actions (none of the `s3:GetObject*`
 * action wildcards of the generic bucket grants). KMS use is limited to calls S3 makes for the role.
 */
export function grantObjectAccess(role: IRole, bucketName: string, key: IKey, access: ObjectAccess): void {
  const stack = Stack.of(role);
  const bucketArn = `arn:${stack.partition}:s3:::${bucketName}`;
  const objectsArn = `${bucketArn}/*`;
  if (Token.isUnresolved(objectsArn)) {
    throw new Error(
      `grantObjectAccess needs a literal bucket name and a region-bound stack, got ${objectsArn}`,
    );
  }
  const viaS3 = { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } };
  if (access.read) {
    Grant.addToPrincipal({ grantee: role, actions: ['s3:ListBucket'], resourceArns: [bucketArn] });
    Grant.addToPrincipal({
      grantee: role,
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resourceArns: [objectsArn],
    });
    Grant.addToPrincipal({
      grantee: role,
      actions: ['kms:Decrypt'],
      resourceArns: [key.keyArn],
      conditions: viaS3,
    });
  }
  if (access.write) {
    Grant.addToPrincipal({ grantee: role, actions: ['s3:PutObject'], resourceArns: [objectsArn] });
    // Decrypt is needed to complete multipart uploads of large snapshots.
    Grant.addToPrincipal({
      grantee: role,
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resourceArns: [key.keyArn],
      conditions: viaS3,
    });
  }
  acknowledge(role, {
    id: `AwsSolutions-IAM5[Resource::${objectsArn}]`,
    reason: `Object keys are case ids chosen at run time; the wildcard covers the objects of ${bucketName} only.`,
  });
}

/**
 * The worker's scheduled contact erasure: list the vault and delete records, with no right on the vault
 * key, so it can neither read nor write a contact (the API task role alone can, infra/constructs/vault-key-policy.ts).
 */
export function grantVaultErasure(role: IRole, vaultBucketName: string): void {
  const stack = Stack.of(role);
  const bucketArn = `arn:${stack.partition}:s3:::${vaultBucketName}`;
  Grant.addToPrincipal({ grantee: role, actions: ['s3:ListBucket'], resourceArns: [bucketArn] });
  Grant.addToPrincipal({ grantee: role, actions: ['s3:DeleteObject'], resourceArns: [`${bucketArn}/*`] });
  acknowledge(role, {
    id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
    reason: `Object keys are reporter references chosen at run time; the wildcard covers the objects of ${vaultBucketName} only.`,
  });
}
