import { type CredentialSecret } from '../constructs/credential-secret';
import { CfnOutput, Duration, Fn } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { type IVpc, Peer, Port, SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { Cluster, ContainerInsights } from 'aws-cdk-lib/aws-ecs';
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ApplicationTargetGroup,
  ListenerAction,
  ListenerCondition,
  SslPolicy,
  TargetType,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { AuthenticateCognitoAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2-actions';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { type IBucket } from 'aws-cdk-lib/aws-s3';
import { type Construct } from 'constructs';
import { acknowledge, skipCheckov } from '../compliance';
import { OfficerDirectory } from '../constructs/api/officer-directory';
import { WebFirewall } from '../constructs/api/web-firewall';
import { HardenedFargateService, httpHealthCheck } from '../constructs/hardened-fargate-service';
import { grantObjectAccess } from '../constructs/object-access';
import { type TemporalConnection } from '../constructs/temporal/connection';
import { type TemporalWebUiSpec } from '../constructs/temporal/self-hosted-temporal';
import { appImage, ENTRYPOINTS } from '../image';
import { AUDIT_ENV } from '../../config/audit-env';
import { METRICS_NAMESPACE } from '../../config/metrics';
import { RUNTIME_ENV } from '../../config/runtime-env';
import { SIDECAR_OTLP_TRACES_URL } from '../../config/telemetry';
import { TelemetrySidecar } from '../constructs/telemetry-sidecar';
import { SUBNETS } from './network-stack';
import { names } from '../naming';
import { SaringStack, type SaringStackProps } from './saring-stack';

export interface ApiStackProps extends SaringStackProps {
  readonly vpc: IVpc;
  readonly platformKey: IKey;
  readonly dataKey: IKey;
  readonly accessLogsBucket: IBucket;
  /** Wraps the reporter vault's data keys; only the API's task role may use it. */
  readonly vaultKey: IKey;
  /** The key the worker signs audit ledger heads with; the API only reads its public half to verify them. */
  readonly ledgerKey: IKey;
  readonly temporal: TemporalConnection;
  /** Channel and notification config JSON: the worker's, never handed to the API (it holds channel credentials). */
  readonly appConfig: CredentialSecret;
  /** The payload codec's key ring, as SARING_CODEC_KEY_RING. */
  readonly codecKeys: CredentialSecret;
  /** Self-hosted mode: the Temporal Web UI to serve on its own host name, for admins and auditors only. */
  readonly temporalWebUi?: TemporalWebUiSpec;
}

const TARGETS_INSIDE_VPC =
  'TLS terminates at the load balancer; the hop to the task stays inside the private app subnets and its security group.';

/**
 * The officers' entry point: a public ALB (HTTPS only, WAF, access logs) serving the API and console from
 * this repository's image, the Cognito user pool whose groups are the roles, and in self-hosted mode the
 * Temporal Web UI behind Cognito authentication.
 */
export class ApiStack extends SaringStack {
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly api: HardenedFargateService;
  readonly directory: OfficerDirectory;
  readonly apiTargetGroup: ApplicationTargetGroup;

  constructor(scope: Construct, props: ApiStackProps) {
    super(scope, 'Api', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const evidenceBucket = names.bucket(this.config, 'evidence');
    const auditBucket = names.bucket(this.config, 'audit');
    const vaultBucket = names.bucket(this.config, 'vault');
    const { config } = this;
    const { api } = config;
    const logRetentionDays = config.observability.logRetentionDays;
    const consoleUrl = `https://${api.domainName}`;

    this.directory = new OfficerDirectory(this, 'Officers', {
      envName: config.name,
      domainPrefix: api.cognitoDomainPrefix,
      consoleUrl,
      temporalUiUrl: props.temporalWebUi ? `https://${api.temporalUiDomainName}` : undefined,
      logKey: platformKey,
      logRetentionDays,
    });

    const albSecurityGroup = new SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: props.vpc,
      description: 'Public HTTPS entry point (WAF-protected)',
      allowAllOutbound: false,
    });
    albSecurityGroup.addIngressRule(
      Peer.anyIpv4(),
      Port.tcp(443),
      'HTTPS from officers and the public complaint form',
    );
    // The authenticate-cognito action calls Cognito's token endpoint from the load balancer.
    albSecurityGroup.addEgressRule(
      Peer.anyIpv4(),
      Port.tcp(443),
      'Cognito token endpoint (authenticate action)',
    );
    acknowledge(albSecurityGroup, {
      id: 'AwsSolutions-EC23',
      reason:
        'Internet-facing entry point for officers and the public complaint form; WAF and Cognito guard it, targets stay private.',
    });

    this.loadBalancer = new ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      vpcSubnets: SUBNETS.public,
      internetFacing: true,
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: config.name === 'prod',
      idleTimeout: Duration.seconds(60),
    });
    this.loadBalancer.logAccessLogs(props.accessLogsBucket, `alb/${config.name}`);
    if (config.name !== 'prod') {
      skipCheckov(this.loadBalancer, {
        id: 'CKV_AWS_150',
        reason: 'Deletion protection is on in prod only; other environments are torn down freely.',
      });
    }

    new WebFirewall(this, 'Firewall', {
      name: `saring-${config.name}`,
      rateLimit: api.wafRateLimit,
      resourceArn: this.loadBalancer.loadBalancerArn,
      logKey: platformKey,
      logRetentionDays,
    });

    // HTTPS only: no port 80 listener at all (browsers try HTTPS first; nothing is ever served in clear text).
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: ApplicationProtocol.HTTPS,
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      certificates: [Certificate.fromCertificateArn(this, 'Certificate', api.certificateArn)],
      defaultAction: ListenerAction.fixedResponse(404, {
        contentType: 'text/plain',
        messageBody: 'Not found',
      }),
    });

    const cluster = new Cluster(this, 'Cluster', {
      vpc: props.vpc,
      clusterName: names.cluster(config, 'api'),
      containerInsightsV2: ContainerInsights.ENABLED,
    });

    this.api = new HardenedFargateService(this, 'Api', {
      cluster,
      vpc: props.vpc,
      subnets: SUBNETS.app,
      description: 'Saring API and console',
      image: appImage(),
      containerName: 'api',
      command: [ENTRYPOINTS.api],
      // Named, so the vault key's policy (data stack) can name it as the key's only user.
      taskRoleName: names.apiTaskRole(config),
      size: api,
      desiredCount: api.desiredCount,
      environment: {
        // NODE_ENV comes from the image; only what the API reads is set here (test/infra/runtime-env-contract).
        ...props.temporal.clientEnvironment,
        [RUNTIME_ENV.port]: String(api.port),
        [RUNTIME_ENV.taskQueue]: config.workers.taskQueue,
        [RUNTIME_ENV.evidenceBucket]: evidenceBucket,
        [RUNTIME_ENV.auditBucket]: auditBucket,
        [RUNTIME_ENV.vaultBucket]: vaultBucket,
        [RUNTIME_ENV.vaultKmsKeyId]: props.vaultKey.keyArn,
        [AUDIT_ENV.ledgerKmsKeyId]: props.ledgerKey.keyArn,
        // The API's own settings, none secret; Temporal, the vault bucket and key come from the variables here.
        [RUNTIME_ENV.appConfigJson]: JSON.stringify({
          temporal: {},
          api: { reporterVault: { s3: { region: this.region }, bucket: vaultBucket, keys: {} } },
        }),
        [RUNTIME_ENV.metricsNamespace]: METRICS_NAMESPACE,
        // The issuer in Cognito access tokens (iss): https://cognito-idp.<region>.amazonaws.com/<poolId>.
        [RUNTIME_ENV.oidcIssuer]: `https://cognito-idp.${this.region}.amazonaws.com/${this.directory.userPool.userPoolId}`,
        [RUNTIME_ENV.oidcConsoleClientId]: this.directory.consoleClient.userPoolClientId,
        [RUNTIME_ENV.oidcCliClientId]: this.directory.cliClient.userPoolClientId,
        [RUNTIME_ENV.oidcMachineClientIds]: Fn.join(
          ',',
          this.directory.machineClients.map((client) => client.userPoolClientId),
        ),
        // Request spans go to the collector sidecar, which sends them on to X-Ray.
        [RUNTIME_ENV.otel]: SIDECAR_OTLP_TRACES_URL,
      },
      // Not the app config secret: that holds partner channel and notification credentials the API never uses.
      secrets: {
        ...props.temporal.clientSecretsFor('api'),
        [RUNTIME_ENV.codecKeyRing]: props.codecKeys.field('keyRing'),
      },
      extraEgressPorts: [...props.temporal.externalEgressPorts],
      containerPorts: [api.port],
      healthCheck: httpHealthCheck(api.port, api.healthCheckPath),
      platformKey,
      logRetentionDays,
      readonlyRootFilesystem: true,
      stopTimeout: Duration.seconds(30),
    });
    props.temporal.allowClient(this.api.service);
    new TelemetrySidecar(this, 'Telemetry', {
      task: this.api.task,
      platformKey,
      logRetentionDays,
      jobName: 'saring-api',
    });
    const apiRole = this.api.task.taskDefinition.taskRole;
    grantObjectAccess(apiRole, evidenceBucket, props.dataKey, { read: true });
    grantObjectAccess(apiRole, auditBucket, props.dataKey, { read: true });
    grantObjectAccess(apiRole, vaultBucket, props.vaultKey, { read: true, write: true });
    // Auditors' archive verification trusts the ledger key: its public half only, never Sign.
    Grant.addToPrincipal({
      grantee: apiRole,
      actions: ['kms:GetPublicKey'],
      resourceArns: [props.ledgerKey.keyArn],
    });
    // Envelope encryption: data keys are generated and unwrapped only for a named reporter record.
    Grant.addToPrincipal({
      grantee: apiRole,
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resourceArns: [props.vaultKey.keyArn],
      conditions: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['saring:reporterRef'] } },
    });

    this.apiTargetGroup = https.addTargets('ApiTargets', {
      priority: 10,
      conditions: [ListenerCondition.hostHeaders([api.domainName])],
      port: api.port,
      protocol: ApplicationProtocol.HTTP,
      targets: [this.api.service.loadBalancerTarget({ containerName: 'api', containerPort: api.port })],
      healthCheck: { path: api.healthCheckPath, healthyHttpCodes: '200', interval: Duration.seconds(15) },
      deregistrationDelay: Duration.seconds(20),
    });
    skipCheckov(this.apiTargetGroup, { id: 'CKV_AWS_378', reason: TARGETS_INSIDE_VPC });

    // For DNS (CNAME both host names to the load balancer) and for engineers creating officer accounts.
    new CfnOutput(this, 'LoadBalancerDnsName', { value: this.loadBalancer.loadBalancerDnsName });
    new CfnOutput(this, 'UserPoolId', { value: this.directory.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.directory.consoleClient.userPoolClientId });

    if (props.temporalWebUi) {
      this.addTemporalWebUi(props.temporalWebUi, props, platformKey, cluster, https);
    }
  }

  private addTemporalWebUi(
    spec: TemporalWebUiSpec,
    props: ApiStackProps,
    platformKey: IKey,
    cluster: Cluster,
    https: ReturnType<ApplicationLoadBalancer['addListener']>,
  ): void {
    const { config } = this;
    const ui = new HardenedFargateService(this, 'TemporalUi', {
      cluster,
      vpc: props.vpc,
      subnets: SUBNETS.app,
      description: 'Temporal Web UI (behind Cognito authentication)',
      image: spec.image,
      containerName: 'temporal-ui',
      size: spec.size,
      desiredCount: spec.desiredCount,
      environment: spec.environment,
      secrets: spec.secrets,
      containerPorts: [spec.port],
      platformKey,
      logRetentionDays: config.observability.logRetentionDays,
      readonlyRootFilesystem: { writableBecause: spec.writableRootBecause },
    });
    props.temporal.allowClient(ui.service);

    const targets = new ApplicationTargetGroup(this, 'TemporalUiTargets', {
      vpc: props.vpc,
      port: spec.port,
      protocol: ApplicationProtocol.HTTP,
      targetType: TargetType.IP,
      targets: [ui.service.loadBalancerTarget({ containerName: 'temporal-ui', containerPort: spec.port })],
      healthCheck: { path: '/', healthyHttpCodes: '200-399' },
      deregistrationDelay: Duration.seconds(10),
    });
    skipCheckov(targets, { id: 'CKV_AWS_378', reason: TARGETS_INSIDE_VPC });

    https.addAction('TemporalUi', {
      priority: 20,
      conditions: [ListenerCondition.hostHeaders([config.api.temporalUiDomainName])],
      action: new AuthenticateCognitoAction({
        userPool: this.directory.userPool,
        userPoolClient: this.directory.temporalUiClient!,
        userPoolDomain: this.directory.domain,
        scope: `openid email ${this.directory.temporalUiScope}`,
        sessionTimeout: Duration.hours(8),
        next: ListenerAction.forward([targets]),
      }),
    });
  }
}
