import type { temporal } from '@temporalio/proto';

/**
 * Whether a recorded run is the first run of a case that went through intake: a ContentCaseWorkflow
 * started without carried state (not a continue-as-new run) that scheduled at least one activity.
 */
export function isIntakeRun(history: temporal.api.history.v1.IHistory): boolean {
  const events = history.events ?? [];
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  if (started?.workflowType?.name !== 'ContentCaseWorkflow' || started.continuedExecutionRunId) return false;
  const data = started.input?.payloads?.[0]?.data;
  if (data) {
    const input = JSON.parse(Buffer.from(data).toString('utf8')) as { carried?: unknown };
    if (input.carried !== undefined) return false;
  }
  return events.some(
    (event) =>
      event.activityTaskScheduledEventAttributes !== undefined &&
      event.activityTaskScheduledEventAttributes !== null,
  );
}
