/**
 * Deploy-time task (Temporal Cloud mode): registers the case search attributes on the Temporal Cloud namespace
 * through the Cloud Ops API before the workers start (infra/constructs/temporal/cloud-search-attributes.ts runs it
 * as a one-off ECS task; a non-zero exit fails the deployment). Self-hosted clusters register them in the
 * namespace task instead.
 */
import { z } from 'zod';
import { CLOUD_OPS_DEFAULT_URL, CLOUD_OPS_ENV } from '../config/temporal-cloud-ops';
import { registerCloudSearchAttributes } from './cloud-search-attributes/register';

const Env = z.object({
  [CLOUD_OPS_ENV.url]: z.url({ protocol: /^https?$/ }).default(CLOUD_OPS_DEFAULT_URL),
  [CLOUD_OPS_ENV.namespace]: z
    .string()
    .regex(/^[a-z0-9-]+\.[a-z0-9]+$/, 'a Temporal Cloud namespace id: <name>.<account>'),
  [CLOUD_OPS_ENV.apiKey]: z
    .string()
    .min(1)
    .refine(
      (key) => key !== 'REPLACE_ME',
      'still the placeholder: load the Cloud Ops API key into its secret',
    ),
});

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`bad environment: ${z.prettifyError(parsed.error).replaceAll('\n', '; ')}`);
  }
  const env = parsed.data;
  await registerCloudSearchAttributes({
    baseUrl: env[CLOUD_OPS_ENV.url],
    namespace: env[CLOUD_OPS_ENV.namespace],
    apiKey: env[CLOUD_OPS_ENV.apiKey],
  });
}

main().catch((error: unknown) => {
  console.error(
    `search attribute registration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
