import { CancellationScope, log } from '@temporalio/workflow';
import { caseActivities } from '../activity-stubs';
import type { CaseContext } from './context';

/** The timeline keeps at most this many entries in the state; older ones go to S3 in batches. */
export const TIMELINE_KEPT = 200;
export const TIMELINE_BATCH = 100;

/**
 * Bounded timeline: when the state holds more than TIMELINE_KEPT entries, the oldest TIMELINE_BATCH are
 * stored in S3 (storeCaseText, create-only per batch) with the digest of the previous archive inside,
 * so the archives form a hash chain; the state keeps only the links. Runs in the background; a failed
 * archive is tried again when the next entry is recorded; the entries stay in the state meanwhile.
 */
export class TimelineArchiver {
  private running = false;

  constructor(private readonly ctx: CaseContext) {}

  idle(): boolean {
    return !this.running;
  }

  check(): void {
    if (this.running || this.ctx.state.timeline.length <= TIMELINE_KEPT) return;
    this.running = true;
    void CancellationScope.nonCancellable(() => this.archiveBatch()).then((archived) => {
      this.running = false;
      if (archived) this.check();
    });
  }

  private async archiveBatch(): Promise<boolean> {
    const { state } = this.ctx;
    const entries = state.timeline.slice(0, TIMELINE_BATCH);
    const fromSeq = entries[0]!.seq;
    const toSeq = entries[entries.length - 1]!.seq;
    const previous = state.timelineArchives[state.timelineArchives.length - 1];
    try {
      const ref = await caseActivities.storeCaseText({
        requestId: `${state.caseId}:timeline:${fromSeq}-${toSeq}`,
        caseId: state.caseId,
        kind: 'timeline',
        text: JSON.stringify({ caseId: state.caseId, fromSeq, toSeq, previousSha256: previous?.ref.sha256 ?? null, entries }),
      });
      state.timelineArchives.push({ fromSeq, toSeq, ref, ...(previous ? { previousSha256: previous.ref.sha256 } : {}) });
      state.timeline = state.timeline.filter((entry) => entry.seq > toSeq);
      this.ctx.changed();
      return true;
    } catch (error) {
      // The entries stay in the state; the next entry recorded tries again.
      log.warn('timeline archive failed', { caseId: state.caseId, error: String(error) });
      return false;
    }
  }
}
