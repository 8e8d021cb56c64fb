import { z } from 'zod';
import { TemporalConfig } from '../config/temporal';
import { ActivitiesConfig } from '../config/activities';
import { loadConfig } from '../config/load';
import { HOST_PORT, runtimeEnvOverrides } from '../config/runtime-env-overrides';
import { cloudEgressProblem } from './egress-guardrail';
import { WorkerTuning } from './worker-tuning';

/** SARING_TASK_MEMORY_MIB: the container's memory, which sizes the workflow cache (workers/worker-tuning.ts). */
const TuningEnv = z.object({
  SARING_TASK_MEMORY_MIB: z.coerce.number().int().min(512).max(65_536).optional(),
});

export const WorkerConfig = z
  .object({
    temporal: TemporalConfig,
    activities: ActivitiesConfig,
    /** Seconds a stopping worker lets running activities finish before cancelling them. */
    shutdownGraceSeconds: z.number().int().min(1).max(600).default(30),
    /** CloudWatch namespace for the embedded-metric-format lines; no metrics when absent (local). */
    metricsNamespace: z.string().min(1).optional(),
    /**
     * host:port of the Temporal SDK's Prometheus endpoint (task latencies, slots, sticky cache; GET /metrics).
     * From SARING_PROMETHEUS_BIND in the cloud (0.0.0.0:9464); no endpoint when absent.
     */
    prometheusBind: z.string().regex(HOST_PORT, 'host:port, e.g. 0.0.0.0:9464').optional(),
    /**
     * The case policy new cases start with, when it is not the shipped one (the API's api.policyFile):
     * the new-case digest Schedule takes its period and its announced-at-once categories from it.
     */
    policyFile: z.string().min(1).optional(),
    /** Cache size and task slots (workers/worker-tuning.ts says why each is what it is). */
    tuning: WorkerTuning.prefault({}),
  })
  .superRefine((config, context) => {
    const problem = cloudEgressProblem(config.activities.fetch, config.temporal);
    if (problem) context.addIssue({ code: 'custom', ...problem, path: ['activities', ...problem.path] });
  });
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/**
 * Config comes from SARING_CONFIG_FILE or SARING_CONFIG_JSON (channels, notifications, S3 endpoint);
 * the cloud containers' variables (config/runtime-env.ts) override Temporal, buckets and the drain
 * budget; secrets come only from the environment.
 */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const overrides = runtimeEnvOverrides(env);
  const tuningEnv = TuningEnv.safeParse(env);
  if (!tuningEnv.success)
    throw new Error(
      `SARING_TASK_MEMORY_MIB must be a whole number of MiB between 512 and 65536, e.g. 2048 (got ${env.SARING_TASK_MEMORY_MIB})`,
    );
  const taskMemoryMiB = tuningEnv.data.SARING_TASK_MEMORY_MIB;
  return loadConfig(WorkerConfig, env, {
    temporal: overrides.temporal,
    activities: { s3: overrides.buckets },
    shutdownGraceSeconds: overrides.shutdownGraceSeconds,
    metricsNamespace: overrides.metricsNamespace,
    prometheusBind: overrides.prometheusBind,
    ...(taskMemoryMiB ? { tuning: { taskMemoryMiB } } : {}),
  });
}
