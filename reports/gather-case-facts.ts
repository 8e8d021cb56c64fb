import type { Client } from '@temporalio/client';
import { CaseFacts, CaseState, migrateCaseState } from '../domain';
import { caseQueries } from '../workflows/messages';
import { factsOfCase } from './case-facts';
import type { PeriodRange } from './period';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';

export interface GatherOptions {
  /** Cases queried at once: each query replays one run on a worker. */
  concurrency?: number;
  /** Only the cases of one task queue (tests sharing a server). */
  taskQueue?: string;
  progress?: (line: string) => void;
  now?: () => Date;
}

/**
 * The facts of every case that was open at some point in [from, to): one visibility listing, then one
 * state query per case (its latest run in the period; a closed case is queried through its closed run,
 * which Temporal keeps until retention). At ~14,000 cases a day and 8 queries at once this is minutes
 * of work for the daily report; the monthly report reads the stored daily facts instead of asking
 * Temporal again (reports/report-producer.ts), so retention never limits it.
 */
export async function gatherCaseFacts(
  client: Client,
  range: PeriodRange,
  options: GatherOptions = {},
): Promise<CaseFacts[]> {
  const query =
    `${IS_CASE_WORKFLOW} AND StartTime < '${range.to.toISOString()}'` +
    ` AND (CloseTime >= '${range.from.toISOString()}' OR ExecutionStatus = 'Running')` +
    (options.taskQueue ? ` AND TaskQueue = '${options.taskQueue.replace(/'/g, '')}'` : '');
  const latestRun = new Map<string, { runId: string; startedAt: number }>();
  for await (const execution of client.workflow.list({ query })) {
    const known = latestRun.get(execution.workflowId);
    const startedAt = execution.startTime.getTime();
    if (!known || startedAt > known.startedAt)
      latestRun.set(execution.workflowId, { runId: execution.runId, startedAt });
  }
  const targets = [...latestRun.entries()].sort(([a], [b]) => a.localeCompare(b));
  options.progress?.(`${targets.length} cases were open in the period; reading their state`);
  const now = options.now ?? (() => new Date());
  const facts: CaseFacts[] = [];
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const [caseId, { runId }] = targets[next++]!;
      const raw = await client.workflow.getHandle(caseId, runId).query(caseQueries.state);
      const state = CaseState.parse(migrateCaseState(raw));
      facts.push(CaseFacts.parse(factsOfCase(state, now())));
      if (facts.length % 500 === 0) options.progress?.(`${facts.length}/${targets.length} cases read`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return facts.sort((a, b) => a.caseId.localeCompare(b.caseId));
}
