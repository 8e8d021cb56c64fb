import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { type Construct } from 'constructs';
import { type EnvironmentConfig } from '../config/schema';

export interface SaringStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Base for every Saring stack: pinned account/region, naming, tags, and AZs from config (never looked up). */
export abstract class SaringStack extends Stack {
  readonly config: EnvironmentConfig;

  protected constructor(scope: Construct, concern: string, props: SaringStackProps) {
    const { config } = props;
    super(scope, `Saring-${config.name}-${concern}`, {
      ...props,
      env: { account: config.account, region: config.region },
      stackName: `saring-${config.name}-${concern.toLowerCase()}`,
      terminationProtection: config.name === 'prod',
    });
    this.config = config;
    Tags.of(this).add('Project', 'saring');
    Tags.of(this).add('Environment', config.name);
    Tags.of(this).add('Concern', concern.toLowerCase());
  }

  /**
   * References a key owned by the Data stack as an imported key. Grants through an imported key land in this
   * stack's IAM policies (the key policy trusts the account), never in the Data stack's key policy, which would
   * make the Data stack depend on every consumer's roles.
   */
  protected keyRef(id: string, key: IKey): IKey {
    return Key.fromKeyArn(this, id, key.keyArn);
  }

  override get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}
