import { type Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** Everything an administrator does with a key, and nothing that encrypts or decrypts with it. */
export const KEY_ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
] as const;

/** What the API does with the vault key: wrap and unwrap record data keys, directly and through S3. */
export const VAULT_KEY_USE_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] as const;

/**
 * The reporter vault key's policy (in place of CDK's default `kms:*` for the account): the account's
 * administrators manage the key but cannot decrypt with it; only the API task role may use it. The role is
 * named by a condition on its ARN, not as the principal, because it lives in the API stack, which is
 * deployed after this key (a key policy naming a role that does not exist yet is refused).
 */
export function vaultKeyPolicy(stack: Stack, apiTaskRoleName: string): PolicyDocument {
  const apiTaskRoleArn = `arn:${stack.partition}:iam::${stack.account}:role/${apiTaskRoleName}`;
  return new PolicyDocument({
    statements: [
      new PolicyStatement({
        sid: 'AdministrationWithoutDecrypt',
        effect: Effect.ALLOW,
        principals: [new AccountRootPrincipal()],
        actions: [...KEY_ADMIN_ACTIONS],
        resources: ['*'],
      }),
      new PolicyStatement({
        sid: 'OnlyTheApiTaskRoleUsesTheKey',
        effect: Effect.ALLOW,
        principals: [new AccountRootPrincipal()],
        actions: [...VAULT_KEY_USE_ACTIONS],
        resources: ['*'],
        conditions: { ArnEquals: { 'aws:PrincipalArn': apiTaskRoleArn } },
      }),
    ],
  });
}
