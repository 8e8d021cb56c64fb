import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { CaseOutcome, CaseState, Deadline } from '../../domain';
import { caseQueries } from '../../workflows/messages';
import { childStatusQuery } from '../../workflows/internal-messages';
import { fetchAllRuns } from '../support/case-test-kit';
import { RUN_CLOSE_EVENTS } from '../support/close-events';

/**
 * What the invariants look at once a script ended: for every case the script opened, every run of
 * its continue-as-new chain (history length and bytes, how it closed, the size of the state it
 * carried in), its final state and outcome, and every child workflow it started (status, history,
 * its own copy of its deadlines).
 */
export interface RunFacts {
  workflowId: string;
  runId: string;
  events: number;
  historyBytes: number;
  /** The close event type, e.g. EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED; undefined while running. */
  closedBy?: string;
  /** Bytes of the state carried into this run by continue-as-new (0 for a first run). */
  carriedBytes: number;
}

export interface WorkflowFacts {
  workflowId: string;
  status: string;
  runs: RunFacts[];
}

export interface CaseFacts extends WorkflowFacts {
  state?: CaseState;
  stateBytes: number;
  outcome?: CaseOutcome;
  children: (WorkflowFacts & { deadlines?: Deadline[] })[];
}

const EventType = temporal.api.enums.v1.EventType;

const payloadBytes = (payloads: temporal.api.common.v1.IPayload[] | null | undefined) =>
  (payloads ?? []).reduce((sum, payload) => sum + (payload.data?.length ?? 0), 0);

async function workflowFacts(
  client: Client,
  workflowId: string,
): Promise<WorkflowFacts & { childIds: string[] }> {
  const status = (await client.workflow.getHandle(workflowId).describe()).status.name;
  const childIds = new Set<string>();
  const runs: RunFacts[] = [];
  for (const run of await fetchAllRuns(client, workflowId)) {
    const events = run.history.events ?? [];
    const last = events[events.length - 1];
    const started = events[0]?.workflowExecutionStartedEventAttributes;
    for (const event of events) {
      const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (child) childIds.add(child);
    }
    runs.push({
      workflowId,
      runId: run.runId,
      events: events.length,
      historyBytes: temporal.api.history.v1.History.encode(run.history).finish().length,
      ...(last?.eventType && RUN_CLOSE_EVENTS.has(last.eventType)
        ? { closedBy: EventType[last.eventType] }
        : {}),
      carriedBytes: started?.continuedExecutionRunId ? payloadBytes(started.input?.payloads) : 0,
    });
  }
  return { workflowId, status, runs, childIds: [...childIds] };
}

export async function observeCase(client: Client, caseId: string): Promise<CaseFacts> {
  const handle = client.workflow.getHandle(caseId);
  const facts = await workflowFacts(client, caseId);
  let state: CaseState | undefined;
  let outcome: CaseOutcome | undefined;
  try {
    state = await handle.query(caseQueries.state);
  } catch {
    state = undefined;
  }
  if (facts.status === 'COMPLETED') outcome = (await handle.result()) as CaseOutcome;
  const children: CaseFacts['children'] = [];
  for (const childId of facts.childIds) {
    const child = await workflowFacts(client, childId).catch(() => undefined);
    if (!child) continue;
    let deadlines: Deadline[] | undefined;
    try {
      deadlines = (await client.workflow.getHandle(childId).query(childStatusQuery)).deadlines;
    } catch {
      deadlines = undefined;
    }
    children.push({
      workflowId: child.workflowId,
      status: child.status,
      runs: child.runs,
      ...(deadlines ? { deadlines } : {}),
    });
  }
  return {
    workflowId: facts.workflowId,
    status: facts.status,
    runs: facts.runs,
    ...(state ? { state } : {}),
    stateBytes: state ? Buffer.byteLength(JSON.stringify(state)) : 0,
    ...(outcome ? { outcome } : {}),
    children,
  };
}
