import { type IVpc } from 'aws-cdk-lib/aws-ec2';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { type Construct } from 'constructs';
import { type TemporalConnection } from '../constructs/temporal/connection';
import { SelfHostedTemporal } from '../constructs/temporal/self-hosted-temporal';
import { TemporalCloudConnection } from '../constructs/temporal/temporal-cloud';
import { SaringStack, type SaringStackProps } from './saring-stack';
import { type SecretsStack } from './secrets-stack';

export interface TemporalStackProps extends SaringStackProps {
  readonly vpc: IVpc;
  readonly platformKey: IKey;
  readonly secrets: SecretsStack;
}

/** Temporal, in the mode the environment selects: a self-hosted cluster, or the connection to Temporal Cloud. */
export class TemporalStack extends SaringStack {
  readonly connection: TemporalConnection;
  /** Present in self-hosted mode: the Web UI service the API stack puts behind its authenticated listener. */
  readonly selfHosted?: SelfHostedTemporal;

  constructor(scope: Construct, props: TemporalStackProps) {
    super(scope, 'Temporal', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const { config } = this;
    const temporal = config.temporal;
    if (temporal.mode === 'self-hosted') {
      this.selfHosted = new SelfHostedTemporal(this, 'SelfHosted', {
        envName: config.name,
        vpc: props.vpc,
        platformKey,
        tls: required(props.secrets.temporalTls, 'temporalTls'),
        clientTls: required(props.secrets.temporalClientTls, 'temporalClientTls'),
        settings: temporal,
        logRetentionDays: config.observability.logRetentionDays,
      });
      this.connection = this.selfHosted;
    } else {
      this.connection = new TemporalCloudConnection(this, 'Cloud', {
        credentials: required(props.secrets.temporalCloud, 'temporalCloud'),
        settings: temporal,
      });
    }

    // Where the application's Temporal is, for engineers and tools (`aws ssm get-parameters-by-path`).
    const prefix = `/saring/${config.name}/temporal`;
    new StringParameter(this, 'ModeParameter', {
      parameterName: `${prefix}/mode`,
      stringValue: temporal.mode,
    });
    new StringParameter(this, 'AddressParameter', {
      parameterName: `${prefix}/address`,
      stringValue: this.connection.address,
    });
    new StringParameter(this, 'NamespaceParameter', {
      parameterName: `${prefix}/namespace`,
      stringValue: this.connection.namespace,
    });
  }
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The Secrets stack has no ${name} secret for this Temporal mode`);
  return value;
}
