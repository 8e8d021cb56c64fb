import type { EvidenceRecord } from '../domain/evidence';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { cancellationSignal, heartbeat } from './activity-context';
import { evidenceKey } from './evidence/evidence-keys';
import { SNAPSHOT_CONTENT_TYPE, snapshotDocument } from './evidence/snapshot-document';
import { boundedFetch, type BoundedResponse } from './http/bounded-fetch';
import { egressOf } from './http/dns-resolver';
import { parseInput } from './input';
import { CaptureInput } from './input-schemas';

/** What capturing a snapshot needs: the evidence bucket and the fetch policy, nothing of Temporal (the fetcher worker runs it). */
export type SnapshotDeps = Pick<ActivityDeps, 'evidence' | 'buckets' | 'fetch' | 'now'>;

export function snapshotActivities(deps: SnapshotDeps): Pick<CaseActivities, 'captureSnapshot'> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const egress = egressOf(deps.fetch);
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
            ...egress,
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
  };
}

function withFetch(
  record: EvidenceRecord,
  url: string | undefined,
  metadata: Record<string, string>,
): EvidenceRecord {
  if (!url) return record;
  const status = metadata['fetch-status'] ? Number(metadata['fetch-status']) : undefined;
  return { ...record, fetch: { url, status, error: metadata['fetch-error'] } };
}
