/**
 * The worker process: `npm run worker` locally (the start command runs it for you), the container's
 * command in the cloud. SIGINT/SIGTERM stop polling, let running activities finish within
 * shutdownGraceSeconds, then exit 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { connectClient, connectWorkerConnection } from '../config/temporal';
import { ensureRetrainingSchedule } from './classifier-retraining-schedule';
import { createCaseWorker } from './create-worker';
import { ensureArchiveSweepSchedule } from '../audit/audit-schedules';
import { contactErasureConfigFromEnv } from '../config/contact-erasure';
import { ensureContactErasureSchedule } from './contact-erasure-schedule';
import { auditConfigFromEnv } from '../audit/audit-config';
import { ensureReportSchedules } from '../reports/report-schedules';
import { loadDefaultPolicy, loadPolicyFile } from '../policy';
import { ensureNewCaseDigestSchedule } from './new-case-digest-schedule';
import { loadWorkerConfig } from './worker-config';
import { ActivityErrorCounter } from './metrics/error-counter';
import { startMetricsPublisher } from './metrics/publisher';
import { SERVICE_NAME } from '../config/telemetry';
import { installSdkRuntime } from '../observability/sdk-runtime';
import { tracingClientInterceptors } from '../observability/temporal-tracing';
import { startTracing } from '../observability/tracing';
import { tracingConfigFromEnv } from '../observability/tracing-config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** SARING_WORKFLOW_BUNDLE: a bundle from `npm run build:workflows`, loaded instead of bundling at start. */
const BundleEnv = z.object({ SARING_WORKFLOW_BUNDLE: z.string().min(1).optional() });

function prebuiltBundle(): { codePath: string } | undefined {
  const file = BundleEnv.parse(process.env).SARING_WORKFLOW_BUNDLE;
  if (!file) return undefined;
  if (!fs.existsSync(file))
    throw new Error(
      `SARING_WORKFLOW_BUNDLE=${file} does not exist: run npm run build:workflows, or unset it`,
    );
  return { codePath: path.resolve(file) };
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const tracing = startTracing(SERVICE_NAME.worker, tracingConfigFromEnv());
  // Before any connection: the SDK runtime is global and is created by the first connection otherwise.
  installSdkRuntime({ prometheusBind: config.prometheusBind });
  if (config.prometheusBind)
    console.log(`worker metrics for Prometheus on http://${config.prometheusBind}/metrics`);
  const [connection, client] = await Promise.all([
    connectWorkerConnection(config.temporal),
    connectClient(config.temporal, tracing ? { interceptors: tracingClientInterceptors() } : {}),
  ]);
  const errorCounter = new ActivityErrorCounter();
  const workflowBundle = prebuiltBundle();
  const worker = await createCaseWorker({
    ...(workflowBundle ? { workflowBundle } : {}),
    config,
    connection,
    client,
    errorCounter,
    ...(config.metricsNamespace ? { slaBreachMetricsNamespace: config.metricsNamespace } : {}),
    ...(tracing ? { tracing } : {}),
  });
  await ensureRetrainingSchedule(client, { taskQueue: config.temporal.taskQueue });
  await ensureArchiveSweepSchedule(client, {
    taskQueue: config.temporal.taskQueue,
    every: auditConfigFromEnv().sweepEvery,
  });
  await ensureReportSchedules(client, { taskQueue: config.temporal.taskQueue });
  const policy = config.policyFile ? loadPolicyFile(config.policyFile) : loadDefaultPolicy();
  const digest = await ensureNewCaseDigestSchedule(client, { taskQueue: config.temporal.taskQueue, policy });
  console.log(
    digest
      ? `new cases outside ${policy.newCaseAlerts!.immediate.join(', ')} are announced in a digest every ${policy.newCaseAlerts!.digestEvery}`
      : `policy ${policy.version} announces every new case at once (no newCaseAlerts): no digest schedule`,
  );
  if (config.activities.s3.vaultBucket) {
    const erasure = contactErasureConfigFromEnv();
    await ensureContactErasureSchedule(client, { taskQueue: config.temporal.taskQueue, ...erasure });
    console.log(
      `reporter contacts are erased ${erasure.after} after their case closes (checked every ${erasure.every})`,
    );
  } else
    console.log('no reporter vault bucket configured (s3.vaultBucket): contact erasure schedule not created');
  const metrics = config.metricsNamespace
    ? startMetricsPublisher({
        client,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        metricsNamespace: config.metricsNamespace,
        errors: errorCounter,
      })
    : undefined;
  console.log(
    `worker polling ${config.temporal.address} namespace=${config.temporal.namespace} taskQueue=${config.temporal.taskQueue}`,
  );
  try {
    await worker.run();
  } finally {
    metrics?.stop();
    await tracing?.shutdown();
    await connection.close();
    await client.connection.close();
  }
  console.log('worker stopped cleanly');
  // Activity dependencies (HTTP keep-alive agents, SMTP pools) may hold the event loop open; the work is done.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`worker failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
