import { z } from 'zod';
import { RUNTIME_ENV } from './runtime-env';

/** host:port (IPv4 or a name); the Prometheus endpoint's bind address. */
export const HOST_PORT = /^[^\s:]+:\d{1,5}$/;

/**
 * The environment contract of the cloud containers (config/runtime-env.ts): Temporal connection, task
 * queue, bucket names and drain budget arrive as variables, secrets through ECS from Secrets Manager.
 * They override the matching fields of the JSON config file, so one image serves every environment.
 */
const Env = z.object({
  [RUNTIME_ENV.temporalAddress]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalNamespace]: z.string().min(1).optional(),
  [RUNTIME_ENV.taskQueue]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalTls]: z.enum(['true', 'false']).optional(),
  [RUNTIME_ENV.temporalTlsServerName]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalTlsServerCaCertData]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalTlsClientCertData]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalTlsClientKeyData]: z.string().min(1).optional(),
  [RUNTIME_ENV.temporalApiKey]: z.string().min(1).optional(),
  [RUNTIME_ENV.evidenceBucket]: z.string().min(1).optional(),
  [RUNTIME_ENV.auditBucket]: z.string().min(1).optional(),
  [RUNTIME_ENV.shutdownGraceSeconds]: z.coerce.number().int().min(1).optional(),
  [RUNTIME_ENV.port]: z.coerce.number().int().min(1).max(65535).optional(),
  [RUNTIME_ENV.metricsNamespace]: z.string().min(1).optional(),
  [RUNTIME_ENV.prometheusBind]: z.string().regex(HOST_PORT, 'host:port, e.g. 0.0.0.0:9464').optional(),
  [RUNTIME_ENV.oidcIssuer]: z.url().optional(),
  [RUNTIME_ENV.oidcConsoleClientId]: z.string().min(1).optional(),
  [RUNTIME_ENV.oidcCliClientId]: z.string().min(1).optional(),
  [RUNTIME_ENV.oidcMachineClientIds]: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .optional(),
  [RUNTIME_ENV.vaultBucket]: z.string().min(1).optional(),
  [RUNTIME_ENV.vaultKmsKeyId]: z.string().min(1).optional(),
  [RUNTIME_ENV.codecKeyRing]: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'the payload codec key ring must be JSON' });
        return z.NEVER;
      }
    })
    .optional(),
});

export interface RuntimeOverrides {
  temporal: Record<string, unknown>;
  buckets: { evidenceBucket?: string; auditBucket?: string; vaultBucket?: string };
  shutdownGraceSeconds?: number;
  port?: number;
  /** Set in the cloud: publish CloudWatch metrics (embedded metric format) under this namespace. */
  metricsNamespace?: string;
  /** Worker: serve the Temporal SDK's metrics for Prometheus on this host:port. */
  prometheusBind?: string;
  /** API: the sign-in issuer and client ids (api/auth-config.ts). */
  auth: { issuer?: string; consoleClientId?: string; cliClientId?: string; machineClientIds?: string[] };
  /** API: the cloud vault (bucket + KMS key), replacing the local S3 server and master key file. */
  vault?: { bucket?: string; keys?: { kmsKeyId: string }; s3?: Record<string, unknown> };
}

export function runtimeEnvOverrides(env: NodeJS.ProcessEnv): RuntimeOverrides {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  const tlsFiles = {
    serverName: e[RUNTIME_ENV.temporalTlsServerName],
    serverCaCertData: e[RUNTIME_ENV.temporalTlsServerCaCertData],
    clientCertData: e[RUNTIME_ENV.temporalTlsClientCertData],
    clientKeyData: e[RUNTIME_ENV.temporalTlsClientKeyData],
  };
  const anyTlsMaterial = Object.values(tlsFiles).some((value) => value !== undefined);
  return {
    temporal: {
      address: e[RUNTIME_ENV.temporalAddress],
      namespace: e[RUNTIME_ENV.temporalNamespace],
      taskQueue: e[RUNTIME_ENV.taskQueue],
      apiKey: e[RUNTIME_ENV.temporalApiKey],
      tls: e[RUNTIME_ENV.temporalTls] === undefined ? undefined : e[RUNTIME_ENV.temporalTls] === 'true',
      tlsMaterial: anyTlsMaterial ? tlsFiles : undefined,
      payloadKeys:
        e[RUNTIME_ENV.codecKeyRing] === undefined ? undefined : { keyRing: e[RUNTIME_ENV.codecKeyRing] },
    },
    buckets: {
      evidenceBucket: e[RUNTIME_ENV.evidenceBucket],
      auditBucket: e[RUNTIME_ENV.auditBucket],
      vaultBucket: e[RUNTIME_ENV.vaultBucket],
    },
    shutdownGraceSeconds: e[RUNTIME_ENV.shutdownGraceSeconds],
    port: e[RUNTIME_ENV.port],
    metricsNamespace: e[RUNTIME_ENV.metricsNamespace],
    prometheusBind: e[RUNTIME_ENV.prometheusBind],
    auth: {
      issuer: e[RUNTIME_ENV.oidcIssuer],
      consoleClientId: e[RUNTIME_ENV.oidcConsoleClientId],
      cliClientId: e[RUNTIME_ENV.oidcCliClientId],
      machineClientIds: e[RUNTIME_ENV.oidcMachineClientIds],
    },
    ...vaultOverrides(e[RUNTIME_ENV.vaultBucket], e[RUNTIME_ENV.vaultKmsKeyId]),
  };
}

function vaultOverrides(bucket?: string, kmsKeyId?: string): Pick<RuntimeOverrides, 'vault'> {
  if (!bucket && !kmsKeyId) return {};
  return { vault: { ...(bucket ? { bucket } : {}), ...(kmsKeyId ? { keys: { kmsKeyId } } : {}) } };
}
