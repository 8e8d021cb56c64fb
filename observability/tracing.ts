import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource, type IResource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from './tracing-config';

/** A process's tracing: registered as the global tracer provider, context manager and W3C propagator. */
export interface Tracing {
  readonly resource: IResource;
  /** Also receives the workflow spans, through the worker's `exporter` sink. */
  readonly spanProcessor: SpanProcessor;
  /** Flushes what is buffered and unregisters the globals. */
  shutdown(): Promise<void>;
}

export type TracingTarget = TracingConfig | { exporter: 'given'; spanExporter: SpanExporter };

function spanProcessorFor(target: Exclude<TracingTarget, { exporter: 'off' }>): SpanProcessor {
  switch (target.exporter) {
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
    case 'given':
      // Spans are handed over as they end: tests read them right after the step.
      return new SimpleSpanProcessor(target.spanExporter);
    case 'otlp':
      return new BatchSpanProcessor(new OTLPTraceExporter({ url: target.url }));
  }
}

/**
 * Starts tracing for one process (service.name names it: saring-api, saring-worker), or returns
 * undefined when the target is `off`. Call it before creating Temporal clients and workers.
 */
export function startTracing(serviceName: string, target: TracingTarget): Tracing | undefined {
  if (target.exporter === 'off') return undefined;
  const resource = Resource.default().merge(new Resource({ [ATTR_SERVICE_NAME]: serviceName }));
  const spanProcessor = spanProcessorFor(target);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // The async-hooks context manager and the W3C trace-context propagator: the Temporal interceptors
  // read the active span from the one and write the headers with the other.
  provider.register();
  return {
    resource,
    spanProcessor,
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
