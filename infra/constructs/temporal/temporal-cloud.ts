import { type Secret } from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { type z } from 'zod';
import { type TemporalCloud as TemporalCloudSettings } from '../../config/schema';
import { RUNTIME_ENV } from '../../../config/runtime-env';
import { type CredentialSecret } from '../credential-secret';
import { CLOUD_CREDENTIAL_FIELDS } from './credential-fields';
import { type TemporalConnection } from './connection';

export interface TemporalCloudProps {
  /** The API key or mTLS client certificate (Secrets stack). */
  readonly credentials: CredentialSecret;
  readonly settings: z.infer<typeof TemporalCloudSettings>;
}

/** Connection to a Temporal Cloud namespace; the API key or mTLS client certificate lives in Secrets Manager. */
export class TemporalCloudConnection extends Construct implements TemporalConnection {
  readonly mode = 'cloud' as const;
  readonly namespace: string;
  readonly address: string;
  readonly clientEnvironment: Record<string, string>;
  private readonly clientSecrets: Record<string, Secret>;
  readonly externalEgressPorts: readonly number[];
  readonly credentials: CredentialSecret;

  constructor(scope: Construct, id: string, props: TemporalCloudProps) {
    super(scope, id);
    const { settings } = props;
    this.namespace = settings.namespace;
    this.address = settings.endpoint;
    this.externalEgressPorts = [Number(settings.endpoint.split(':')[1])];

    this.credentials = props.credentials;

    this.clientEnvironment = {
      [RUNTIME_ENV.temporalAddress]: settings.endpoint,
      [RUNTIME_ENV.temporalNamespace]: settings.namespace,
      [RUNTIME_ENV.temporalTls]: 'true',
    };
    const mtls = CLOUD_CREDENTIAL_FIELDS.mtls;
    this.clientSecrets =
      settings.auth === 'mtls'
        ? {
            [RUNTIME_ENV.temporalTlsClientCertData]: this.credentials.field(mtls.clientCert),
            [RUNTIME_ENV.temporalTlsClientKeyData]: this.credentials.field(mtls.clientKey),
          }
        : { [RUNTIME_ENV.temporalApiKey]: this.credentials.field(CLOUD_CREDENTIAL_FIELDS['api-key'].apiKey) };
  }

  /** One Temporal Cloud credential serves the worker and the API (per-service API keys: not done). */
  clientSecretsFor(): Record<string, Secret> {
    return this.clientSecrets;
  }

  /** Clients reach Temporal Cloud over the internet (NAT); their egress rule comes from externalEgressPorts. */
  allowClient(): void {}
}
