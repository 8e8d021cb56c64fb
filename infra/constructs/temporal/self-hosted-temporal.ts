import { CfnOutput, Duration } from 'aws-cdk-lib';
import { type IConnectable, type IVpc, Peer, Port, SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import {
  Cluster,
  type ContainerImage,
  ContainerInsights,
  type FargateService,
  Secret,
} from 'aws-cdk-lib/aws-ecs';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { DnsRecordType, PrivateDnsNamespace } from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { type z } from 'zod';
import { type SelfHostedTemporal as SelfHostedSettings } from '../../config/schema';
import { RUNTIME_ENV } from '../../../config/runtime-env';
import { SUBNETS } from '../../stacks/network-stack';
import { HardenedFargateService, HardenedTask } from '../hardened-fargate-service';
import { type TemporalConnection } from './connection';
import { DeployTimeTasks } from './deploy-time-tasks';
import { type CredentialSecret } from '../credential-secret';
import { clientTlsFields, type TemporalClient, TLS_FIELDS } from './credential-fields';
import { TemporalDatabase } from './temporal-database';
import {
  ROLE_LABEL,
  SERVER_METRIC_DECLARATIONS,
  SERVER_METRICS_PORT,
  TEMPORAL_SERVER_METRICS_NAMESPACE,
} from './server-metrics';
import { TelemetrySidecar } from '../telemetry-sidecar';
import { cachedImage } from '../images/pull-through-cache';
import { temporalUserScript } from './temporal-user-script';
import { serverHealthCheck } from './server-health-check';
import { caseSearchAttributeTypes } from '../../../domain/search-attributes';

export interface TemporalWebUiSpec {
  readonly image: ContainerImage;
  readonly size: { readonly cpu: number; readonly memoryMiB: number };
  readonly desiredCount: number;
  readonly port: number;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, Secret>;
  readonly writableRootBecause: string;
}

export interface SelfHostedTemporalProps {
  readonly envName: string;
  readonly vpc: IVpc;
  readonly platformKey: IKey;
  /** The cluster's CA and server certificate (Secrets stack). */
  readonly tls: CredentialSecret;
  /** One client certificate secret per client (Secrets stack). */
  readonly clientTls: Readonly<Record<TemporalClient, CredentialSecret>>;
  readonly settings: z.infer<typeof SelfHostedSettings> & { readonly namespace: string };
  readonly logRetentionDays: number;
}

/** Temporal server roles, their gRPC and membership ports (Temporal's defaults). */
const ROLES = {
  frontend: { grpc: 7233, membership: 6933 },
  history: { grpc: 7234, membership: 6934 },
  matching: { grpc: 7235, membership: 6935 },
  worker: { grpc: 7239, membership: 6939 },
} as const;
type Role = keyof typeof ROLES;

const UI_PORT = 8080;
const WRITABLE_CONFIG =
  'The image renders its config file under /etc/temporal at start (dockerize), so its root filesystem must be writable.';

/**
 * A self-hosted Temporal cluster: frontend, history, matching and worker services on Fargate, Aurora
 * PostgreSQL, mutual TLS between every node and for every client, and deploy-time tasks that set up or
 * upgrade the schema before the servers start and register the namespace after. The Web UI is described here (`webUi`) and run by the API stack,
 * behind the load balancer that authenticates engineers against Cognito.
 */
export class SelfHostedTemporal extends Construct implements TemporalConnection {
  readonly mode = 'self-hosted' as const;
  readonly namespace: string;
  readonly clientEnvironment: Record<string, string>;
  readonly externalEgressPorts: readonly number[] = [];
  readonly frontendAddress: string;
  readonly address: string;
  readonly services: Record<Role, FargateService>;
  /** How to run the Web UI; the API stack runs it behind its Cognito-authenticated listener. */
  readonly webUi: TemporalWebUiSpec;
  readonly database: TemporalDatabase;
  readonly tls: CredentialSecret;
  private readonly clientTls: Readonly<Record<TemporalClient, CredentialSecret>>;
  private readonly serverSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: SelfHostedTemporalProps) {
    super(scope, id);
    const { settings, vpc, platformKey, envName, logRetentionDays } = props;
    this.namespace = settings.namespace;

    const dnsNamespace = new PrivateDnsNamespace(this, 'Dns', {
      name: `temporal.saring-${envName}.internal`,
      vpc,
    });
    const frontendHost = `frontend.${dnsNamespace.namespaceName}`;
    const internodeHost = `internode.${dnsNamespace.namespaceName}`;
    this.frontendAddress = `${frontendHost}:${ROLES.frontend.grpc}`;
    this.address = this.frontendAddress;

    this.tls = props.tls;
    this.clientTls = props.clientTls;

    this.database = new TemporalDatabase(this, 'Database', {
      vpc,
      encryptionKey: platformKey,
      settings: settings.database,
      clusterIdentifier: `saring-${envName}-temporal`,
      secretName: `saring/${envName}/temporal/db`,
      logRetentionDays,
    });
    const db = this.database;

    const clusterName = `saring-${envName}-temporal`;
    const cluster = new Cluster(this, 'Cluster', {
      vpc,
      clusterName,
      containerInsightsV2: ContainerInsights.ENABLED,
    });

    // One group for all server roles: they gossip membership and call each other on every role's ports.
    this.serverSecurityGroup = new SecurityGroup(this, 'ServerSecurityGroup', {
      vpc,
      description: 'Temporal server roles (frontend, history, matching, worker)',
      allowAllOutbound: false,
    });
    const serverSg = this.serverSecurityGroup;
    const membership = Port.tcpRange(ROLES.frontend.membership, ROLES.worker.membership);
    const grpc = Port.tcpRange(ROLES.frontend.grpc, ROLES.worker.grpc);
    serverSg.addIngressRule(serverSg, membership, 'Ringpop membership between server roles');
    serverSg.addIngressRule(serverSg, grpc, 'gRPC between server roles (mTLS)');
    serverSg.addEgressRule(serverSg, membership, 'Ringpop membership between server roles');
    serverSg.addEgressRule(serverSg, grpc, 'gRPC between server roles (mTLS)');
    serverSg.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to AWS APIs and the image registry');
    db.cluster.connections.allowDefaultPortFrom(serverSg, 'Temporal server roles');

    const serverImage = cachedImage(this, 'ServerImage', {
      prefix: 'docker-hub',
      repository: 'temporalio/server',
      tag: settings.serverVersion,
    });
    const dbEnvironment = {
      DB: 'postgres12',
      DB_PORT: String(settings.database.port),
      POSTGRES_SEEDS: db.cluster.clusterEndpoint.hostname,
      DBNAME: TemporalDatabase.DATABASES.default,
      VISIBILITY_DBNAME: TemporalDatabase.DATABASES.visibility,
      // Aurora enforces TLS (rds.force_ssl); the image ships no RDS CA bundle to verify the host against.
      // Image generations name the switch differently, so both spellings are set.
      SQL_TLS_ENABLED: 'true',
      SQL_HOST_VERIFICATION: 'false',
      POSTGRES_TLS_ENABLED: 'true',
      POSTGRES_TLS_DISABLE_HOST_VERIFICATION: 'true',
    };
    const serverSecrets: Record<string, Secret> = {
      POSTGRES_USER: ecsSecret(db, 'username'),
      POSTGRES_PWD: ecsSecret(db, 'password'),
      TEMPORAL_TLS_SERVER_CA_CERT_DATA: this.tls.field(TLS_FIELDS.caCertB64),
      TEMPORAL_TLS_SERVER_CERT_DATA: this.tls.field(TLS_FIELDS.serverCertB64),
      TEMPORAL_TLS_SERVER_KEY_DATA: this.tls.field(TLS_FIELDS.serverKeyB64),
      TEMPORAL_TLS_FRONTEND_CERT_DATA: this.tls.field(TLS_FIELDS.serverCertB64),
      TEMPORAL_TLS_FRONTEND_KEY_DATA: this.tls.field(TLS_FIELDS.serverKeyB64),
      TEMPORAL_TLS_CLIENT1_CA_CERT_DATA: this.tls.field(TLS_FIELDS.caCertB64),
    };

    // Admin task: schema setup/upgrade by default; engineers run `temporal operator ...` with a command override.
    const adminSg = new SecurityGroup(this, 'AdminSecurityGroup', {
      vpc,
      description: 'Temporal admin task (schema tool, temporal CLI)',
      allowAllOutbound: false,
    });
    adminSg.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to AWS APIs and the image registry');
    db.cluster.connections.allowDefaultPortFrom(adminSg, 'Temporal admin task (schema)');
    adminSg.connections.allowTo(serverSg, Port.tcp(ROLES.frontend.grpc), 'temporal CLI to the frontend');
    const adminImage = cachedImage(this, 'AdminImage', {
      prefix: 'docker-hub',
      repository: 'temporalio/admin-tools',
      tag: settings.adminToolsVersion,
    });
    const adminTask = (id: string, family: string, script: string): HardenedTask =>
      new HardenedTask(this, id, {
        image: adminImage,
        containerName: 'admin',
        family: `saring-${envName}-temporal-${family}`,
        size: settings.adminTask,
        // The image's ENTRYPOINT is `tini -- sleep infinity`: without our own, ECS would run `sleep infinity sh -c ...`.
        entryPoint: ['sh', '-c'],
        command: [script],
        environment: {
          SQL_PLUGIN: 'postgres12',
          SQL_HOST: db.cluster.clusterEndpoint.hostname,
          SQL_PORT: String(settings.database.port),
          SQL_TLS: 'true',
          SQL_TLS_DISABLE_HOST_VERIFICATION: 'true',
          TEMPORAL_DB: TemporalDatabase.DATABASES.default,
          TEMPORAL_VISIBILITY_DB: TemporalDatabase.DATABASES.visibility,
          // The temporal CLI reads these (legacy, still supported) names in every admin-tools version.
          TEMPORAL_ADDRESS: this.frontendAddress,
          TEMPORAL_NAMESPACE: this.namespace,
          TEMPORAL_TLS_SERVER_NAME: frontendHost,
          NAMESPACE_RETENTION: `${settings.namespaceRetentionDays * 24}h`,
        },
        secrets: {
          // The master user creates the databases, the schema and Temporal's own user; the servers never see it.
          SQL_USER: Secret.fromSecretsManager(db.masterSecret, 'username'),
          SQL_PASSWORD: Secret.fromSecretsManager(db.masterSecret, 'password'),
          TEMPORAL_DB_USER: ecsSecret(db, 'username'),
          TEMPORAL_DB_PASSWORD: ecsSecret(db, 'password'),
          ...this.clientTlsSecrets('admin', {
            ca: 'TEMPORAL_TLS_CA_DATA',
            cert: 'TEMPORAL_TLS_CERT_DATA',
            key: 'TEMPORAL_TLS_KEY_DATA',
          }),
        },
        platformKey,
        logRetentionDays,
        readonlyRootFilesystem: true,
      });
    // Schema setup/upgrade; engineers also run ad-hoc `temporal operator ...` on it with a command override.
    const admin = adminTask('AdminTask', 'admin', schemaScript());
    const namespaceTask = adminTask('NamespaceTask', 'namespace', namespaceScript());
    const deployTasks = new DeployTimeTasks(this, 'DeployTasks', {
      cluster,
      clusterName,
      vpc,
      subnets: SUBNETS.app,
      logKey: platformKey,
      logRetentionDays,
    });
    const schema = deployTasks.run('Schema', admin.taskDefinition, adminSg);
    // The cluster resource completes before any instance accepts connections: wait for the writer.
    for (const instance of db.instances) schema.node.addDependency(instance);

    const services: Partial<Record<Role, FargateService>> = {};
    for (const role of Object.keys(ROLES) as Role[]) {
      const size = settings[role];
      const server = new HardenedFargateService(this, `${capitalize(role)}Service`, {
        cluster,
        vpc,
        subnets: SUBNETS.app,
        securityGroup: serverSg,
        description: `Temporal ${role}`,
        image: serverImage,
        containerName: role,
        size,
        desiredCount: size.desiredCount,
        // Roles restart one task at a time so membership never loses a whole role.
        minHealthyPercent: 100,
        environment: {
          ...dbEnvironment,
          SERVICES: role,
          NUM_HISTORY_SHARDS: String(settings.numHistoryShards),
          LOG_LEVEL: 'info',
          PUBLIC_FRONTEND_ADDRESS: this.frontendAddress,
          TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true',
          TEMPORAL_TLS_INTERNODE_SERVER_NAME: internodeHost,
          TEMPORAL_TLS_FRONTEND_SERVER_NAME: frontendHost,
          PROMETHEUS_ENDPOINT: `127.0.0.1:${SERVER_METRICS_PORT[role]}`,
        },
        secrets: serverSecrets,
        containerPorts: [ROLES[role].grpc, ROLES[role].membership],
        healthCheck: serverHealthCheck({
          role,
          grpcPort: ROLES[role].grpc,
          membershipPort: ROLES[role].membership,
        }),
        platformKey,
        logRetentionDays,
        readonlyRootFilesystem: { writableBecause: WRITABLE_CONFIG },
        stopTimeout: Duration.seconds(60),
        cloudMapOptions:
          role === 'frontend'
            ? {
                name: 'frontend',
                cloudMapNamespace: dnsNamespace,
                dnsRecordType: DnsRecordType.A,
                dnsTtl: Duration.seconds(10),
              }
            : undefined,
      });
      // Server metrics into CloudWatch: the role's collector scrapes its Prometheus endpoint on localhost.
      new TelemetrySidecar(this, `${capitalize(role)}Telemetry`, {
        task: server.task,
        platformKey,
        logRetentionDays,
        prometheusPort: SERVER_METRICS_PORT[role],
        jobName: `temporal-${role}`,
        traces: false,
        metricsNamespace: TEMPORAL_SERVER_METRICS_NAMESPACE,
        metricDeclarations: SERVER_METRIC_DECLARATIONS,
        scrapeLabels: { [ROLE_LABEL]: role },
      });
      server.node.addDependency(schema);
      services[role] = server.service;
    }
    this.services = services as Record<Role, FargateService>;

    // What engineers need for `aws ecs run-task` with the admin task (subnets: the Network stack's AppSubnetIds).
    new CfnOutput(this, 'AdminTaskFamily', { value: admin.taskDefinition.family });
    new CfnOutput(this, 'AdminSecurityGroupId', { value: adminSg.securityGroupId });

    // Registers the application namespace (or updates its retention) once the cluster is up.
    const namespaceRun = deployTasks.run('Namespace', namespaceTask.taskDefinition, adminSg);
    for (const service of Object.values(this.services)) namespaceRun.node.addDependency(service);

    this.webUi = {
      image: cachedImage(this, 'UiImage', {
        prefix: 'docker-hub',
        repository: 'temporalio/ui',
        tag: settings.uiVersion,
      }),
      size: settings.ui,
      desiredCount: settings.ui.desiredCount,
      port: UI_PORT,
      environment: {
        TEMPORAL_ADDRESS: this.frontendAddress,
        TEMPORAL_UI_PORT: String(UI_PORT),
        TEMPORAL_DEFAULT_NAMESPACE: this.namespace,
        TEMPORAL_TLS_SERVER_NAME: frontendHost,
        TEMPORAL_TLS_ENABLE_HOST_VERIFICATION: 'true',
        TEMPORAL_CSRF_COOKIE_INSECURE: 'false',
        TEMPORAL_SHOW_TEMPORAL_SYSTEM_NAMESPACE: 'false',
        // Read-only UI: no terminate, cancel, reset or signal from the browser; changes go through runbooks.
        TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
      },
      secrets: {
        ...this.clientTlsSecrets('ui', {
          ca: 'TEMPORAL_TLS_CA_DATA',
          cert: 'TEMPORAL_TLS_CERT_DATA',
          key: 'TEMPORAL_TLS_KEY_DATA',
        }),
      },
      writableRootBecause: WRITABLE_CONFIG,
    };

    this.clientEnvironment = {
      [RUNTIME_ENV.temporalAddress]: this.frontendAddress,
      [RUNTIME_ENV.temporalNamespace]: this.namespace,
      [RUNTIME_ENV.temporalTls]: 'true',
      [RUNTIME_ENV.temporalTlsServerName]: frontendHost,
    };
  }

  clientSecretsFor(client: 'worker' | 'fetcher' | 'api'): Record<string, Secret> {
    return this.clientTlsSecrets(client, {
      ca: RUNTIME_ENV.temporalTlsServerCaCertData,
      cert: RUNTIME_ENV.temporalTlsClientCertData,
      key: RUNTIME_ENV.temporalTlsClientKeyData,
    });
  }

  /** A client's CA, certificate and key from its own secret, under the variable names its software reads. */
  private clientTlsSecrets(
    client: TemporalClient,
    names: { ca: string; cert: string; key: string },
  ): Record<string, Secret> {
    const secret = this.clientTls[client];
    const fields = clientTlsFields(client);
    return {
      [names.ca]: secret.field(fields.caCert),
      [names.cert]: secret.field(fields.clientCert),
      [names.key]: secret.field(fields.clientKey),
    };
  }

  allowClient(client: IConnectable): void {
    client.connections.allowTo(
      this.serverSecurityGroup,
      Port.tcp(ROLES.frontend.grpc),
      'Temporal client to the frontend (mTLS)',
    );
  }
}

function ecsSecret(db: TemporalDatabase, field: 'username' | 'password'): Secret {
  return Secret.fromSecretsManager(db.secret, field);
}

/** Waits for the frontend, then creates the namespace or brings its retention in line with config. */
function namespaceScript(): string {
  return [
    'set -eu',
    // The temporal CLI (1.5) refuses CA data given without a CA path ("cannot have server CA cert path with
    // data"), found by the rehearsal: hand it the CA as a file on the task's writable /tmp instead.
    'printf "%s\\n" "$TEMPORAL_TLS_CA_DATA" > /tmp/temporal-ca.pem',
    'export TEMPORAL_TLS_CA=/tmp/temporal-ca.pem',
    'unset TEMPORAL_TLS_CA_DATA',
    'tries=0',
    'until temporal operator cluster health >/dev/null 2>&1; do tries=$((tries+1)); [ "$tries" -lt 60 ] || exit 1; sleep 5; done',
    'if temporal operator namespace describe -n "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then',
    '  temporal operator namespace update --retention "$NAMESPACE_RETENTION" -n "$TEMPORAL_NAMESPACE"',
    'else',
    '  temporal operator namespace create --retention "$NAMESPACE_RETENTION" -n "$TEMPORAL_NAMESPACE"',
    'fi',
    ...searchAttributeCommands(),
    'echo "namespace $TEMPORAL_NAMESPACE ready"',
  ].join('\n');
}

/**
 * Registers every custom search attribute the cases upsert (domain/search-attributes.ts); an attribute already
 * there is fine, any other error fails the task (and the deployment).
 */
function searchAttributeCommands(): string[] {
  return [
    // The frontend's namespace cache learns a new namespace within seconds: retry "not found" for a minute.
    'register() {',
    '  tries=0',
    '  until out=$(temporal operator search-attribute create -n "$TEMPORAL_NAMESPACE" --name "$1" --type "$2" 2>&1); do',
    '    echo "$out" | grep -qi "already" && return 0',
    '    tries=$((tries+1)); [ "$tries" -lt 30 ] || { echo "$out"; return 1; }',
    '    sleep 2',
    '  done',
    '}',
    ...caseSearchAttributeTypes().map(([name, type]) => `register ${name} ${type}`),
    'echo "search attributes registered"',
  ];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Idempotent: an existing database is kept, setup-schema skips when a version is recorded,
 * update-schema applies only the versions newer than the recorded one.
 */
function schemaScript(): string {
  const dir = '/etc/temporal/schema/postgresql/v12';
  return [
    'set -eu',
    // Only "already exists" is tolerated: a connection or permission error fails the task, loudly.
    'for db in "$TEMPORAL_DB" "$TEMPORAL_VISIBILITY_DB"; do',
    '  if out=$(temporal-sql-tool --db "$db" create-database 2>&1); then echo "database $db created";',
    '  elif echo "$out" | grep -q "already exists"; then echo "database $db exists";',
    '  else echo "$out"; exit 1; fi',
    'done',
    `temporal-sql-tool --db "$TEMPORAL_DB" setup-schema -v 0.0`,
    `temporal-sql-tool --db "$TEMPORAL_DB" update-schema -d ${dir}/temporal/versioned`,
    `temporal-sql-tool --db "$TEMPORAL_VISIBILITY_DB" setup-schema -v 0.0`,
    `temporal-sql-tool --db "$TEMPORAL_VISIBILITY_DB" update-schema -d ${dir}/visibility/versioned`,
    'echo "schema up to date"',
    ...temporalUserScript(),
  ].join('\n');
}
