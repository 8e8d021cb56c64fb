import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { HistoryNotFoundError } from '../lib/history/workflow-history';
import { Category } from '../domain/categories';
import { EvidenceRecord } from '../domain/evidence';
import { RequestId } from '../domain/channels';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { heartbeat } from './activity-context';
import { evidenceKey } from './evidence/evidence-keys';
import { historyDocument } from './evidence/history-document';
import { parseInput } from './input';
import { snapshotActivities } from './snapshot-activity';

const VerifyInput = z.object({ record: EvidenceRecord });

const ArchiveInput = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  workflowId: z.string().min(1),
  runId: z.string().min(1).optional(),
  category: Category.optional(),
});

export function evidenceActivities(deps: ActivityDeps): Pick<CaseActivities, 'captureSnapshot' | 'verifyEvidence' | 'archiveCaseHistory'> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  return {
    ...snapshotActivities(deps),
    async verifyEvidence(input) {
      const { record } = parseInput('verifyEvidence', VerifyInput, input);
      return deps.evidence.verify(record);
    },

    async archiveCaseHistory(input) {
      const { requestId, caseId, workflowId, runId, category } = parseInput('archiveCaseHistory', ArchiveInput, input);
      const key = evidenceKey(caseId, 'history_archive', requestId, '.json');
      const existing = await deps.evidence.find(deps.buckets.audit, key);
      if (existing) return existing.record;

      heartbeat({ fetchingHistoryOf: workflowId });
      const history = await deps.history.fetchHistory(workflowId, runId).catch((error: unknown) => {
        if (error instanceof HistoryNotFoundError)
          throw ApplicationFailure.nonRetryable(`${error.message} to archive`, 'WorkflowNotFound');
        throw error;
      });
      heartbeat({ fetchedEvents: history.eventCount });
      const archivedAt = now();
      const stored = await deps.evidence.put({
        kind: 'history_archive',
        bucket: deps.buckets.audit,
        key,
        body: historyDocument({ caseId, requestId, category, archivedAt, history }),
        contentType: 'application/json',
        capturedAt: archivedAt,
        metadata: { 'workflow-id': workflowId, 'run-id': history.runId, 'event-count': String(history.eventCount) },
      });
      return stored.record;
    },
  };
}
