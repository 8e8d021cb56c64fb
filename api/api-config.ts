import { z } from 'zod';
import { loadConfig } from '../config/load';
import { runtimeEnvOverrides } from '../config/runtime-env-overrides';
import { S3Config } from '../config/s3';
import { TemporalConfig } from '../config/temporal';
import { OidcAuthConfig } from './auth-config';
import { ReporterVaultConfig } from './vault-config';
import { PartnersConfig } from './partners/partner-config';
import { CONSOLE_DIR } from '../console/console-dir';

/**
 * The API's own settings. They sit under `api` so that one JSON file can serve both the worker
 * (temporal, activities...) and the API (temporal, api): the local start command writes a single file.
 */
export const ApiServerConfig = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Who signs access tokens, and for which clients (api/auth-config.ts). */
  auth: OidcAuthConfig,
  /** Confidential reporter contacts: S3 objects under envelope encryption (api/vault-config.ts). */
  reporterVault: ReporterVaultConfig,
  /** The web console's static files. */
  consoleDir: z.string().min(1).default(CONSOLE_DIR),
  /** Case policy new cases start with; the shipped default when omitted. */
  policyFile: z.string().min(1).optional(),
  /** Public complaints accepted per client address per minute. */
  publicComplaintsPerMinute: z.number().int().min(1).max(10_000).default(10),
  /**
   * Proxies in front of the API that append to X-Forwarded-For (the ALB: 1). 0 locally: the header is
   * ignored and the socket address is the client (api/client-address.ts).
   */
  trustedProxies: z.number().int().min(0).max(5).default(0),
  /** Public complaints signalled into one case; later ones get a tracking code and are counted only. */
  maxComplaintsPerCase: z.number().int().min(1).max(100_000).default(50),
  /** Browser origins (the Temporal Web UI) allowed to call the codec endpoints /api/codec/{encode,decode}. */
  codecCorsOrigins: z
    .array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))
    .default(['http://127.0.0.1:8233', 'http://localhost:8233']),
  /** Partners that send signed webhooks to /api/partners/:partnerId/detections (api/partners/partner-config.ts). */
  partners: PartnersConfig,
});
export type ApiServerConfig = z.infer<typeof ApiServerConfig>;

export const ApiConfig = z.object({
  temporal: TemporalConfig,
  api: ApiServerConfig,
  /** The audit bucket holds the access records (api/access-audit.ts). */
  s3: S3Config,
});
export type ApiConfig = z.infer<typeof ApiConfig>;

/**
 * Config from SARING_CONFIG_FILE or SARING_CONFIG_JSON; the cloud containers' variables
 * (config/runtime-env.ts) override Temporal, the port, the sign-in issuer and clients, and the buckets; secrets only from the environment.
 */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const overrides = runtimeEnvOverrides(env);
  return loadConfig(ApiConfig, env, {
    temporal: overrides.temporal,
    // A port from the environment means a container behind the ALB: listen on every interface, and the
    // ALB is the one proxy whose X-Forwarded-For entry is trusted.
    api: {
      ...(overrides.port === undefined ? {} : { port: overrides.port, host: '0.0.0.0', trustedProxies: 1 }),
      auth: overrides.auth,
      ...(overrides.vault ? { reporterVault: overrides.vault } : {}),
    },
    s3: overrides.buckets,
  });
}
