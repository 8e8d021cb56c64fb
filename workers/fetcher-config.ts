import { z } from 'zod';
import { fetchTaskQueueFor, FETCH_TASK_QUEUE_SUFFIX } from '../activities/options';
import { FetchPolicy, ObjectLockPolicy } from '../config/activities';
import { loadConfig } from '../config/load';
import { cloudEgressProblem } from './egress-guardrail';
import { runtimeEnvOverrides } from '../config/runtime-env-overrides';
import { S3Config } from '../config/s3';
import { DEFAULT_TASK_QUEUE, TemporalConfig } from '../config/temporal';

/** The fetcher's own task queue, where case workflows send captureSnapshot and checkLiveness: saring-cases-fetch. */
export const FETCH_TASK_QUEUE = fetchTaskQueueFor(DEFAULT_TASK_QUEUE);

/**
 * The fetcher worker's config: how to poll its queue, where snapshots go, and the fetch policy.
 * Strict: partner channels, notification secrets and the like are refused, so they cannot end up in
 * the process that handles attacker-chosen URLs.
 */
export const FetcherConfig = z
  .strictObject(
    {
      temporal: TemporalConfig.extend({ taskQueue: z.string().min(1).default(FETCH_TASK_QUEUE) }),
      s3: S3Config,
      /** Retention for new snapshots, as the case worker applies it. */
      objectLock: ObjectLockPolicy.optional(),
      fetch: FetchPolicy.prefault({}),
      shutdownGraceSeconds: z.number().int().min(1).max(600).default(30),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `the fetcher takes only temporal, s3, objectLock, fetch and shutdownGraceSeconds; remove ${issue.keys.join(', ')}`
          : undefined,
    },
  )
  .refine((config) => config.temporal.taskQueue.endsWith(FETCH_TASK_QUEUE_SUFFIX), {
    path: ['temporal', 'taskQueue'],
    message: `the fetcher polls the fetch queue of a case queue, which ends in ${FETCH_TASK_QUEUE_SUFFIX} (case workflows send fetches to <case queue>${FETCH_TASK_QUEUE_SUFFIX}); use ${FETCH_TASK_QUEUE} beside the case queue ${DEFAULT_TASK_QUEUE}`,
  })
  .superRefine((config, context) => {
    const problem = cloudEgressProblem(config.fetch, config.temporal);
    if (problem) context.addIssue({ code: 'custom', ...problem });
  });
export type FetcherConfig = z.infer<typeof FetcherConfig>;

/** Same sources as the case worker (SARING_CONFIG_FILE / SARING_CONFIG_JSON, the container variables), its own schema. */
export function loadFetcherConfig(env: NodeJS.ProcessEnv = process.env): FetcherConfig {
  const overrides = runtimeEnvOverrides(env);
  return loadConfig(FetcherConfig, env, {
    temporal: overrides.temporal,
    s3: overrides.buckets,
    shutdownGraceSeconds: overrides.shutdownGraceSeconds,
  });
}
