import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { HistoryNotFoundError } from '../lib/history/workflow-history';
import { RequestId } from '../domain/channels';
import { Category } from '../domain/categories';
import { EvidenceRecord } from '../domain/evidence';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { cancellationSignal, heartbeat } from './activity-context';
import { evidenceKey } from './evidence/evidence-keys';
import { historyDocument } from './evidence/history-document';
import { SNAPSHOT_CONTENT_TYPE, snapshotDocument } from './evidence/snapshot-document';
import { boundedFetch, type BoundedResponse } from './http/bounded-fetch';
import { parseInput } from './input';

const CaptureInput = z
  .object({
    requestId: RequestId,
    caseId: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }).max(4_096).optional(),
    text: z.string().max(20_000).optional(),
  })
  .refine((input) => input.url !== undefined || input.text !== undefined, 'captureSnapshot needs a url or text');

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
    async captureSnapshot(input) {
      const { requestId, caseId, url, text } = parseInput('captureSnapshot', CaptureInput, input);
      const key = evidenceKey(caseId, 'snapshot', requestId, '.json');
      // A retry finds the first attempt's snapshot and returns it without fetching the URL again.
      const existing = await deps.evidence.find(deps.buckets.evidence, key);
      if (existing) return withFetch(existing.record, url, existing.metadata);

      const capturedAt = now();
      let response: BoundedResponse | undefined;
      let error: string | undefined;
      if (url) {
        heartbeat({ fetching: url });
        try {
          response = await boundedFetch(url, {
            timeoutMs: deps.fetch.snapshot.timeoutMs,
            maxBytes: deps.fetch.snapshot.maxBytes,
            allowPrivateNetwork: deps.fetch.allowPrivateNetwork,
            signal: cancellationSignal(),
            headers: { 'user-agent': deps.fetch.userAgent, 'accept-language': 'id,en;q=0.8' },
          });
        } catch (cause) {
          // An unreachable URL is a fact worth keeping too: the snapshot records the error.
          error = cause instanceof Error ? cause.message : String(cause);
        }
        heartbeat({ fetched: url });
      }
      const stored = await deps.evidence.put({
        kind: 'snapshot',
        bucket: deps.buckets.evidence,
        key,
        body: snapshotDocument({ caseId, requestId, capturedAt, url, text, response, error }),
        contentType: SNAPSHOT_CONTENT_TYPE,
        capturedAt,
        metadata: {
          ...(response ? { 'fetch-status': String(response.status) } : {}),
          ...(error ? { 'fetch-error': error.slice(0, 500) } : {}),
        },
      });
      return withFetch(stored.record, url, stored.metadata);
    },

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

function withFetch(record: EvidenceRecord, url: string | undefined, metadata: Record<string, string>): EvidenceRecord {
  if (!url) return record;
  const status = metadata['fetch-status'] ? Number(metadata['fetch-status']) : undefined;
  return { ...record, fetch: { url, status, error: metadata['fetch-error'] } };
}
