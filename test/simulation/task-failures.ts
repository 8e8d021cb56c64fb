import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { fetchAllRuns } from '../support/case-test-kit';
import { RUN_CLOSE_EVENTS } from '../support/close-events';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The event types just before the failed task: what the workflow was doing when its task failed. */
const LEAD_UP_EVENTS = 6;

/**
 * Why a case stopped making progress: the last failed workflow task of its current run and of every
 * child any of its runs started (a nondeterminism error, a rejected command, a thrown error), one line
 * each, with the events that led up to it. Children are collected over the whole continue-as-new
 * chain: a child started by an earlier run (a re-upload takedown) outlives it. The runner adds the
 * lines to a stuck case's report, before terminating the case.
 *
 * With `stillFailing`, only failures that still hold the workflow back count: the last workflow-task
 * outcome of a running workflow, and not UNHANDLED_COMMAND (an event arrived while the task ran; the
 * server schedules the next task at once). Soak seed 3106 was called stuck on such a failure under
 * load while its next task was on its way, and the case then completed.
 */
export async function workflowTaskFailures(
  client: Client,
  caseId: string,
  { stillFailing = false }: { stillFailing?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  const describeFailure = (workflowId: string, events: HistoryEvent[]) => {
    let index = events.length - 1;
    while (index >= 0 && events[index]!.eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) index -= 1;
    if (index < 0) return;
    const attributes = events[index]!.workflowTaskFailedEventAttributes;
    if (stillFailing && !holdsBack(events, index)) return;
    const cause = temporal.api.enums.v1.WorkflowTaskFailedCause[attributes?.cause ?? 0];
    const leadUp = events
      .slice(Math.max(0, index - LEAD_UP_EVENTS), index)
      .map((event) => EventType[event.eventType ?? 0]?.replace('EVENT_TYPE_', ''))
      .join(' > ');
    lines.push(
      `${workflowId}: workflow task failed (${cause}): ${attributes?.failure?.message ?? 'no message'}`.slice(
        0,
        600,
      ) + ` [after ${leadUp}]`,
    );
  };
  let runs: Runs;
  try {
    runs = await fetchAllRuns(client, caseId);
  } catch {
    return lines;
  }
  const last = runs[runs.length - 1];
  if (last) describeFailure(caseId, last.history.events ?? []);
  const children = childIdsOf(runs);
  for (const child of children) {
    try {
      describeFailure(child, (await client.workflow.getHandle(child).fetchHistory()).events ?? []);
    } catch {
      // never started (the start was refused): nothing to report
    }
  }
  return lines;
}

type Runs = Awaited<ReturnType<typeof fetchAllRuns>>;

const MOVED_ON = new Set([EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, ...RUN_CLOSE_EVENTS]);

/** The failed task at `index` is the run's latest task outcome and one the server does not simply retry. */
export function holdsBack(events: HistoryEvent[], index: number): boolean {
  const cause = events[index]!.workflowTaskFailedEventAttributes?.cause;
  if (cause === temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND)
    return false;
  return !events
    .slice(index + 1)
    .some((event) => MOVED_ON.has(event.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED));
}

function childIdsOf(runs: Runs): Set<string> {
  return new Set(
    runs.flatMap((run) =>
      (run.history.events ?? [])
        .map((event) => event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId)
        .filter((id): id is string => !!id),
    ),
  );
}

/** Every child any run of the case started (a stuck case's children are terminated with it). */
export async function childWorkflowIds(client: Client, caseId: string): Promise<string[]> {
  try {
    return [...childIdsOf(await fetchAllRuns(client, caseId))];
  } catch {
    return [];
  }
}
