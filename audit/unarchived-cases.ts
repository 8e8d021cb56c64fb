import type { Client } from '@temporalio/client';
import type { ArchiveReader } from './archive-store';
import { archiveKeys } from './archive-layout';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';

/**
 * Closed cases (the last run of a chain: completed, failed, terminated, cancelled or timed out) whose
 * manifest is not in the archive yet, oldest first, at most `limit`.
 */
export async function findUnarchivedCases(
  client: Client,
  archive: ArchiveReader,
  limit: number,
  taskQueue?: string,
): Promise<{ caseId: string; runId: string }[]> {
  const query =
    `${IS_CASE_WORKFLOW} AND ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'` +
    (taskQueue ? ` AND TaskQueue = '${taskQueue}'` : '');
  const found: { caseId: string; runId: string }[] = [];
  for await (const execution of client.workflow.list({ query })) {
    if (await archive.read(archiveKeys.manifest(execution.workflowId, execution.runId))) continue;
    found.push({ caseId: execution.workflowId, runId: execution.runId });
    if (found.length >= limit) break;
  }
  return found;
}
