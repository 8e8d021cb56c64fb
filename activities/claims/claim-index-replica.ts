import { forEachLimited } from '../../lib/for-each-limited';
import { ClaimIndex, type ClaimEntry } from './claim-index';
import type { ClaimStore, StoredSignature } from './claim-store';

/** How old a worker's copy of the index may be before it is brought up to date (other workers' writes). */
export const REPLICA_TTL_MS = 30_000;
const READS_IN_FLIGHT = 8;

/**
 * A worker's copy of the claim index in S3. A refresh lists the stored signatures and reads only those
 * it has not seen at that version, so it costs one list call per 1,000 cases plus the changes, not a
 * read of every case (which, at a few hundred cases, had every intake's matchClaim reloading the whole
 * index and timed out the workflow tasks waiting on it: issue 14's peak day). One refresh runs at a
 * time; once loaded, a match never waits for one: a stale copy answers while it is brought up to date
 * in the background, as a match may be up to REPLICA_TTL_MS behind other workers anyway.
 */
export class ClaimIndexReplica {
  readonly index = new ClaimIndex();
  /** Object key → the version this copy holds. */
  private readonly versions = new Map<string, string>();
  /** Object key → the count of this worker's writes when it last wrote the key. */
  private readonly ownWrites = new Map<string, number>();
  private writes = 0;
  private refreshing: Promise<void> | undefined;
  private refreshedAt: number | undefined;

  constructor(
    private readonly store: Pick<ClaimStore, 'listSignatures' | 'read'>,
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = REPLICA_TTL_MS,
  ) {}

  /** The index, loaded on first use (a failed first load throws: the activity is retried). */
  async current(): Promise<ClaimIndex> {
    if (this.refreshedAt === undefined) {
      await this.refresh();
      return this.index;
    }
    if (this.clock() - this.refreshedAt > this.ttlMs) {
      // A failed background refresh leaves the copy as it was; the next call past the TTL tries again.
      this.refresh().catch(() => undefined);
    }
    return this.index;
  }

  /** Brings the copy up to date; callers during a refresh share it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.sync().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** This worker's own write: matched at once, and not read back by the next refresh. */
  written(entry: ClaimEntry, stored: StoredSignature): void {
    this.index.add(entry);
    this.versions.set(stored.key, stored.version);
    this.writes += 1;
    this.ownWrites.set(stored.key, this.writes);
  }

  private async sync(): Promise<void> {
    const startedAt = this.clock();
    const writesBefore = this.writes;
    // A key this worker wrote since the refresh began: its copy is at least as new as what a listing
    // or a read from that time can show (versions are ETags, which have no order).
    const writtenSince = (key: string) => (this.ownWrites.get(key) ?? 0) > writesBefore;
    for await (const page of this.store.listSignatures()) {
      const changed = page.filter(
        ({ key, version }) => this.versions.get(key) !== version && !writtenSince(key),
      );
      await forEachLimited(changed, READS_IN_FLIGHT, async ({ key, version }) => {
        const entry = await this.store.read(key);
        if (writtenSince(key)) return;
        this.index.add(entry);
        this.versions.set(key, version);
      });
    }
    this.refreshedAt = startedAt;
  }
}
