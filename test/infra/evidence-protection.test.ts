import { Match } from 'aws-cdk-lib/assertions';
import { KEY_DESTRUCTION_ACTIONS } from '../../infra/constructs/data-protection/break-glass';
import { names } from '../../infra/naming';
import { type CfnResourceJson, resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const devSelfHosted = useSynthesis(SELECTIONS.devSelfHosted);
const prodSelfHosted = useSynthesis(SELECTIONS.prodSelfHosted);
const prodCloud = useSynthesis(SELECTIONS.prodCloud);

interface Statement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

function keyStatements(key: CfnResourceJson): Statement[] {
  return (key.Properties?.KeyPolicy as { Statement: Statement[] }).Statement;
}

function keyByAlias(json: { Resources: Record<string, CfnResourceJson> }, alias: string): CfnResourceJson {
  const [, aliasResource] = resourcesOfType(json as never, 'AWS::KMS::Alias').find(
    ([, a]) => a.Properties?.AliasName === alias,
  )!;
  const keyId = (aliasResource.Properties?.TargetKeyId as { 'Fn::GetAtt': [string, string] })[
    'Fn::GetAtt'
  ][0];
  return json.Resources[keyId]!;
}

describe('evidence protection (issue 11, defect 10)', () => {
  it.each([
    ['dev', devSelfHosted],
    ['prod', prodSelfHosted],
  ])(
    '%s: the data, ledger and backup keys deny disabling and deletion to all but the break-glass role',
    (_env, synth) => {
      const { config } = synth();
      const json = synth().json('data');
      const breakGlassArn = `arn:aws:iam::${config.account}:role/saring-${config.name}-break-glass`;
      for (const purpose of ['data', 'audit-ledger', 'backup']) {
        const deny = keyStatements(keyByAlias(json, `alias/saring-${config.name}-${purpose}`)).filter(
          (s) => s.Effect === 'Deny',
        );
        expect({ purpose, deny }).toEqual({
          purpose,
          deny: [
            {
              Sid: 'DenyDestructionExceptBreakGlass',
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: [...KEY_DESTRUCTION_ACTIONS].sort(),
              Resource: '*',
              Condition: { ArnNotEquals: { 'aws:PrincipalArn': breakGlassArn } },
            },
          ],
        });
      }
      // The role named in the condition exists, needs MFA to assume, and is the one allowed to act.
      synth()
        .template('data')
        .hasResourceProperties('AWS::IAM::Role', {
          RoleName: `saring-${config.name}-break-glass`,
          AssumeRolePolicyDocument: {
            Statement: [
              Match.objectLike({
                Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                Principal: { AWS: Match.anyValue() },
              }),
            ],
          },
        });
    },
  );

  it.each([
    ['dev', devSelfHosted, {}],
    ['prod', prodSelfHosted, { ChangeableForDays: 3 }],
  ])(
    '%s: a locked backup vault under its own key, daily and monthly rules, covering both buckets and Aurora',
    (_env, synth, compliance) => {
      const { config } = synth();
      const t = synth().template('data');
      t.hasResourceProperties('AWS::Backup::BackupVault', {
        BackupVaultName: `saring-${config.name}-evidence`,
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupKey'), 'Arn'] },
        LockConfiguration: { MinRetentionDays: config.data.backup.dailyRetentionDays, ...compliance },
      });
      t.hasResourceProperties('AWS::Backup::BackupPlan', {
        BackupPlan: Match.objectLike({
          BackupPlanRule: [
            Match.objectLike({
              RuleName: 'daily',
              Lifecycle: { DeleteAfterDays: config.data.backup.dailyRetentionDays },
            }),
            Match.objectLike({
              RuleName: 'monthly',
              Lifecycle: { DeleteAfterDays: config.data.backup.monthlyRetentionDays },
            }),
          ],
        }),
      });
      const [, selection] = resourcesOfType(synth().json('data'), 'AWS::Backup::BackupSelection')[0]!;
      const resources = JSON.stringify(
        (selection.Properties?.BackupSelection as { Resources: unknown }).Resources,
      );
      expect(resources).toMatch(/"Fn::GetAtt":\["EvidenceBucket[0-9A-F]+","Arn"\]/);
      expect(resources).toMatch(/"Fn::GetAtt":\["AuditBucket[0-9A-F]+","Arn"\]/);
      expect(resources).toContain(`:cluster:${names.cluster(config, 'temporal')}`);
    },
  );

  it('Temporal Cloud mode backs up the buckets only (no Aurora to cover)', () => {
    const [, selection] = resourcesOfType(prodCloud().json('data'), 'AWS::Backup::BackupSelection')[0]!;
    const resources = (selection.Properties?.BackupSelection as { Resources: unknown[] }).Resources;
    expect(resources).toHaveLength(2);
    expect(JSON.stringify(resources)).not.toContain(':rds:');
  });

  it.each([
    ['dev', devSelfHosted],
    ['prod', prodSelfHosted],
  ])('%s: locked buckets expire records only after their retention plus the grace period', (_env, synth) => {
    const { config } = synth();
    const grace = config.data.deleteAfterRetentionGraceDays;
    for (const [purpose, days] of [
      ['evidence', config.data.evidenceRetentionDays],
      ['audit', config.data.auditRetentionDays],
    ] as const) {
      synth()
        .template('data')
        .hasResourceProperties('AWS::S3::Bucket', {
          BucketName: names.bucket(config, purpose),
          LifecycleConfiguration: {
            Rules: Match.arrayWith([
              Match.objectLike({
                Id: 'expire-after-retention',
                Status: 'Enabled',
                ExpirationInDays: days + grace,
                NoncurrentVersionExpiration: { NoncurrentDays: grace + 1 },
              }),
              Match.objectLike({ Id: 'remove-expired-delete-markers', ExpiredObjectDeleteMarker: true }),
            ]),
          },
        });
    }
  });
});
