import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { MACHINE_ROLES, OFFICER_ROLES, type Role as OfficerRole } from '../../../domain/roles';
import { ignoreCfnLint, skipCheckov } from '../../compliance';
import { encryptedLogGroup } from '../encrypted-log-group';

/** Roles allowed into the Temporal Web UI: it shows every workflow's history, reporter details included. */
export const TEMPORAL_UI_ROLES: readonly OfficerRole[] = ['admin', 'auditor'];
const OPS_RESOURCE_SERVER = 'saring-ops';
const TEMPORAL_UI_SCOPE_NAME = 'temporal-ui';
/** The API as a resource server: machine clients get one saring/<machine role> scope (api/token-verifier.ts). */
const API_RESOURCE_SERVER = 'saring';
/** The CLI's loopback redirect for `saring login` (cli/commands/login.ts). */
export const CLI_CALLBACK_PORT = 53682;

export interface OfficerDirectoryProps {
  readonly envName: string;
  readonly domainPrefix: string;
  readonly consoleUrl: string;
  /** Set in self-hosted mode: adds the app client the load balancer uses to authenticate Web UI users. */
  readonly temporalUiUrl?: string;
  readonly logKey: IKey;
  readonly logRetentionDays: number;
}

/**
 * The Cognito user pool of officers. Its groups are exactly the domain roles (domain/roles.ts); MFA is
 * mandatory, self sign-up is off (admins create accounts), threat protection blocks credential stuffing.
 */
export class OfficerDirectory extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** Public client (authorization code + PKCE, refresh) for the web console. */
  readonly consoleClient: UserPoolClient;
  /** Public client (authorization code + PKCE, loopback redirect) for `saring login`. */
  readonly cliClient: UserPoolClient;
  /** Confidential client-credentials clients, one per machine role (crawler, partner). */
  readonly machineClients: UserPoolClient[];
  readonly temporalUiClient?: UserPoolClient;
  /** The OAuth scope the Web UI client asks for; the token trigger admits only TEMPORAL_UI_ROLES to it. */
  readonly temporalUiScope = `${OPS_RESOURCE_SERVER}/${TEMPORAL_UI_SCOPE_NAME}`;

  constructor(scope: Construct, id: string, props: OfficerDirectoryProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `saring-${props.envName}-officers`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Officer roles only: a machine role comes from its client's scope, never from a group.
    OFFICER_ROLES.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: `Saring role ${role} (domain/roles.ts)`,
        precedence,
      });
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'console',
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.consoleUrl}/auth/callback`],
        logoutUrls: [`${props.consoleUrl}/`],
      },
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    this.cliClient = this.userPool.addClient('CliClient', {
      userPoolClientName: 'cli',
      generateSecret: false,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [`http://localhost:${CLI_CALLBACK_PORT}/callback`],
      },
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    const machineScopes = MACHINE_ROLES.map(
      (role) =>
        new ResourceServerScope({ scopeName: role, scopeDescription: `Submit detections as the ${role}` }),
    );
    const apiServer = this.userPool.addResourceServer('ApiResourceServer', {
      identifier: API_RESOURCE_SERVER,
      scopes: machineScopes,
    });
    this.machineClients = MACHINE_ROLES.map((role, i) =>
      this.userPool.addClient(`MachineClient-${role}`, {
        userPoolClientName: `machine-${role}`,
        generateSecret: true,
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [OAuthScope.resourceServer(apiServer, machineScopes[i]!)],
        },
        accessTokenValidity: Duration.minutes(60),
      }),
    );

    if (props.temporalUiUrl) {
      const uiScope = new ResourceServerScope({
        scopeName: TEMPORAL_UI_SCOPE_NAME,
        scopeDescription: 'Sign in to the Temporal Web UI',
      });
      const ops = this.userPool.addResourceServer('OpsResourceServer', {
        identifier: OPS_RESOURCE_SERVER,
        scopes: [uiScope],
      });
      this.temporalUiClient = this.userPool.addClient('TemporalUiClient', {
        userPoolClientName: 'temporal-ui',
        // The load balancer's authenticate-cognito action is a confidential client.
        generateSecret: true,
        preventUserExistenceErrors: true,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.resourceServer(ops, uiScope)],
          callbackUrls: [`${props.temporalUiUrl}/oauth2/idpresponse`],
        },
        accessTokenValidity: Duration.minutes(60),
        idTokenValidity: Duration.minutes(60),
        refreshTokenValidity: Duration.hours(8),
      });
      this.addTemporalUiGate(props);
    }
  }

  /** Pre token generation (V2) trigger: refuses tokens carrying the Web UI scope to anyone outside TEMPORAL_UI_ROLES. */
  private addTemporalUiGate(props: OfficerDirectoryProps): void {
    const logGroup = encryptedLogGroup(this, 'UiGateLogs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    });
    const role = new Role(this, 'UiGateRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Temporal Web UI sign-in gate (writes its own log only)',
    });
    logGroup.grantWrite(role);
    const code = [
      `const SCOPE = ${JSON.stringify(this.temporalUiScope)};`,
      `const ALLOWED = new Set(${JSON.stringify(TEMPORAL_UI_ROLES)});`,
      'exports.handler = async (event) => {',
      '  const scopes = (event.request && event.request.scopes) || [];',
      '  if (!scopes.includes(SCOPE)) return event;',
      '  const groups = (event.request.groupConfiguration && event.request.groupConfiguration.groupsToOverride) || [];',
      "  if (!groups.some((g) => ALLOWED.has(g))) throw new Error('Not authorised for the Temporal Web UI');",
      '  return event;',
      '};',
    ].join('\n');
    const gate = new LambdaFunction(this, 'UiGate', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline(code),
      timeout: Duration.seconds(5),
      memorySize: 128,
      role,
      logGroup,
      description: 'Admits only admin and auditor to the Temporal Web UI',
    });
    ignoreCfnLint(gate, {
      id: 'W3005',
      reason:
        'CDK adds an explicit DependsOn on the role policy next to the GetAtt of the role; redundant, harmless.',
    });
    skipCheckov(
      gate,
      {
        id: 'CKV_AWS_115',
        reason:
          'Runs only at Web UI sign-in; reserving concurrency would only take it from the account pool.',
      },
      {
        id: 'CKV_AWS_116',
        reason:
          'Invoked synchronously by Cognito, which fails the sign-in on error; there is nothing to dead-letter.',
      },
      {
        id: 'CKV_AWS_117',
        reason: 'Pure function of the token event: it calls nothing, so it needs no VPC.',
      },
    );
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, gate, LambdaVersion.V2_0);
  }
}
