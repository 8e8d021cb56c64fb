/**
 * Fields of the cluster's TLS secret (CA and server certificate, read by the server roles). Temporal server and UI
 * read base64-encoded PEM (`*B64`); SDK clients and the `temporal` CLI read plain PEM. docs/platform-engineers.md
 * shows how to issue and load them.
 */
export const TLS_FIELDS = {
  caCert: 'caCert',
  caCertB64: 'caCertB64',
  serverCertB64: 'serverCertB64',
  serverKeyB64: 'serverKeyB64',
} as const;

/**
 * Every client of the self-hosted cluster has its own certificate in its own secret, so one leaked or revoked key
 * concerns one service, and each task's execution role can read only its own key.
 */
export const TEMPORAL_CLIENTS = ['worker', 'fetcher', 'api', 'ui', 'admin'] as const;
export type TemporalClient = (typeof TEMPORAL_CLIENTS)[number];

/** Fields of one client's TLS secret: the CA to verify the frontend, and the client's own pair (`<client>Cert`). */
export function clientTlsFields(client: TemporalClient) {
  // The Web UI reads base64-encoded PEM; the SDK clients and the temporal CLI read plain PEM.
  const suffix = client === 'ui' ? 'B64' : '';
  return {
    caCert: `caCert${suffix}`,
    clientCert: `${client}Cert${suffix}`,
    clientKey: `${client}Key${suffix}`,
  } as const;
}

/**
 * The clients of a Temporal Cloud namespace, each with its own credential (an API key of its own service account,
 * or a client certificate of its own), so one leaked or revoked key concerns one service.
 */
export const CLOUD_CLIENTS = ['worker', 'fetcher', 'api'] as const satisfies readonly TemporalClient[];
export type CloudClient = (typeof CLOUD_CLIENTS)[number];

/** Fields of a Temporal Cloud client's credential secret, by auth method (plain PEM or the API key). */
export const CLOUD_CREDENTIAL_FIELDS = {
  mtls: { clientCert: 'clientCert', clientKey: 'clientKey' },
  'api-key': { apiKey: 'apiKey' },
} as const;
