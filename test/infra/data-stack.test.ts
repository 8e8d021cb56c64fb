import { Match } from 'aws-cdk-lib/assertions';
import { names } from '../../infra/naming';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const dev = useSynthesis(SELECTIONS.devSelfHosted);
const prod = useSynthesis(SELECTIONS.prodSelfHosted);

describe('data stack', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ])(
    '%s: evidence and audit buckets are write-once with the configured compliance retention',
    (_env, synth) => {
      const { config } = synth();
      const t = synth().template('data');
      for (const [purpose, days] of [
        ['evidence', config.data.evidenceRetentionDays],
        ['audit', config.data.auditRetentionDays],
      ] as const) {
        t.hasResource('AWS::S3::Bucket', {
          Properties: Match.objectLike({
            BucketName: names.bucket(config, purpose),
            ObjectLockEnabled: true,
            ObjectLockConfiguration: {
              ObjectLockEnabled: 'Enabled',
              Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: days } },
            },
            VersioningConfiguration: { Status: 'Enabled' },
            BucketEncryption: {
              ServerSideEncryptionConfiguration: [
                {
                  BucketKeyEnabled: true,
                  ServerSideEncryptionByDefault: {
                    SSEAlgorithm: 'aws:kms',
                    KMSMasterKeyID: Match.objectLike({
                      'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'],
                    }),
                  },
                },
              ],
            },
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              BlockPublicPolicy: true,
              IgnorePublicAcls: true,
              RestrictPublicBuckets: true,
            },
            LoggingConfiguration: {
              DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogs') },
              LogFilePrefix: `s3/${purpose}/`,
            },
          }),
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
        });
      }
    },
  );

  it('every bucket blocks public access, is encrypted and is kept when the stack is deleted', () => {
    const buckets = resourcesOfType(dev().json('data'), 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(4);
    for (const [, bucket] of buckets) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption).toBeDefined();
    }
  });

  it('every bucket refuses requests without TLS (and below TLS 1.2)', () => {
    const t = dev().template('data');
    const policies = resourcesOfType(dev().json('data'), 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(4);
    t.allResourcesProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
        ]),
      },
    });
  });

  it('access logs go to a separate SSE-S3 bucket that only the log delivery service may write', () => {
    const t = dev().template('data');
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: names.bucket(dev().config, 'access-logs'),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ ExpirationInDays: dev().config.data.accessLogExpirationDays }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^AccessLogs') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
  });

  it('the reporter vault bucket is encrypted with its own key and unversioned, so an erasure is final', () => {
    const vault = resourcesOfType(dev().json('data'), 'AWS::S3::Bucket')
      .map(([, bucket]) => bucket)
      .find((bucket) => bucket.Properties?.BucketName === names.bucket(dev().config, 'vault'))!;
    expect(vault.Properties?.VersioningConfiguration).toBeUndefined();
    expect(JSON.stringify(vault.Properties?.BucketEncryption)).toContain('VaultKey');
  });

  it('the vault key: administrators manage it without decrypting, only the API task role may use it', () => {
    const [, vaultKey] = resourcesOfType(dev().json('data'), 'AWS::KMS::Key').find(([id]) =>
      id.startsWith('VaultKey'),
    )!;
    const statements = (
      vaultKey.Properties?.KeyPolicy as {
        Statement: { Sid: string; Action: string | string[]; Principal: unknown; Condition?: unknown }[];
      }
    ).Statement;
    const actions = (statement: { Action: string | string[] }) =>
      Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    // Every action that encrypts or decrypts; a statement grants one if any of its (glob) actions covers it.
    const uses = [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext',
    ];
    const covers = (glob: string, action: string) =>
      new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(action);
    const grantsUse = (statement: { Action: string | string[] }) =>
      actions(statement).some((glob) => uses.some((use) => covers(glob, use)));
    expect(covers('kms:*', 'kms:Decrypt')).toBe(true);
    expect(covers('kms:Describe*', 'kms:Decrypt')).toBe(false);
    expect(statements.map((statement) => statement.Sid).sort()).toEqual([
      'AdministrationWithoutDecrypt',
      'OnlyTheApiTaskRoleUsesTheKey',
    ]);
    const admin = statements.find((statement) => statement.Sid === 'AdministrationWithoutDecrypt')!;
    expect(grantsUse(admin)).toBe(false);
    expect(actions(admin)).toContain('kms:ScheduleKeyDeletion');
    const users = statements.filter(grantsUse);
    expect(users).toHaveLength(1);
    expect(users[0]!.Sid).toBe('OnlyTheApiTaskRoleUsesTheKey');
    expect(actions(users[0]!).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey']);
    expect(users[0]!.Condition).toEqual({
      ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::111111111111:role/${names.apiTaskRole(dev().config)}` },
    });
    // The API stack's task role carries exactly that name.
    const roles = resourcesOfType(dev().json('api'), 'AWS::IAM::Role').map(
      ([, role]) => role.Properties?.RoleName,
    );
    expect(roles).toContain(names.apiTaskRole(dev().config));
  });

  it('every encryption key rotates and survive stack deletion; only CloudWatch services get key-policy access', () => {
    const t = dev().template('data');
    const keys = resourcesOfType(dev().json('data'), 'AWS::KMS::Key');
    // data, platform, vault, ledger and (issue 11) the backup vault's own key.
    expect(keys).toHaveLength(5);
    // The audit ledger's signing key is asymmetric: it cannot rotate (old heads stay verifiable), but it is kept.
    const [ledger, encryption] = [
      keys.filter(([id]) => id.startsWith('LedgerKey')),
      keys.filter(([id]) => !id.startsWith('LedgerKey')),
    ];
    expect(
      ledger.map(([, key]) => [key.Properties?.KeySpec, key.Properties?.KeyUsage, key.DeletionPolicy]),
    ).toEqual([['ECC_NIST_P256', 'SIGN_VERIFY', 'Retain']]);
    expect(encryption).toHaveLength(4);
    for (const [, key] of encryption) {
      expect(key.Properties?.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
    t.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('logs, secrets'),
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.ap-southeast-3.amazonaws.com' },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
          }),
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
          }),
        ]),
      },
    });
  });
});
