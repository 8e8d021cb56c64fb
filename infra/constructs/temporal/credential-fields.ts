/**
 * Fields of the cluster's TLS secret. Temporal server and UI read base64-encoded PEM (`*B64`); SDK clients and
 * the `temporal` CLI read plain PEM. docs/platform-engineers.md shows how to issue and load them.
 */
export const TLS_FIELDS = {
  caCert: 'caCert',
  clientCert: 'clientCert',
  clientKey: 'clientKey',
  caCertB64: 'caCertB64',
  serverCertB64: 'serverCertB64',
  serverKeyB64: 'serverKeyB64',
  clientCertB64: 'clientCertB64',
  clientKeyB64: 'clientKeyB64',
} as const;

/** Fields of the Temporal Cloud credential secret, by auth method (plain PEM or the API key). */
export const CLOUD_CREDENTIAL_FIELDS = {
  mtls: { clientCert: 'clientCert', clientKey: 'clientKey' },
  'api-key': { apiKey: 'apiKey' },
} as const;
