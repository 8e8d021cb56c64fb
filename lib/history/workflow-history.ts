import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { historyToJson } from './history-json';

/** One run's history with what identifies it; `historyJson` is the one canonical encoding (history-json.ts). */
export interface WorkflowHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  startTime: string;
  closeTime?: string;
  eventCount: number;
  historyJson: string;
}

/** Thrown when Temporal has no such workflow (or run); callers turn it into their own error. */
export class HistoryNotFoundError extends Error {
  constructor(
    readonly workflowId: string,
    readonly runId?: string,
  ) {
    super(`no workflow ${workflowId}${runId ? ` run ${runId}` : ''}`);
    this.name = 'HistoryNotFoundError';
  }
}

/** Fetches a run's history (the latest run without `runId`), encoded once, the same way for export and archive. */
export async function fetchWorkflowHistory(
  client: Client,
  workflowId: string,
  runId?: string,
): Promise<WorkflowHistory> {
  const handle = client.workflow.getHandle(workflowId, runId);
  try {
    const description = await handle.describe();
    const history = await handle.fetchHistory();
    return {
      workflowId,
      runId: description.runId,
      workflowType: description.type,
      status: description.status.name,
      startTime: description.startTime.toISOString(),
      ...(description.closeTime ? { closeTime: description.closeTime.toISOString() } : {}),
      eventCount: history.events?.length ?? 0,
      historyJson: historyToJson(history),
    };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new HistoryNotFoundError(workflowId, runId);
    throw error;
  }
}
