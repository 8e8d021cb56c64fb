import { type IKey } from 'aws-cdk-lib/aws-kms';
import { type Construct } from 'constructs';
import { CredentialSecret } from '../constructs/credential-secret';
import { CLOUD_OPS_SECRET_FIELD } from '../constructs/temporal/cloud-search-attributes';
import { PullThroughCache } from '../constructs/images/pull-through-cache';
import {
  CLOUD_CLIENTS,
  CLOUD_CREDENTIAL_FIELDS,
  type CloudClient,
  clientTlsFields,
  TEMPORAL_CLIENTS,
  type TemporalClient,
  TLS_FIELDS,
} from '../constructs/temporal/credential-fields';
import { SaringStack, type SaringStackProps } from './saring-stack';

export interface SecretsStackProps extends SaringStackProps {
  readonly platformKey: IKey;
}

/**
 * Credentials issued outside AWS, created empty (placeholders) so engineers can load them before the stacks that
 * use them are deployed: the self-hosted cluster's certificates, or the Temporal Cloud API key / client certificate.
 * Generated credentials (the database password) live with what they protect.
 */
export class SecretsStack extends SaringStack {
  readonly temporalTls?: CredentialSecret;
  /** Self-hosted: one client certificate secret per Temporal client (worker, API, Web UI, admin tasks). */
  readonly temporalClientTls?: Readonly<Record<TemporalClient, CredentialSecret>>;
  /** Temporal Cloud mode: one credential per application client, each in its own secret. */
  readonly temporalCloud?: Record<CloudClient, CredentialSecret>;
  /** Temporal Cloud mode: the Cloud Ops API key the deploy-time search attribute registration uses. */
  readonly temporalCloudOps?: CredentialSecret;
  /** The worker and API config (partner channel endpoints and tokens, notification recipients), as JSON. */
  readonly appConfig: CredentialSecret;
  /**
   * The Temporal payload codec's key ring ({ currentKeyId, keys }), handed to the API and worker as
   * SARING_CODEC_KEY_RING. A secret rather than a KMS call per payload: every workflow task encodes and
   * decodes many payloads, and a KMS round trip (and its request quota) on each would dominate latency.
   */
  readonly codecKeys: CredentialSecret;
  /** ECR pull-through cache rules (Docker Hub, ECR Public) every third-party image is pulled through. */
  readonly imageCache: PullThroughCache;

  constructor(scope: Construct, props: SecretsStackProps) {
    super(scope, 'Secrets', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const { config } = this;
    const temporal = config.temporal;
    this.appConfig = new CredentialSecret(this, 'AppConfig', {
      secretName: `saring/${config.name}/app/config`,
      encryptionKey: platformKey,
      description: `Saring ${config.name}: worker and API config JSON (partner channels, notifications; docs/platform-engineers.md)`,
      fields: ['json'],
    });
    this.codecKeys = new CredentialSecret(this, 'CodecKeys', {
      secretName: `saring/${config.name}/temporal/codec-keys`,
      encryptionKey: platformKey,
      description: `Saring ${config.name}: Temporal payload codec key ring JSON (docs/data-protection.md)`,
      fields: ['keyRing'],
    });
    this.imageCache = new PullThroughCache(this, 'ImageCache', { envName: config.name });
    if (temporal.mode === 'self-hosted') {
      this.temporalTls = new CredentialSecret(this, 'TemporalTls', {
        secretName: `saring/${config.name}/temporal/tls`,
        encryptionKey: platformKey,
        description: `Saring ${config.name}: Temporal cluster CA and server certificate (docs/platform-engineers.md)`,
        fields: Object.values(TLS_FIELDS),
      });
      this.temporalClientTls = Object.fromEntries(
        TEMPORAL_CLIENTS.map((client) => [
          client,
          new CredentialSecret(this, `TemporalClientTls-${client}`, {
            secretName: `saring/${config.name}/temporal/clients/${client}`,
            encryptionKey: platformKey,
            description: `Saring ${config.name}: the Temporal client certificate of ${client} only, and the cluster CA (docs/platform-engineers.md)`,
            fields: Object.values(clientTlsFields(client)),
          }),
        ]),
      ) as Record<TemporalClient, CredentialSecret>;
    } else {
      this.temporalCloud = Object.fromEntries(
        CLOUD_CLIENTS.map((client) => [
          client,
          new CredentialSecret(this, `TemporalCloud-${client}`, {
            secretName: `saring/${config.name}/temporal/cloud/${client}`,
            encryptionKey: platformKey,
            description: `Saring ${config.name}: the Temporal Cloud ${temporal.auth === 'mtls' ? 'client certificate and key (PEM)' : 'API key'} of ${client} only`,
            fields: Object.values(CLOUD_CREDENTIAL_FIELDS[temporal.auth]),
          }),
        ]),
      ) as Record<CloudClient, CredentialSecret>;
      this.temporalCloudOps = new CredentialSecret(this, 'TemporalCloudOps', {
        secretName: `saring/${config.name}/temporal/cloud-ops`,
        encryptionKey: platformKey,
        description: `Saring ${config.name}: Temporal Cloud Ops API key of a service account with Namespace Admin on the namespace (deploy-time search attribute registration only)`,
        fields: [CLOUD_OPS_SECRET_FIELD],
      });
    }
  }
}
