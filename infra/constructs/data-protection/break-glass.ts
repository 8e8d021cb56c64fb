import { Duration, Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, Effect, PolicyStatement, Role, AnyPrincipal } from 'aws-cdk-lib/aws-iam';
import { type Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** What would make every record encrypted under a key unreadable (disable) or gone for good (deletion). */
export const KEY_DESTRUCTION_ACTIONS = ['kms:ScheduleKeyDeletion', 'kms:DisableKey'] as const;

export interface BreakGlassProps {
  readonly envName: string;
  /** Keys whose loss makes locked evidence unreadable: only the break-glass role may disable or delete them. */
  readonly guardedKeys: readonly Key[];
}

/**
 * A role that alone may disable or schedule the deletion of the guarded keys. Assumable by the account's
 * administrators with MFA; the keys' own policies deny everyone else (root and CloudFormation included), so a
 * leaked admin credential or a mistaken console click cannot destroy the evidence.
 */
export class BreakGlass extends Construct {
  readonly role: Role;
  /** Literal (built from the role name), so key policies name the role without depending on it. */
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: BreakGlassProps) {
    super(scope, id);
    const roleName = `saring-${props.envName}-break-glass`;
    this.roleArn = Stack.of(this).formatArn({
      service: 'iam',
      region: '',
      resource: 'role',
      resourceName: roleName,
    });
    this.role = new Role(this, 'Role', {
      roleName,
      description: 'Break glass: the only principal allowed to disable or delete the evidence keys',
      assumedBy: new AccountRootPrincipal().withConditions({
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
      maxSessionDuration: Duration.hours(1),
    });
    this.role.addToPolicy(
      new PolicyStatement({
        actions: [...KEY_DESTRUCTION_ACTIONS, 'kms:CancelKeyDeletion', 'kms:EnableKey', 'kms:DescribeKey'],
        resources: props.guardedKeys.map((key) => key.keyArn),
      }),
    );
    for (const key of props.guardedKeys) denyDestructionExcept(key, this.roleArn);
  }
}

/** A key policy statement that denies disabling and deleting the key to every principal but `roleArn`. */
export function denyDestructionExcept(key: Key, roleArn: string): void {
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'DenyDestructionExceptBreakGlass',
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: [...KEY_DESTRUCTION_ACTIONS],
      resources: ['*'],
      conditions: { ArnNotEquals: { 'aws:PrincipalArn': roleArn } },
    }),
  );
}
