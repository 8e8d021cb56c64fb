import { z } from 'zod';
import { RUNTIME_ENV } from '../../../config/runtime-env';

/**
 * The cluster the bare worker joins, read from the variables Saring's worker task gets (so on the
 * rehearsed estate it connects as Saring's worker does). Absent: the dev server's default namespace,
 * no TLS.
 */
export const BareClusterEnv = z
  .object({
    [RUNTIME_ENV.temporalNamespace]: z.string().min(1).default('default'),
    [RUNTIME_ENV.temporalTlsServerName]: z.string().min(1).optional(),
    [RUNTIME_ENV.temporalTlsServerCaCertData]: z.string().min(1).optional(),
    [RUNTIME_ENV.temporalTlsClientCertData]: z.string().min(1).optional(),
    [RUNTIME_ENV.temporalTlsClientKeyData]: z.string().min(1).optional(),
  })
  .refine(
    (env) =>
      Boolean(env[RUNTIME_ENV.temporalTlsClientCertData]) ===
      Boolean(env[RUNTIME_ENV.temporalTlsClientKeyData]),
    `${RUNTIME_ENV.temporalTlsClientCertData} and ${RUNTIME_ENV.temporalTlsClientKeyData} go together`,
  )
  .transform((env) => ({
    namespace: env[RUNTIME_ENV.temporalNamespace],
    tls: false,
    // No client certificate: a plain connection (the dev server), as tlsOptions gives without material.
    ...(env[RUNTIME_ENV.temporalTlsClientCertData]
      ? {
          tlsMaterial: {
            serverName: env[RUNTIME_ENV.temporalTlsServerName],
            serverCaCertData: env[RUNTIME_ENV.temporalTlsServerCaCertData],
            clientCertData: env[RUNTIME_ENV.temporalTlsClientCertData],
            clientKeyData: env[RUNTIME_ENV.temporalTlsClientKeyData],
          },
        }
      : {}),
  }));
export type BareCluster = z.infer<typeof BareClusterEnv>;
