import { bundleWorkflowCode, type Logger, type WorkflowBundle } from '@temporalio/worker';
import { TRACING_WORKFLOW_INTERCEPTOR_MODULES } from '../observability/temporal-tracing';
import { CASE_WORKFLOWS_PATH, caseBundlerOptions } from './workflow-bundling';

/**
 * The case workflows bundled as every case worker runs them: at start (create-worker.ts), ahead of time
 * (build-workflow-bundle.ts) or for a bench. `tracing` bundles the tracing interceptors in.
 */
export async function bundleCaseWorkflowCode(
  options: { tracing?: boolean; logger?: Logger } = {},
): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: CASE_WORKFLOWS_PATH,
    ...caseBundlerOptions(),
    workflowInterceptorModules: options.tracing ? [...TRACING_WORKFLOW_INTERCEPTOR_MODULES] : [],
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
