import type { temporal } from '@temporalio/proto';
import { CASE_WORKFLOW_TYPES } from '../../domain/case-workflow-types';

/**
 * Whether a recorded run is the first run of a case that went through intake: a case workflow
 * started without carried state (not a continue-as-new run) that scheduled at least one activity.
 */
export function isIntakeRun(history: temporal.api.history.v1.IHistory): boolean {
  const events = history.events ?? [];
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  const type = started?.workflowType?.name ?? '';
  if (
    !started ||
    !(CASE_WORKFLOW_TYPES as readonly string[]).includes(type) ||
    started.continuedExecutionRunId
  )
    return false;
  const payload = started.input?.payloads?.[0];
  const data = payload?.data;
  // Payloads under the codec (corpus 0.2.0 on) are not readable here; continuedExecutionRunId has said it.
  const encoding = payload?.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : '';
  if (data && encoding === 'json/plain') {
    const input = JSON.parse(Buffer.from(data).toString('utf8')) as { carried?: unknown };
    if (input.carried !== undefined) return false;
  }
  return events.some(
    (event) =>
      event.activityTaskScheduledEventAttributes !== undefined &&
      event.activityTaskScheduledEventAttributes !== null,
  );
}
