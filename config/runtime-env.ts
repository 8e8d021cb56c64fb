/**
 * Environment variable names the worker and API containers receive. Temporal connection settings follow the
 * names of Temporal's client environment configuration (TEMPORAL_ADDRESS, TEMPORAL_TLS_CLIENT_CERT_DATA, ...),
 * so the SDK's env-config loader and the `temporal` CLI read them unchanged. Secret values arrive through ECS secrets
 * (Secrets Manager), never as plain task-definition environment values.
 */
export const RUNTIME_ENV = {
  environment: 'SARING_ENVIRONMENT',
  temporalAddress: 'TEMPORAL_ADDRESS',
  temporalNamespace: 'TEMPORAL_NAMESPACE',
  temporalTlsServerName: 'TEMPORAL_TLS_SERVER_NAME',
  /** "true" whenever the connection uses TLS (always, in both modes). */
  temporalTls: 'TEMPORAL_TLS',
  /** PEM, from Secrets Manager (self-hosted: the cluster's private CA). */
  temporalTlsServerCaCertData: 'TEMPORAL_TLS_SERVER_CA_CERT_DATA',
  /** PEM, from Secrets Manager (mTLS). */
  temporalTlsClientCertData: 'TEMPORAL_TLS_CLIENT_CERT_DATA',
  /** PEM, from Secrets Manager (mTLS). */
  temporalTlsClientKeyData: 'TEMPORAL_TLS_CLIENT_KEY_DATA',
  /** From Secrets Manager (Temporal Cloud, API-key auth). */
  temporalApiKey: 'TEMPORAL_API_KEY',
  taskQueue: 'SARING_TASK_QUEUE',
  /** The app config JSON (channels, notifications), from Secrets Manager: the file's content, not a path. */
  appConfigJson: 'SARING_CONFIG_JSON',
  evidenceBucket: 'SARING_EVIDENCE_BUCKET',
  auditBucket: 'SARING_AUDIT_BUCKET',
  metricsNamespace: 'SARING_METRICS_NAMESPACE',
  /** Tracing (API and worker): `off` (default), `console`, or an OTLP/HTTP traces URL (config/telemetry.ts). */
  otel: 'SARING_OTEL',
  /** Worker only: host:port of the Temporal SDK's Prometheus endpoint (GET /metrics); no endpoint when unset. */
  prometheusBind: 'SARING_PROMETHEUS_BIND',
  /** Seconds the process may spend draining after SIGTERM (the ECS stop timeout minus a margin). */
  shutdownGraceSeconds: 'SARING_SHUTDOWN_GRACE_SECONDS',
  port: 'PORT',
  /** API: the OpenID issuer whose access tokens it accepts (Cognito: https://cognito-idp.<region>.amazonaws.com/<poolId>). */
  oidcIssuer: 'SARING_OIDC_ISSUER',
  /** API: the console's app client id (authorization code + PKCE; the console discovers the endpoints). */
  oidcConsoleClientId: 'SARING_OIDC_CONSOLE_CLIENT_ID',
  /** API: the CLI's app client id (`saring login`). */
  oidcCliClientId: 'SARING_OIDC_CLI_CLIENT_ID',
  /** API: comma-separated machine app client ids (client credentials, a saring/<role> scope each). */
  oidcMachineClientIds: 'SARING_OIDC_MACHINE_CLIENT_IDS',
  publicUrl: 'SARING_PUBLIC_URL',
  /**
   * The Temporal payload codec's key ring JSON ({ currentKeyId, keys: { id: base64 } }), from Secrets
   * Manager (API, worker, fetcher): see config/codec.ts and docs/data-protection.md.
   */
  codecKeyRing: 'SARING_CODEC_KEY_RING',
  /**
   * The reporter vault's bucket (data stack). API: where it keeps records; worker: where the scheduled
   * contact erasure deletes them (it never decrypts).
   */
  vaultBucket: 'SARING_VAULT_BUCKET',
  /** API only: the KMS key that wraps the vault's data keys. */
  vaultKmsKeyId: 'SARING_VAULT_KMS_KEY_ID',
  /** Worker: how long after a case closes its reporter contacts are erased (UU PDP), e.g. 30d. */
  contactErasureAfter: 'SARING_CONTACT_ERASURE_AFTER',
  /** Worker: how often the contact erasure Schedule looks for closed cases due, e.g. 1h. */
  contactErasureEvery: 'SARING_CONTACT_ERASURE_EVERY',
} as const;
