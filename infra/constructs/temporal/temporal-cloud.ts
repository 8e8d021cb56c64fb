import { type Secret } from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { type z } from 'zod';
import { type TemporalCloud as TemporalCloudSettings } from '../../config/schema';
import { RUNTIME_ENV } from '../../../config/runtime-env';
import { type CredentialSecret } from '../credential-secret';
import { CLOUD_CREDENTIAL_FIELDS, type CloudClient } from './credential-fields';
import { type TemporalConnection } from './connection';

export interface TemporalCloudProps {
  /** Each client's API key or mTLS client certificate (Secrets stack). */
  readonly credentials: Readonly<Record<CloudClient, CredentialSecret>>;
  readonly settings: z.infer<typeof TemporalCloudSettings>;
}

/** Connection to a Temporal Cloud namespace; each client's API key or certificate lives in its own secret. */
export class TemporalCloudConnection extends Construct implements TemporalConnection {
  readonly mode = 'cloud' as const;
  readonly namespace: string;
  readonly address: string;
  readonly clientEnvironment: Record<string, string>;
  readonly externalEgressPorts: readonly number[];
  private readonly credentials: Readonly<Record<CloudClient, CredentialSecret>>;
  private readonly auth: z.infer<typeof TemporalCloudSettings>['auth'];

  constructor(scope: Construct, id: string, props: TemporalCloudProps) {
    super(scope, id);
    const { settings } = props;
    this.namespace = settings.namespace;
    this.address = settings.endpoint;
    this.externalEgressPorts = [Number(settings.endpoint.split(':')[1])];
    this.credentials = props.credentials;
    this.auth = settings.auth;

    this.clientEnvironment = {
      [RUNTIME_ENV.temporalAddress]: settings.endpoint,
      [RUNTIME_ENV.temporalNamespace]: settings.namespace,
      [RUNTIME_ENV.temporalTls]: 'true',
    };
  }

  /** The client's own credential: its task's execution role can read no other client's. */
  clientSecretsFor(client: CloudClient): Record<string, Secret> {
    const credential = this.credentials[client];
    const mtls = CLOUD_CREDENTIAL_FIELDS.mtls;
    return this.auth === 'mtls'
      ? {
          [RUNTIME_ENV.temporalTlsClientCertData]: credential.field(mtls.clientCert),
          [RUNTIME_ENV.temporalTlsClientKeyData]: credential.field(mtls.clientKey),
        }
      : { [RUNTIME_ENV.temporalApiKey]: credential.field(CLOUD_CREDENTIAL_FIELDS['api-key'].apiKey) };
  }

  /** Clients reach Temporal Cloud over the internet (NAT); their egress rule comes from externalEgressPorts. */
  allowClient(): void {}
}
