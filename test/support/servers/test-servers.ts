import { z } from 'zod';

/**
 * What the integration global setup started, handed to every test file through one environment
 * variable (jest workers inherit the global setup's environment).
 */
export const TestServers = z.object({
  temporal: z.object({ address: z.string(), namespace: z.string() }),
  s3: z.object({
    endpoint: z.string(),
    region: z.string(),
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
  }),
  /** Base URLs of extra local servers (simulators, SMTP sink), by name. */
  extras: z.record(z.string(), z.string()).default({}),
});
export type TestServers = z.infer<typeof TestServers>;

export const TEST_SERVERS_ENV = 'SARING_TEST_SERVERS';

export function testServers(): TestServers {
  const raw = process.env[TEST_SERVERS_ENV];
  if (!raw)
    throw new Error(
      `${TEST_SERVERS_ENV} is not set: run integration tests through jest (its global setup starts the servers).`,
    );
  return TestServers.parse(JSON.parse(raw));
}

/** A task queue no other test file uses, so files sharing one dev server never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
