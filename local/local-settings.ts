import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../toolchain/paths';

const Port = z.coerce.number().int().min(1024).max(65535);

/** Everything about the local platform a person may change, from the environment, with defaults. */
export const LocalSettings = z.object({
  SARING_DATA_DIR: z.string().min(1).default(DATA_DIR),
  SARING_TEMPORAL_PORT: Port.default(7233),
  SARING_TEMPORAL_UI_PORT: Port.default(8233),
  SARING_S3_PORT: Port.default(7070),
  SARING_API_PORT: Port.default(8080),
  /** The local OpenID provider (sign-in for the console, the CLI and machine clients). */
  SARING_OIDC_PORT: Port.default(8085),
  SARING_SIMULATOR_PORT: Port.default(8090),
  SARING_SMTP_PORT: Port.default(2525),
  SARING_NAMESPACE: z.string().min(1).default('default'),
  /** Set to "false" to start without loading the sample cases. */
  SARING_SAMPLES: z.enum(['true', 'false']).default('true'),
  /** A case policy file for new cases instead of the shipped one (the peak bench compresses every duration). */
  SARING_POLICY_FILE: z.string().min(1).optional(),
  /** A directory for a V8 CPU profile of every Node service, written when it exits (local/node-service.ts). */
  SARING_CPU_PROFILE_DIR: z.string().trim().min(1, 'name a directory, or leave it unset').optional(),
});
export type LocalSettings = z.infer<typeof LocalSettings>;

export function readLocalSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  return parseSettings(LocalSettings, env);
}

/** Only SARING_CPU_PROFILE_DIR: read by every service start, which must not fail on another setting. */
export function readCpuProfileDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return parseSettings(LocalSettings.pick({ SARING_CPU_PROFILE_DIR: true }), env).SARING_CPU_PROFILE_DIR;
}

function parseSettings<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Bad local settings in the environment:\n${problems}`);
  }
  return parsed.data;
}

export function localDataPaths(settings: LocalSettings) {
  const root = path.resolve(settings.SARING_DATA_DIR);
  return {
    root,
    temporalDb: path.join(root, 'temporal', 'saring.sqlite'),
    s3: path.join(root, 's3'),
    logs: path.join(root, 'logs'),
    workerConfig: path.join(root, 'local-config.json'),
    /** The fetcher's own config (workers/fetcher-config.ts): Temporal, S3 and the fetch policy, nothing else. */
    fetcherConfig: path.join(root, 'local-fetcher-config.json'),
    oidc: path.join(root, 'oidc'),
    /** The Temporal payload codec's key ring (mode 0600): losing it makes the local histories unreadable. */
    codecKeys: path.join(root, 'codec-keys.json'),
    /** The reporter vault's master key (mode 0600), the local stand-in for the vault's KMS key. */
    vaultMasterKey: path.join(root, 'vault-master-key.json'),
    samplesMarker: path.join(root, 'samples-loaded'),
  };
}
