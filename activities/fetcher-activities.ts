import type { FetchPolicy, ObjectLockPolicy } from '../config/activities';
import { createS3Client, type S3Config } from '../config/s3';
import type { CaseActivities } from './contract';
import { EvidenceStore } from './evidence/evidence-store';
import { livenessActivities } from './liveness-activity';
import { snapshotActivities } from './snapshot-activity';

/** The activities that fetch reported URLs: the only ones the fetcher worker runs. */
export type FetcherActivities = Pick<CaseActivities, 'captureSnapshot' | 'checkLiveness'>;
export const FETCHER_ACTIVITY_NAMES = [
  'captureSnapshot',
  'checkLiveness',
] as const satisfies readonly (keyof CaseActivities)[];

/**
 * Wires the fetching activities from the fetcher's own config: the evidence bucket (snapshots are
 * written there) and the fetch policy. Nothing else: no Temporal client, no partner tokens, no mail.
 */
export function createFetcherActivities(
  config: { s3: S3Config; fetch: FetchPolicy; objectLock?: ObjectLockPolicy },
  now?: () => Date,
): FetcherActivities {
  const deps = {
    evidence: new EvidenceStore(createS3Client(config.s3), { objectLock: config.objectLock }),
    buckets: { evidence: config.s3.evidenceBucket, audit: config.s3.auditBucket },
    fetch: config.fetch,
    now,
  };
  return { ...snapshotActivities(deps), ...livenessActivities(deps) };
}
