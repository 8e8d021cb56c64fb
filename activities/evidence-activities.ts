import { ApplicationFailure } from '@temporalio/common';
import { HistoryNotFoundError } from '../lib/history/workflow-history';
import type { TextRef } from '../domain/case-state';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { heartbeat } from './activity-context';
import { evidenceKey } from './evidence/evidence-keys';
import { historyDocument } from './evidence/history-document';
import { parseInput } from './input';
import { ArchiveInput, StoreTextInput, VerifyInput } from './input-schemas';
import { snapshotActivities } from './snapshot-activity';

export function evidenceActivities(
  deps: ActivityDeps,
): Pick<CaseActivities, 'captureSnapshot' | 'verifyEvidence' | 'archiveCaseHistory' | 'storeCaseText'> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  return {
    ...snapshotActivities(deps),
    async storeCaseText(input): Promise<TextRef> {
      const { requestId, caseId, kind, text } = parseInput('storeCaseText', StoreTextInput, input);
      // Create-only under a key per requestId: a retry returns the first attempt's object.
      const stored = await deps.evidence.put({
        kind: 'document',
        bucket: deps.buckets.evidence,
        key: evidenceKey(caseId, 'document', `${kind}:${requestId}`, '.txt'),
        body: new TextEncoder().encode(text),
        contentType: 'text/plain; charset=utf-8',
        capturedAt: now(),
      });
      const { bucket, key, sha256, size } = stored.record;
      return { bucket, key, sha256, size };
    },

    async verifyEvidence(input) {
      const { record } = parseInput('verifyEvidence', VerifyInput, input);
      return deps.evidence.verify(record);
    },

    async archiveCaseHistory(input) {
      const { requestId, caseId, workflowId, runId, category } = parseInput(
        'archiveCaseHistory',
        ArchiveInput,
        input,
      );
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
        metadata: {
          'workflow-id': workflowId,
          'run-id': history.runId,
          'event-count': String(history.eventCount),
        },
      });
      return stored.record;
    },
  };
}
