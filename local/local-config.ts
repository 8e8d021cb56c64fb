import fs from 'node:fs';
import path from 'node:path';
import { localActivitiesConfig, type LocalChannelUrls } from '../config/activities';
import type { S3Config } from '../config/s3';
import type { OidcAuthConfig } from '../api/auth-config';
import type { LocalSettings, localDataPaths } from './local-settings';
import { LOCAL_OIDC_CLIENTS } from './oidc/oidc-clients';
import { FETCH_TASK_QUEUE, FetcherConfig } from '../workers/fetcher-config';

/** The local S3 server's fixed demo credentials and bucket names (never used outside this machine). */
export const LOCAL_S3 = {
  accessKeyId: 'saring-local',
  secretAccessKey: 'saring-local-secret',
  region: 'ap-southeast-3',
  evidenceBucket: 'saring-evidence',
  auditBucket: 'saring-audit',
  /** Reporter contacts (envelope-encrypted records); no Object Lock or versioning: erasure must be final. */
  vaultBucket: 'saring-vault',
} as const;

/** How the local worker, the start command and tests reach the local S3 server. */
export function localS3Config(settings: Pick<LocalSettings, 'SARING_S3_PORT'>): S3Config {
  return {
    endpoint: `http://127.0.0.1:${settings.SARING_S3_PORT}`,
    region: LOCAL_S3.region,
    credentials: { accessKeyId: LOCAL_S3.accessKeyId, secretAccessKey: LOCAL_S3.secretAccessKey },
    evidenceBucket: LOCAL_S3.evidenceBucket,
    auditBucket: LOCAL_S3.auditBucket,
    vaultBucket: LOCAL_S3.vaultBucket,
  };
}

/** The API's sign-in settings for the local OpenID provider (local/oidc/). */
export function localOidcAuth(settings: Pick<LocalSettings, 'SARING_OIDC_PORT'>): OidcAuthConfig {
  return {
    issuer: `http://127.0.0.1:${settings.SARING_OIDC_PORT}`,
    consoleClientId: LOCAL_OIDC_CLIENTS.console,
    cliClientId: LOCAL_OIDC_CLIENTS.cli,
    machineClientIds: [LOCAL_OIDC_CLIENTS.crawler, LOCAL_OIDC_CLIENTS.partner],
  };
}

/** Fixed ports of the local simulators: the platform simulator's port, then the next ones in order. */
export function localSimulatorPorts(settings: LocalSettings) {
  const base = settings.SARING_SIMULATOR_PORT;
  return {
    platform: base,
    police: base + 1,
    publishing: base + 2,
    webhook: base + 3,
    smtpApi: base + 4,
    smtp: settings.SARING_SMTP_PORT,
  };
}

export function localChannelUrls(settings: LocalSettings): LocalChannelUrls {
  const ports = localSimulatorPorts(settings);
  const http = (port: number) => `http://127.0.0.1:${port}`;
  return {
    platformSimulator: http(ports.platform),
    policeSimulator: http(ports.police),
    publishingSimulator: http(ports.publishing),
    webhookSink: http(ports.webhook),
    smtpSink: `smtp://127.0.0.1:${ports.smtp}`,
  };
}

/**
 * Writes the one config file the local worker and API read (SARING_CONFIG_FILE). Rewritten at every
 * start from the settings, so a changed port is picked up.
 */
export function writeLocalConfig(paths: ReturnType<typeof localDataPaths>, settings: LocalSettings): string {
  const s3 = localS3Config(settings);
  const config = {
    temporal: {
      address: `127.0.0.1:${settings.SARING_TEMPORAL_PORT}`,
      namespace: settings.SARING_NAMESPACE,
      payloadKeys: { keyFile: paths.codecKeys },
    },
    activities: localActivitiesConfig({
      s3,
      channels: localChannelUrls(settings),
      objectLock: { mode: 'GOVERNANCE', retainDays: 30 },
    }),
    api: {
      host: '127.0.0.1',
      port: settings.SARING_API_PORT,
      auth: localOidcAuth(settings),
      ...(settings.SARING_POLICY_FILE ? { policyFile: path.resolve(settings.SARING_POLICY_FILE) } : {}),
      reporterVault: {
        s3: { endpoint: s3.endpoint, region: s3.region, credentials: s3.credentials },
        bucket: LOCAL_S3.vaultBucket,
        keys: { masterKeyFile: paths.vaultMasterKey },
      },
    },
    s3,
    // The worker's new-case digest follows the policy the API starts cases with.
    ...(settings.SARING_POLICY_FILE ? { policyFile: path.resolve(settings.SARING_POLICY_FILE) } : {}),
  };
  fs.writeFileSync(paths.workerConfig, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  return paths.workerConfig;
}

/**
 * Writes the local fetcher's config (SARING_CONFIG_FILE of `npm run fetcher`): the fetch queue next to the
 * worker's default queue, the evidence bucket, and the demo's fetch policy (loopback allowed, so the demo's
 * content pages can be snapshotted), parsed with the fetcher's own strict schema before it is written.
 */
export function writeLocalFetcherConfig(
  paths: ReturnType<typeof localDataPaths>,
  settings: LocalSettings,
): string {
  const config = FetcherConfig.parse({
    temporal: {
      address: `127.0.0.1:${settings.SARING_TEMPORAL_PORT}`,
      namespace: settings.SARING_NAMESPACE,
      taskQueue: FETCH_TASK_QUEUE,
      payloadKeys: { keyFile: paths.codecKeys },
    },
    s3: localS3Config(settings),
    objectLock: { mode: 'GOVERNANCE', retainDays: 30 },
    fetch: { allowPrivateNetwork: true },
  });
  fs.writeFileSync(paths.fetcherConfig, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  return paths.fetcherConfig;
}
