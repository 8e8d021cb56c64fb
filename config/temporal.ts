import { Client, Connection, type ClientInterceptors } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { z } from 'zod';
import { dataConverterFor, PayloadKeys } from './codec';

export const DEFAULT_TASK_QUEUE = 'saring-cases';

/** How to reach Temporal: the local dev server, a self-hosted cluster (TLS) or Temporal Cloud (API key). */
export const TemporalConfig = z.object({
  address: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'host:port, e.g. 127.0.0.1:7233')
    .default('127.0.0.1:7233'),
  namespace: z.string().min(1).default('default'),
  taskQueue: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  tls: z.boolean().default(false),
  /** Temporal Cloud API key; in the cloud it comes from Secrets Manager through the environment, never a file. */
  apiKey: z.string().min(1).optional(),
  /** mTLS material (PEM text), from Secrets Manager through the environment in the cloud. */
  tlsMaterial: z
    .object({
      serverName: z.string().min(1).optional(),
      serverCaCertData: z.string().min(1).optional(),
      clientCertData: z.string().min(1).optional(),
      clientKeyData: z.string().min(1).optional(),
    })
    .refine(
      (t) => Boolean(t.clientCertData) === Boolean(t.clientKeyData),
      'clientCertData and clientKeyData go together',
    )
    .optional(),
  /** The payload codec's key ring (config/codec.ts): every payload Saring exchanges with Temporal is encrypted. */
  payloadKeys: PayloadKeys,
});
export type TemporalConfig = z.infer<typeof TemporalConfig>;

/** The connection's TLS options (shared with the bench's bare worker, which joins the same clusters). */
export function tlsOptions(config: Pick<TemporalConfig, 'tls' | 'apiKey' | 'tlsMaterial'>) {
  const material = config.tlsMaterial;
  if (!material) return config.tls || config.apiKey ? { tls: true as const } : {};
  return {
    tls: {
      ...(material.serverName ? { serverNameOverride: material.serverName } : {}),
      ...(material.serverCaCertData
        ? { serverRootCACertificate: Buffer.from(material.serverCaCertData) }
        : {}),
      ...(material.clientCertData && material.clientKeyData
        ? {
            clientCertPair: {
              crt: Buffer.from(material.clientCertData),
              key: Buffer.from(material.clientKeyData),
            },
          }
        : {}),
    },
  };
}

function connectionOptions(config: TemporalConfig) {
  return {
    address: config.address,
    ...tlsOptions(config),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}

/** `interceptors`: e.g. the tracing interceptor (observability/temporal-tracing.ts) when tracing is on. */
export async function connectClient(
  config: TemporalConfig,
  options: { interceptors?: ClientInterceptors } = {},
): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config));
  const interceptors = options.interceptors ? { interceptors: options.interceptors } : {};
  return new Client({
    connection,
    namespace: config.namespace,
    dataConverter: dataConverterFor(config.payloadKeys),
    ...interceptors,
  });
}

export async function connectWorkerConnection(config: TemporalConfig): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config));
}
