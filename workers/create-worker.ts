import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { dataConverterFor } from '../config/codec';
import { buildActivityDeps, claimActivities, classifierActivities, createActivities } from '../activities';
import { auditArchiveActivities } from '../activities/audit-archive-activities';
import { contactErasureActivities } from '../activities/contact-erasure-activities';
import { createS3Client } from '../config/s3';
import { DEFAULT_VAULT_PREFIX } from '../lib/reporter-vault-keys';
import { reportActivities } from '../activities/report-activities';
import { newCaseDigestActivities } from '../activities/new-case-digest-activities';
import { buildAuditArchive } from '../audit/audit-archive-wiring';
import { auditConfigFromEnv } from '../audit/audit-config';
import type { WorkerConfig } from './worker-config';
import { workerTuningOptions } from './worker-tuning';
import { caseWorkerBuildId } from './build-id';
import { bundleCaseWorkflowCode } from './bundle-case-workflows';
import type { ActivityErrorCounter } from './metrics/error-counter';
import { slaBreachEventInterceptor } from './metrics/sla-breach-events';
import type { Tracing } from '../observability/tracing';
import { tracingActivityInterceptor, tracingWorkflowSinks } from '../observability/temporal-tracing';

export interface CaseWorkerOptions {
  config: WorkerConfig;
  connection: NativeConnection;
  /** Used by activities that read Temporal itself (history archive). */
  client: Client;
  /**
   * A prebuilt bundle (tests bundle once per file; the worker process loads SARING_WORKFLOW_BUNDLE from
   * `npm run build:workflows`); otherwise the worker bundles workflows/ itself at start.
   */
  workflowBundle?: WorkflowBundleOption;
  identity?: string;
  /** Counts failed activity attempts for the WorkerErrors metric. */
  errorCounter?: ActivityErrorCounter;
  /** Writes one SlaBreached sample per deadline breach (the CloudWatch namespace; off when absent). */
  slaBreachMetricsNamespace?: string;
  /**
   * Traces workflows (through the package's workflow interceptors and the `exporter` sink) and activities.
   * A prebuilt bundle must then include TRACING_WORKFLOW_INTERCEPTOR_MODULES.
   */
  tracing?: Tracing;
}

function interceptorsAndSinks(options: CaseWorkerOptions) {
  const { tracing, errorCounter, slaBreachMetricsNamespace } = options;
  const activity = [
    ...(errorCounter ? [errorCounter.interceptor] : []),
    ...(slaBreachMetricsNamespace ? [slaBreachEventInterceptor(slaBreachMetricsNamespace)] : []),
    ...(tracing ? [tracingActivityInterceptor] : []),
  ];
  return {
    // Workflow interceptors are bundled into the workflow code (createCaseWorker, build-workflow-bundle).
    interceptors: { activity },
    ...(tracing ? { sinks: tracingWorkflowSinks(tracing) } : {}),
  };
}

/** One worker polls the case task queue for both workflow and activity tasks. */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const { config } = options;
  const deps = buildActivityDeps(config.activities, options.client);
  const auditArchive = buildAuditArchive(auditConfigFromEnv(), config.activities.s3, options.client);
  const activities = {
    ...createActivities(deps),
    ...(deps.classifier ? classifierActivities(deps.classifier) : {}),
    ...(deps.claims ? claimActivities(deps.claims) : {}),
    ...auditArchiveActivities(auditArchive),
    // Reports go to the same audit bucket, create-only under Object Lock, like the archive.
    ...reportActivities(auditArchive),
    ...newCaseDigestActivities({ client: options.client }),
    ...(config.activities.s3.vaultBucket
      ? contactErasureActivities({
          client: options.client,
          s3: createS3Client(config.activities.s3),
          bucket: config.activities.s3.vaultBucket,
          prefix: DEFAULT_VAULT_PREFIX,
          auditBucket: config.activities.s3.auditBucket,
        })
      : {}),
  };
  // Bundled here rather than by Worker.create so the build id can name the code it runs.
  const workflowBundle =
    options.workflowBundle ?? (await bundleCaseWorkflowCode({ tracing: Boolean(options.tracing) }));
  return Worker.create({
    connection: options.connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle,
    buildId: caseWorkerBuildId(workflowBundle),
    activities,
    dataConverter: dataConverterFor(config.temporal.payloadKeys),
    shutdownGraceTime: `${config.shutdownGraceSeconds}s`,
    ...workerTuningOptions(config.tuning),
    ...interceptorsAndSinks(options),
    ...(options.identity ? { identity: options.identity } : {}),
  });
}
