import { z } from 'zod';
import { loadConfig } from '../config/load';
import { runtimeEnvOverrides } from '../config/runtime-env-overrides';
import { TemporalConfig } from '../config/temporal';
import { ReporterVaultConfig } from './vault-config';
import { CONSOLE_DIR } from '../console/console-dir';

/**
 * The API's own settings. They sit under `api` so that one JSON file can serve both the worker
 * (temporal, activities...) and the API (temporal, api): the local start command writes a single file.
 */
export const ApiServerConfig = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Officer directory: { officers: [{ officerId, name, role, tokenSha256 }] } (api/officer-directory.ts). */
  officersFile: z.string().min(1),
  /** Confidential reporter contacts: S3 objects under envelope encryption (api/vault-config.ts). */
  reporterVault: ReporterVaultConfig,
  /** The web console's static files. */
  consoleDir: z.string().min(1).default(CONSOLE_DIR),
  /** Case policy new cases start with; the shipped default when omitted. */
  policyFile: z.string().min(1).optional(),
  /** Public complaints accepted per client address per minute. */
  publicComplaintsPerMinute: z.number().int().min(1).max(10_000).default(10),
  /** Browser origins (the Temporal Web UI) allowed to call the codec endpoints /api/codec/{encode,decode}. */
  codecCorsOrigins: z
    .array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))
    .default(['http://127.0.0.1:8233', 'http://localhost:8233']),
});
export type ApiServerConfig = z.infer<typeof ApiServerConfig>;

export const ApiConfig = z.object({
  temporal: TemporalConfig,
  api: ApiServerConfig,
});
export type ApiConfig = z.infer<typeof ApiConfig>;

/**
 * Config from SARING_CONFIG_FILE or SARING_CONFIG_JSON; the cloud containers' variables
 * (config/runtime-env.ts) override Temporal and the port; secrets only from the environment.
 */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const overrides = runtimeEnvOverrides(env);
  return loadConfig(ApiConfig, env, {
    temporal: overrides.temporal,
    // A port from the environment means a container behind a load balancer: listen on every interface.
    api: {
      ...(overrides.port === undefined ? {} : { port: overrides.port, host: '0.0.0.0' }),
      ...(overrides.vault ? { reporterVault: overrides.vault } : {}),
    },
  });
}
