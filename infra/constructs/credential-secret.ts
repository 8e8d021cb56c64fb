import { RemovalPolicy } from 'aws-cdk-lib';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Secret as EcsSecret } from 'aws-cdk-lib/aws-ecs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance';

export interface CredentialSecretProps {
  readonly secretName: string;
  readonly encryptionKey: IKey;
  readonly description: string;
  readonly fields: readonly string[];
}

/**
 * A Secrets Manager secret created with placeholder fields for credentials issued outside AWS (certificates,
 * API keys). An engineer loads the real values (`aws secretsmanager put-secret-value`); CloudFormation and the
 * task definitions never see them.
 */
export class CredentialSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: CredentialSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: props.secretName,
      description: props.description,
      encryptionKey: props.encryptionKey,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(Object.fromEntries(props.fields.map((f) => [f, 'REPLACE_ME']))),
        generateStringKey: 'placeholder',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.secret, {
      id: 'AwsSolutions-SMG4',
      reason:
        'Certificates and API keys are issued outside AWS; they are rotated by the runbook in docs/platform-engineers.md, not by a rotation Lambda.',
    });
  }

  field(name: string): EcsSecret {
    return EcsSecret.fromSecretsManager(this.secret, name);
  }
}
