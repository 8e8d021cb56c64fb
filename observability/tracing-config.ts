import { z } from 'zod';
import { RUNTIME_ENV } from '../config/runtime-env';

/** Where a process's spans go: nowhere (the default), stdout, or an OTLP/HTTP collector. */
export const TracingConfig = z.discriminatedUnion('exporter', [
  z.object({ exporter: z.literal('off') }),
  z.object({ exporter: z.literal('console') }),
  z.object({ exporter: z.literal('otlp'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type TracingConfig = z.infer<typeof TracingConfig>;

const TracingEnv = z.object({
  [RUNTIME_ENV.otel]: z
    .union([z.enum(['off', 'console']), z.url({ protocol: /^https?$/ })], {
      error: 'off, console, or an OTLP/HTTP traces URL such as http://127.0.0.1:4318/v1/traces',
    })
    .optional(),
});

/**
 * Reads SARING_OTEL: unset or `off` traces nothing, `console` prints finished spans to stdout, an
 * http(s) URL exports them over OTLP/HTTP (the collector sidecar's http://127.0.0.1:4318/v1/traces in the cloud).
 */
export function tracingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  const parsed = TracingEnv.safeParse(env);
  if (!parsed.success) {
    const value = env[RUNTIME_ENV.otel];
    throw new Error(
      `Environment ${RUNTIME_ENV.otel}=${JSON.stringify(value)} is invalid: expected off, console, or an OTLP/HTTP traces URL such as http://127.0.0.1:4318/v1/traces.`,
    );
  }
  const value = parsed.data[RUNTIME_ENV.otel];
  if (value === undefined || value === 'off') return { exporter: 'off' };
  if (value === 'console') return { exporter: 'console' };
  return { exporter: 'otlp', url: value };
}
