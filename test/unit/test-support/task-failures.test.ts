import { temporal } from '@temporalio/proto';
import { holdsBack } from '../../simulation/task-failures';

const EventType = temporal.api.enums.v1.EventType;
const Cause = temporal.api.enums.v1.WorkflowTaskFailedCause;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const event = (eventType: number, cause?: number): HistoryEvent => ({
  eventType,
  ...(cause === undefined ? {} : { workflowTaskFailedEventAttributes: { cause } }),
});
const scheduled = event(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
const started = event(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
const completed = event(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
const failed = (cause: number) => event(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, cause);

describe('holdsBack: which failed workflow task still keeps a simulated case from moving', () => {
  it('a failure that is the latest task outcome holds the run back', () => {
    const events = [
      scheduled,
      started,
      failed(Cause.WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE),
      scheduled,
      started,
    ];
    expect(holdsBack(events, 2)).toBe(true);
  });

  it('a failure followed by a completed task or a closed run does not', () => {
    const cause = Cause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR;
    expect(holdsBack([scheduled, started, failed(cause), scheduled, started, completed], 2)).toBe(false);
    const closed = event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    expect(holdsBack([scheduled, started, failed(cause), scheduled, started, completed, closed], 2)).toBe(
      false,
    );
  });

  it('UNHANDLED_COMMAND (soak seed 3106) does not: the server schedules the next task at once', () => {
    const events = [
      scheduled,
      started,
      failed(Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND),
      scheduled,
      started,
    ];
    expect(holdsBack(events, 2)).toBe(false);
  });
});
