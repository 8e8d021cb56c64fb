import { Match } from 'aws-cdk-lib/assertions';
import { OFFICER_ROLES } from '../../domain/roles';
import { TEMPORAL_UI_ROLES } from '../../infra/constructs/api/officer-directory';
import { ENTRYPOINTS } from '../../infra/image';
import { containersOf } from '../support/infra/containers';
import { permissionsOf } from '../support/infra/iam';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const selfHosted = useSynthesis(SELECTIONS.devSelfHosted);
const cloud = useSynthesis(SELECTIONS.devCloud);

describe('api stack', () => {
  it.each([
    ['self-hosted', selfHosted],
    ['cloud', cloud],
  ] as const)(
    '%s: trusts the ledger KMS key for audit verification, with kms:GetPublicKey on it and nothing else',
    (_mode, synth) => {
      const template = synth().json('api');
      const api = containersOf(template).find((c) => c.Name === 'api')!;
      const env = Object.fromEntries((api.Environment ?? []).map((e) => [e.Name, e.Value]));
      expect(JSON.stringify(env.SARING_LEDGER_KMS_KEY_ID)).toMatch(/LedgerKey/);
      const onLedgerKey = permissionsOf(template).filter((p) => /LedgerKey/.test(p.resource));
      expect(onLedgerKey.map((p) => [p.policy.replace(/[0-9A-F]{8}$/, ''), p.effect, p.action])).toEqual([
        [expect.stringMatching(/^ApiTask.*TaskRole/), 'Allow', 'kms:GetPublicKey'],
      ]);
    },
  );

  it('gets the codec key ring and the vault, but not the app config secret with channel credentials', () => {
    const api = containersOf(selfHosted().json('api')).find((c) => c.Name === 'api')!;
    const secrets = (api.Secrets ?? []).map((secret) => secret.Name);
    expect(secrets).toContain('SARING_CODEC_KEY_RING');
    expect(secrets).not.toContain('SARING_CONFIG_JSON');
    expect(JSON.stringify(api.Secrets)).not.toMatch(/AppConfig/);
    const env = Object.fromEntries((api.Environment ?? []).map((e) => [e.Name, e.Value]));
    expect(env.SARING_VAULT_BUCKET).toMatch(/^saring-dev-vault-/);
    expect(JSON.stringify(env.SARING_VAULT_KMS_KEY_ID)).toMatch(/VaultKey/);
    expect(JSON.stringify(env.SARING_CONFIG_JSON)).toContain('reporterVault');
  });

  it('has exactly one Cognito group per officer role', () => {
    const groups = resourcesOfType(selfHosted().json('api'), 'AWS::Cognito::UserPoolGroup').map(
      ([, g]) => g.Properties?.GroupName,
    );
    expect(groups).toHaveLength(OFFICER_ROLES.length);
    expect(new Set(groups)).toEqual(new Set(OFFICER_ROLES));
  });

  it('has the console and CLI as public PKCE clients, and one client-credentials client per machine role', () => {
    const clients = resourcesOfType(selfHosted().json('api'), 'AWS::Cognito::UserPoolClient').map(
      ([, c]) => c.Properties ?? {},
    );
    const byName = Object.fromEntries(clients.map((c) => [c.ClientName, c]));
    expect(byName.console).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ['code'] });
    expect(byName.cli).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['http://localhost:53682/callback'],
    });
    for (const machine of ['crawler', 'partner']) {
      expect(byName[`machine-${machine}`]).toMatchObject({
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
      });
      expect(JSON.stringify(byName[`machine-${machine}`].AllowedOAuthScopes)).toContain(`/${machine}`);
    }
  });

  it('gives the API task the issuer and the client ids it accepts, and no Cognito domain', () => {
    const environment = JSON.stringify(
      resourcesOfType(selfHosted().json('api'), 'AWS::ECS::TaskDefinition').map(([, t]) => t.Properties),
    );
    for (const name of [
      'SARING_OIDC_ISSUER',
      'SARING_OIDC_CONSOLE_CLIENT_ID',
      'SARING_OIDC_CLI_CLIENT_ID',
      'SARING_OIDC_MACHINE_CLIENT_IDS',
    ])
      expect(environment).toContain(name);
    expect(environment).not.toContain('SARING_COGNITO');
  });

  it('requires MFA and strong passwords, forbids self sign-up, runs threat protection', () => {
    selfHosted()
      .template('api')
      .hasResource('AWS::Cognito::UserPool', {
        Properties: Match.objectLike({
          MfaConfiguration: 'ON',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          Policies: {
            PasswordPolicy: Match.objectLike({
              MinimumLength: 12,
              RequireLowercase: true,
              RequireUppercase: true,
              RequireNumbers: true,
              RequireSymbols: true,
            }),
          },
          UserPoolTier: 'PLUS',
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
          DeletionProtection: 'ACTIVE',
        }),
        DeletionPolicy: 'Retain',
      });
  });

  it('puts a WAF with managed rule groups and a per-IP rate limit in front of the load balancer, logged without credentials', () => {
    const t = selfHosted().template('api');
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
          },
        }),
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { Limit: selfHosted().config.api.wafRateLimit, AggregateKeyType: 'IP' },
          },
        }),
      ]),
    });
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { Ref: Match.stringLikeRegexp('^LoadBalancer') },
    });
    t.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
    });
  });

  it('blocks an IP that sends more than 100 requests in 5 minutes to /api/public/* (no login there)', () => {
    const t = selfHosted().template('api');
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RateLimitPublicIntake',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              Limit: 100,
              AggregateKeyType: 'IP',
              ScopeDownStatement: {
                ByteMatchStatement: {
                  FieldToMatch: { UriPath: {} },
                  PositionalConstraint: 'STARTS_WITH',
                  SearchString: '/api/public/',
                  TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }],
                },
              },
            },
          },
        }),
      ]),
    });
  });

  it('serves HTTPS only, with a modern TLS policy, access logs and header hygiene', () => {
    const t = selfHosted().template('api');
    const listeners = resourcesOfType(selfHosted().json('api'), 'AWS::ElasticLoadBalancingV2::Listener');
    expect(listeners.map(([, l]) => [l.Properties?.Protocol, l.Properties?.Port])).toEqual([['HTTPS', 443]]);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Public HTTPS entry point'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 })],
    });
  });

  it('runs api/main.ts from the repository image, non-root, behind a host-based rule', () => {
    const api = containersOf(selfHosted().json('api')).find((c) => c.Name === 'api')!;
    expect(api.Command).toEqual([ENTRYPOINTS.api]);
    expect(api.User).toBe('1000:1000');
    expect(api.ReadonlyRootFilesystem).toBe(true);
    selfHosted()
      .template('api')
      .hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        Conditions: [
          { Field: 'host-header', HostHeaderConfig: { Values: [selfHosted().config.api.domainName] } },
        ],
        Actions: [Match.objectLike({ Type: 'forward' })],
      });
  });

  it('self-hosted: the Temporal Web UI sits behind Cognito authentication, and only admins and auditors get tokens for it', () => {
    const t = selfHosted().template('api');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [
        {
          Field: 'host-header',
          HostHeaderConfig: { Values: [selfHosted().config.api.temporalUiDomainName] },
        },
      ],
      Actions: [
        Match.objectLike({
          Type: 'authenticate-cognito',
          Order: 1,
          AuthenticateCognitoConfig: Match.objectLike({
            Scope: Match.stringLikeRegexp('saring-ops/temporal-ui'),
          }),
        }),
        Match.objectLike({ Type: 'forward', Order: 2 }),
      ],
    });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
    });
    const gate = resourcesOfType(selfHosted().json('api'), 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('OfficersUiGate'),
    )!;
    const code = (gate[1].Properties?.Code as { ZipFile: string }).ZipFile;
    expect(code).toContain(JSON.stringify(TEMPORAL_UI_ROLES));
    expect(code).toContain('throw new Error');
    expect(TEMPORAL_UI_ROLES).toEqual(['admin', 'auditor']);
  });

  it('cloud mode: no Temporal Web UI, no gate', () => {
    const t = cloud().template('api');
    expect(containersOf(cloud().json('api')).map((c) => c.Name)).toEqual(['api', 'otel-collector']);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 1);
  });
});
