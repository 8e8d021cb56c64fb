import type { Client } from '@temporalio/client';
import { HISTORY_SCHEMAS, historyEnvelope } from '../lib/history/history-envelope';
import { fetchWorkflowHistory, type WorkflowHistory } from '../lib/history/workflow-history';
import { sha256Hex } from '../lib/sha256';
import type { ArchiveWriter } from './archive-store';
import { archiveKeys } from './archive-layout';
import {
  CaseManifest,
  encodeDocument,
  MANIFEST_SCHEMA,
  type ArchivedChild,
  type ArchivedRun,
} from './archive-documents';
import type { ManifestRef } from './ledger';
import type { RunningCode } from './code-version';
import { recordedBuildIds } from './recorded-build-ids';

interface EventJson {
  eventType?: string;
  workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string };
  workflowExecutionContinuedAsNewEventAttributes?: { newExecutionRunId?: string };
  childWorkflowExecutionStartedEventAttributes?: {
    workflowExecution?: { workflowId?: string; runId?: string };
  };
}

const eventsOf = (history: WorkflowHistory) =>
  (JSON.parse(history.historyJson) as { events: EventJson[] }).events;

export class CaseStillOpenError extends Error {}

/** Every run of the case's last continue-as-new chain, first to last. */
async function caseRuns(client: Client, caseId: string, progress: (line: string) => void) {
  const runs: WorkflowHistory[] = [];
  let next: string | undefined;
  do {
    const run = await fetchWorkflowHistory(client, caseId, next);
    if (runs.length === 0 && (run.status === 'RUNNING' || run.status === 'CONTINUED_AS_NEW'))
      throw new CaseStillOpenError(`${caseId} is still running: it is archived after it completes`);
    runs.unshift(run);
    progress(`fetched ${caseId} run ${run.runId} (${run.eventCount} events)`);
    next = eventsOf(run)[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (next);
  return runs;
}

/** A child's runs from the one the case started, following continue-as-new forwards. */
async function childRuns(client: Client, workflowId: string, firstRunId: string) {
  const runs: WorkflowHistory[] = [];
  let next: string | undefined = firstRunId;
  while (next) {
    const run = await fetchWorkflowHistory(client, workflowId, next);
    if (run.status === 'RUNNING')
      throw new CaseStillOpenError(`child ${workflowId} is still running: the case is archived when it ends`);
    runs.push(run);
    next =
      eventsOf(run).at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId || undefined;
  }
  return runs;
}

function runDocument(caseId: string, archivedAt: string, history: WorkflowHistory): Uint8Array {
  const { historyJson, ...run } = history;
  const header = { caseId, requestId: `audit:${run.runId}`, category: null, archivedAt, ...run };
  return new TextEncoder().encode(historyEnvelope(HISTORY_SCHEMAS.archive, header, historyJson));
}

/** A closed case's histories: its runs first to last, and each child's runs. */
export interface CaseHistories {
  caseId: string;
  runs: WorkflowHistory[];
  children: { workflowId: string; startedByRunId: string; runs: WorkflowHistory[] }[];
}

/** Fetches every run of a closed case and of every child it started (fails while any is still running). */
export async function collectCaseHistories(
  client: Client,
  caseId: string,
  progress: (line: string) => void = () => undefined,
): Promise<CaseHistories> {
  const runs = await caseRuns(client, caseId, progress);
  const children: CaseHistories['children'] = [];
  for (const run of runs) {
    for (const event of eventsOf(run)) {
      const child = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
      if (!child?.workflowId || !child.runId) continue;
      const histories = await childRuns(client, child.workflowId, child.runId);
      progress(`fetched child ${child.workflowId} (${histories.length} run(s))`);
      children.push({ workflowId: child.workflowId, startedByRunId: run.runId, runs: histories });
    }
  }
  return { caseId, runs, children };
}

/**
 * Writes a closed case's archive: each run as a history document (the bytes Temporal returned,
 * encoded once as in lib/history), then the manifest listing them in order with their SHA-256. Every
 * object is create-only: a rerun keeps what is there and reports the manifest already written.
 */
export async function writeCaseArchive(
  archive: ArchiveWriter,
  histories: CaseHistories,
  now: () => Date,
  /** The archiving code's version, recorded with each run's own build ids (omitted: no version recorded). */
  code?: RunningCode,
): Promise<ManifestRef & { runs: number; children: number }> {
  const { caseId, runs } = histories;
  const lastRunId = runs.at(-1)!.runId;
  const manifestKey = archiveKeys.manifest(caseId, lastRunId);
  const existing = await archive.read(manifestKey);
  if (existing) {
    const manifest = CaseManifest.parse(JSON.parse(new TextDecoder().decode(existing)));
    return {
      caseId,
      manifestKey,
      manifestSha256: sha256Hex(existing),
      runs: manifest.runs.length,
      children: manifest.children.length,
    };
  }
  const archivedAt = now().toISOString();

  const store = async (history: WorkflowHistory, index: number, key: string): Promise<ArchivedRun> => {
    const bytes = runDocument(caseId, archivedAt, history);
    const { created } = await archive.putOnce(key, bytes);
    const stored = created ? bytes : await archive.read(key);
    const first = eventsOf(history)[0]?.workflowExecutionStartedEventAttributes;
    return {
      index,
      runId: history.runId,
      continuedExecutionRunId: first?.continuedExecutionRunId || null,
      workflowType: history.workflowType,
      status: history.status,
      startTime: history.startTime,
      closeTime: history.closeTime ?? null,
      eventCount: history.eventCount,
      key,
      sha256: sha256Hex(stored!),
      ...(code ? { code: { ...code, recordedBuildIds: recordedBuildIds(history.historyJson) } } : {}),
    };
  };

  const archivedRuns: ArchivedRun[] = [];
  for (const [position, run] of runs.entries())
    archivedRuns.push(
      await store(run, position + 1, archiveKeys.run(caseId, lastRunId, position + 1, run.runId)),
    );
  const children: ArchivedChild[] = [];
  for (const child of histories.children) {
    const archivedChildRuns: ArchivedRun[] = [];
    for (const [index, childRun] of child.runs.entries()) {
      const key = archiveKeys.childRun(caseId, lastRunId, child.workflowId, index + 1, childRun.runId);
      archivedChildRuns.push(await store(childRun, index + 1, key));
    }
    children.push({
      workflowId: child.workflowId,
      startedByRunId: child.startedByRunId,
      runs: archivedChildRuns,
    });
  }

  const manifest = encodeDocument(
    CaseManifest.parse({
      schema: MANIFEST_SCHEMA,
      caseId,
      lastRunId,
      archivedAt,
      runs: archivedRuns,
      children,
    }),
  );
  const { created } = await archive.putOnce(manifestKey, manifest);
  const written = created ? manifest : await archive.read(manifestKey);
  return {
    caseId,
    manifestKey,
    manifestSha256: sha256Hex(written!),
    runs: archivedRuns.length,
    children: children.length,
  };
}
