import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

/**
 * Why a case stopped making progress: the last failed workflow task of its current run and of every
 * child it started (a nondeterminism error, a rejected command, a thrown error), one line each. The
 * runner adds them to a stuck case's report, before terminating the case.
 */
export async function workflowTaskFailures(client: Client, caseId: string): Promise<string[]> {
  const lines: string[] = [];
  const visit = async (workflowId: string, depth: number): Promise<void> => {
    let events: temporal.api.history.v1.IHistoryEvent[];
    try {
      events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    } catch {
      return;
    }
    const failed = events
      .filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
      .pop();
    if (failed) {
      const attributes = failed.workflowTaskFailedEventAttributes;
      const cause = temporal.api.enums.v1.WorkflowTaskFailedCause[attributes?.cause ?? 0];
      lines.push(
        `${workflowId}: workflow task failed (${cause}): ${attributes?.failure?.message ?? 'no message'}`.slice(
          0,
          600,
        ),
      );
    }
    if (depth > 0) return;
    const children = new Set(
      events
        .map((event) => event.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId)
        .filter((id): id is string => !!id),
    );
    for (const child of children) await visit(child, depth + 1);
  };
  await visit(caseId, 0);
  return lines;
}
