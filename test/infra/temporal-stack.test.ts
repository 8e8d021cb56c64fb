import { Match } from 'aws-cdk-lib/assertions';
import { type ContainerDefinition, containersOf, envNames } from '../support/infra/containers';
import { permissionsOf } from '../support/infra/iam';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const selfHosted = useSynthesis(SELECTIONS.devSelfHosted);
const prodSelfHosted = useSynthesis(SELECTIONS.prodSelfHosted);
const cloud = useSynthesis(SELECTIONS.devCloud);

const ROLES = ['frontend', 'history', 'matching', 'worker'];

function serverContainers(): ContainerDefinition[] {
  return containersOf(selfHosted().json('temporal')).filter((c) => ROLES.includes(c.Name));
}

describe('temporal stack, self-hosted', () => {
  it('runs each server role as its own Fargate service from the pinned image', () => {
    const t = selfHosted().template('temporal');
    const temporal = selfHosted().config.temporal;
    if (temporal.mode !== 'self-hosted') throw new Error('expected self-hosted');
    t.resourceCountIs('AWS::ECS::Service', ROLES.length);
    const containers = serverContainers();
    expect(containers.map((c) => c.Name).sort()).toEqual([...ROLES].sort());
    for (const c of containers) {
      // Pulled through the account's ECR pull-through cache (defect 11), still at the pinned version.
      expect(JSON.stringify(c.Image)).toContain(`/docker-hub/temporalio/server:${temporal.serverVersion}`);
      expect(c.Environment).toEqual(expect.arrayContaining([{ Name: 'SERVICES', Value: c.Name }]));
    }
  });

  it('speaks mutual TLS between nodes and to clients; certificates come from Secrets Manager', () => {
    for (const c of serverContainers()) {
      expect(c.Environment).toEqual(
        expect.arrayContaining([
          { Name: 'TEMPORAL_TLS_REQUIRE_CLIENT_AUTH', Value: 'true' },
          { Name: 'SQL_TLS_ENABLED', Value: 'true' },
        ]),
      );
      const secrets = (c.Secrets ?? []).map((s) => s.Name);
      expect(secrets).toEqual(
        expect.arrayContaining([
          'POSTGRES_PWD',
          'TEMPORAL_TLS_SERVER_CERT_DATA',
          'TEMPORAL_TLS_SERVER_KEY_DATA',
          'TEMPORAL_TLS_FRONTEND_CERT_DATA',
          'TEMPORAL_TLS_FRONTEND_KEY_DATA',
          'TEMPORAL_TLS_SERVER_CA_CERT_DATA',
        ]),
      );
      expect(envNames(c)).not.toContain('POSTGRES_PWD');
    }
  });

  it('keeps Aurora PostgreSQL private, encrypted with the platform key and TLS-only', () => {
    const t = selfHosted().template('temporal');
    t.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      StorageEncrypted: true,
      KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
      Port: 5433,
      EnableCloudwatchLogsExports: ['postgresql'],
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 },
    });
    t.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', {
      Parameters: Match.objectLike({ 'rds.force_ssl': '1' }),
    });
    t.allResourcesProperties('AWS::RDS::DBInstance', { PubliclyAccessible: false });
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{"username":"temporal"}' }),
      KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
    });
  });

  it('protects the production database from deletion, not the dev one', () => {
    selfHosted()
      .template('temporal')
      .hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: false });
    const t = prodSelfHosted().template('temporal');
    t.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: true });
    t.resourceCountIs('AWS::RDS::DBInstance', 2);
    t.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot' });
  });

  it('sets up and upgrades the schema in a one-off task that every server waits for', () => {
    const template = selfHosted().json('temporal');
    const runs = resourcesOfType(template, 'Custom::RunTaskToCompletion');
    const [schemaId] = runs.find(([, r]) =>
      JSON.stringify(r.Properties?.TaskDefinition).includes('SelfHostedAdminTask'),
    )!;
    const schemaContainer = containersOf(template).find((c) =>
      JSON.stringify(c.Command).includes('setup-schema'),
    )!;
    expect(schemaContainer.Command?.join(' ')).toMatch(/temporal-sql-tool .*setup-schema -v 0\.0/);
    expect(schemaContainer.Command?.join(' ')).toMatch(
      /update-schema -d \/etc\/temporal\/schema\/postgresql\/v12\/visibility\/versioned/,
    );
    for (const [, service] of resourcesOfType(template, 'AWS::ECS::Service')) {
      expect(service.DependsOn).toEqual(expect.arrayContaining([schemaId]));
    }
  });

  it('registers the application namespace once every server role is up', () => {
    const template = selfHosted().json('temporal');
    const runs = resourcesOfType(template, 'Custom::RunTaskToCompletion');
    expect(runs).toHaveLength(2);
    const [, namespaceRun] = runs.find(([, r]) =>
      JSON.stringify(r.Properties?.TaskDefinition).includes('SelfHostedNamespaceTask'),
    )!;
    const services = resourcesOfType(template, 'AWS::ECS::Service').map(([id]) => id);
    expect(namespaceRun.DependsOn).toEqual(expect.arrayContaining(services));
    const container = containersOf(template).find((c) =>
      JSON.stringify(c.Command).includes('namespace create'),
    )!;
    expect(container.Environment).toEqual(
      expect.arrayContaining([{ Name: 'NAMESPACE_RETENTION', Value: '168h' }]),
    );
  });

  it('lets the deploy-time runner start only the admin task definitions, on their own cluster', () => {
    const grants = permissionsOf(selfHosted().json('temporal')).filter((p) =>
      p.policy.startsWith('SelfHostedDeployTasksRole'),
    );
    const runTask = grants.filter((p) => p.action === 'ecs:RunTask');
    expect(runTask.map((p) => p.resource).sort()).toEqual([
      expect.stringMatching(/SelfHostedAdminTask/),
      expect.stringMatching(/SelfHostedNamespaceTask/),
    ]);
    for (const p of runTask) expect(p.condition).toEqual({ ArnEquals: { 'ecs:cluster': expect.anything() } });
    for (const p of grants.filter((g) => g.action === 'iam:PassRole')) {
      expect(p.condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
    }
    expect(grants.find((p) => p.action === 'ecs:DescribeTasks')?.resource).toBe(
      'arn:aws:ecs:ap-southeast-3:111111111111:task/saring-dev-temporal/*',
    );
  });

  it('registers the frontend in private DNS for clients', () => {
    const t = selfHosted().template('temporal');
    t.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', {
      Name: 'temporal.saring-dev.internal',
    });
    t.hasResourceProperties('AWS::ServiceDiscovery::Service', { Name: 'frontend' });
  });
});

describe('temporal stack, Temporal Cloud', () => {
  it('runs no cluster and no database; records the endpoint; the credential secret waits in the Secrets stack', () => {
    const temporal = cloud().config.temporal;
    if (temporal.mode !== 'cloud') throw new Error('expected cloud');
    const t = cloud().template('temporal');
    t.resourceCountIs('AWS::ECS::Service', 0);
    t.resourceCountIs('AWS::RDS::DBCluster', 0);
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/saring/dev/temporal/address',
      Value: temporal.endpoint,
    });
    cloud()
      .template('secrets')
      .hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: 'saring/dev/temporal/cloud/worker',
        KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
        GenerateSecretString: Match.objectLike({
          SecretStringTemplate: Match.stringLikeRegexp('clientCert'),
        }),
      });
  });

  it('gives the worker, the fetcher and the API each a credential of its own (defect 7 of issue 11)', () => {
    const credentialOf = (stack: 'workers' | 'api', container: string): string => {
      const found = containersOf(cloud().json(stack)).find((c) => c.Name === container);
      const secret = (found?.Secrets ?? []).find((s) => s.Name === 'TEMPORAL_TLS_CLIENT_CERT_DATA');
      if (!secret) throw new Error(`${container} reads no Temporal Cloud client certificate`);
      return JSON.stringify(secret.ValueFrom);
    };
    const sources = {
      worker: credentialOf('workers', 'worker'),
      fetcher: credentialOf('workers', 'fetcher'),
      api: credentialOf('api', 'api'),
    };
    for (const [client, source] of Object.entries(sources)) {
      expect(source).toMatch(new RegExp(`TemporalCloud${client}Secret`));
      expect(source).toContain(':clientCert::');
    }
    expect(new Set(Object.values(sources)).size).toBe(3);
    const secrets = cloud().template('secrets');
    for (const client of Object.keys(sources)) {
      secrets.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `saring/dev/temporal/cloud/${client}`,
        KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
      });
    }
    // No shared credential any task could read.
    const names = resourcesOfType(cloud().json('secrets'), 'AWS::SecretsManager::Secret').map(
      ([, secret]) => secret.Properties?.Name,
    );
    expect(names).not.toContain('saring/dev/temporal/cloud');
  });

  it('hands workers the endpoint and namespace, and the mTLS pair from Secrets Manager', () => {
    const temporal = cloud().config.temporal;
    if (temporal.mode !== 'cloud') throw new Error('expected cloud');
    const [worker] = containersOf(cloud().json('workers'));
    expect(worker!.Environment).toEqual(
      expect.arrayContaining([
        { Name: 'TEMPORAL_ADDRESS', Value: temporal.endpoint },
        { Name: 'TEMPORAL_NAMESPACE', Value: temporal.namespace },
      ]),
    );
    expect((worker!.Secrets ?? []).map((s) => s.Name).sort()).toEqual([
      'SARING_CODEC_KEY_RING',
      'SARING_CONFIG_JSON',
      'TEMPORAL_TLS_CLIENT_CERT_DATA',
      'TEMPORAL_TLS_CLIENT_KEY_DATA',
    ]);
    cloud()
      .template('workers')
      .hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupEgress: Match.arrayWith([
          Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 7233, ToPort: 7233 }),
        ]),
      });
  });
});

describe('temporal client identities, self-hosted (defect 7 of issue 11)', () => {
  /** Where a container's Temporal client certificate comes from: its ECS secret reference, as synthesized. */
  function certificateSource(stack: 'workers' | 'api' | 'temporal', container: string): string {
    const found = containersOf(selfHosted().json(stack)).find((c) => c.Name === container);
    if (!found) throw new Error(`${stack} has no container ${container}`);
    const secret = (found.Secrets ?? []).find((s) =>
      ['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CERT_DATA'].includes(s.Name),
    );
    if (!secret) throw new Error(`${container} reads no Temporal client certificate`);
    return JSON.stringify(secret.ValueFrom);
  }

  it('gives the worker, the API, the Web UI and the admin tasks each a certificate secret of its own', () => {
    const sources = {
      worker: certificateSource('workers', 'worker'),
      api: certificateSource('api', 'api'),
      ui: certificateSource('api', 'temporal-ui'),
      admin: certificateSource('temporal', 'admin'),
    };
    for (const [client, source] of Object.entries(sources)) {
      expect(source).toMatch(new RegExp(`TemporalClientTls${client}Secret`));
      expect(source).toContain(`:${client}Cert${client === 'ui' ? 'B64' : ''}::`);
    }
    expect(new Set(Object.values(sources)).size).toBe(4);
    const secrets = selfHosted().template('secrets');
    for (const client of Object.keys(sources)) {
      secrets.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `saring/dev/temporal/clients/${client}`,
        KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
      });
    }
    // The cluster secret holds the CA and the server pair only: no client key every task could read.
    secrets.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'saring/dev/temporal/tls',
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: JSON.stringify({
          caCert: 'REPLACE_ME',
          caCertB64: 'REPLACE_ME',
          serverCertB64: 'REPLACE_ME',
          serverKeyB64: 'REPLACE_ME',
        }),
      }),
    });
  });
});

describe('temporal database user, self-hosted (defect 7 of issue 11)', () => {
  /** The Secrets Manager secret an ECS secret reference points at (its logical id inside the temporal stack). */
  function secretIdOf(container: ContainerDefinition, variable: string): string {
    const reference = (container.Secrets ?? []).find((s) => s.Name === variable);
    if (!reference) throw new Error(`${container.Name} reads no ${variable}`);
    const match = /"Ref":"(SelfHostedDatabase[A-Za-z0-9]+)"/.exec(JSON.stringify(reference.ValueFrom));
    if (!match) throw new Error(`${variable} of ${container.Name} is not a database secret`);
    return match[1]!;
  }

  it('runs the servers as Temporal’s own user; only the schema task holds the master user, and creates that user', () => {
    const template = selfHosted().json('temporal');
    const [appSecretId] = resourcesOfType(template, 'AWS::SecretsManager::Secret').find(
      ([, r]) => r.Properties?.Name === 'saring/dev/temporal/db',
    )!;
    expect(JSON.stringify(template)).toContain('"MasterUsername":"temporal_admin"');
    for (const server of serverContainers()) {
      expect(secretIdOf(server, 'POSTGRES_USER')).toBe(appSecretId);
      expect(secretIdOf(server, 'POSTGRES_PWD')).toBe(appSecretId);
    }
    const schema = containersOf(template).find((c) => JSON.stringify(c.Command).includes('setup-schema'))!;
    expect(secretIdOf(schema, 'SQL_USER')).not.toBe(appSecretId);
    expect(secretIdOf(schema, 'TEMPORAL_DB_USER')).toBe(appSecretId);
    const script = schema.Command!.join('\n');
    expect(script).toMatch(/ALTER ROLE :"user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD/);
    expect(script).toMatch(/GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"user"/);
    expect(script).not.toMatch(/GRANT ALL|SUPERUSER;|CREATEROLE;/);
  });
});
