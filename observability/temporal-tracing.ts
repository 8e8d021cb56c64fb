import type { ClientInterceptors } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Tracing } from './tracing';

/**
 * The package's own workflow interceptors (inbound: RunWorkflow, HandleSignal, ValidateUpdate,
 * HandleUpdate; outbound: StartActivity, StartChildWorkflow...). They are bundled into the workflow code,
 * so a prebuilt bundle must list them as `workflowInterceptorModules`.
 */
export const TRACING_WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

/** Client side: starts, signals and updates carry the active span to the workflow in a header. */
export function tracingClientInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** Activity side: one RunActivity span per attempt, child of the workflow's StartActivity span. */
export const tracingActivityInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
});

/** Workflow spans leave the sandbox through this sink and join the process's span processor. */
export function tracingWorkflowSinks(tracing: Tracing): {
  exporter: ReturnType<typeof makeWorkflowExporter>;
} {
  return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
}
