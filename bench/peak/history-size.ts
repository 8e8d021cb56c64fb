import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';

export interface HistorySize {
  workflows: number;
  /** Mean per case over the sample: events, protobuf bytes and JSON bytes (the measure). */
  events: number;
  bytes: number;
  jsonBytes: number;
}

/** Every run of a workflow id (following continue-as-new back from the latest run), summed. */
async function chainSize(
  client: Client,
  workflowId: string,
): Promise<{ events: number; bytes: number; jsonBytes: number }> {
  const total = { events: 0, bytes: 0, jsonBytes: 0 };
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    total.events += history.events?.length ?? 0;
    total.bytes += temporal.api.history.v1.History.encode(history).finish().length;
    total.jsonBytes += Buffer.byteLength(historyToJSON(history));
    const previous: string | null | undefined =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    runId = previous || undefined;
  }
  return total;
}

/** Mean history per case, each case counted as its own workflow ids (the case and, for Saring, its children). */
export async function meanHistorySize(client: Client, cases: string[][]): Promise<HistorySize> {
  const sum = { events: 0, bytes: 0, jsonBytes: 0 };
  for (const ids of cases) {
    for (const workflowId of ids) {
      const size = await chainSize(client, workflowId);
      sum.events += size.events;
      sum.bytes += size.bytes;
      sum.jsonBytes += size.jsonBytes;
    }
  }
  const n = Math.max(1, cases.length);
  return {
    workflows: cases.length,
    events: sum.events / n,
    bytes: sum.bytes / n,
    jsonBytes: sum.jsonBytes / n,
  };
}
