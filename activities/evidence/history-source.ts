import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { Client } from '@temporalio/client';

export interface WorkflowHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  startTime: string;
  closeTime?: string;
  eventCount: number;
  /** The full event history as JSON: event types as names, 64-bit numbers as strings, bytes as base64. */
  historyJson: string;
}

/** Where a case's history comes from; the Temporal client in production, a stub in unit tests. */
export interface HistorySource {
  fetchHistory(workflowId: string, runId?: string): Promise<WorkflowHistory>;
}

export function temporalHistorySource(client: Client): HistorySource {
  return {
    async fetchHistory(workflowId, runId) {
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
          closeTime: description.closeTime?.toISOString(),
          eventCount: history.events?.length ?? 0,
          historyJson: historyJsonOf(history),
        };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          throw ApplicationFailure.nonRetryable(`no workflow ${workflowId}${runId ? ` run ${runId}` : ''} to archive`, 'WorkflowNotFound');
        }
        throw error;
      }
    },
  };
}

/**
 * The history as JSON through the protobuf message's own toJSON(). Not `historyToJSON` from
 * @temporalio/common: with this lockfile it sees two copies of protobufjs and throws "type must be a
 * Type". The output differs from Temporal's proto3 JSON only in timestamps ({ seconds, nanos }).
 */
function historyJsonOf(history: object): string {
  const message = history as { toJSON?: () => unknown };
  return JSON.stringify(typeof message.toJSON === 'function' ? message.toJSON() : history);
}
