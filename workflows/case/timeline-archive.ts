import { CancellationScope, log, patched } from '@temporalio/workflow';
import { caseActivities } from '../activity-stubs';
import type { CaseContext } from './context';

/** The timeline keeps at most this many entries in the state; older ones go to S3 in batches. */
export const TIMELINE_KEPT = 200;
export const TIMELINE_BATCH = 100;
/**
 * The timeline's JSON size kept in the state: entries carry officers' free text (notes up to 5,000
 * characters), so a count alone let 200 long notes carry about 1 MB across continue-as-new.
 */
export const TIMELINE_KEPT_BYTES = 64 * 1024;
/** Behind a patch: runs recorded before it archived by count only, and must replay that way. */
const BYTES_PATCH = 'saring-timeline-bytes';

const jsonBytes = (value: unknown) => JSON.stringify(value).length;

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
    if (this.running || !this.overBudget()) return;
    this.running = true;
    void CancellationScope.nonCancellable(() => this.archiveBatch()).then((archived) => {
      this.running = false;
      if (archived) this.check();
    });
  }

  private overBudget(): boolean {
    const { timeline } = this.ctx.state;
    if (timeline.length > TIMELINE_KEPT) return true;
    return (
      timeline.length > 1 &&
      jsonBytes(timeline) > TIMELINE_KEPT_BYTES &&
      (this.ctx.timelineArchiveByBytes ?? patched(BYTES_PATCH))
    );
  }

  /** The oldest entries to archive: a full batch by count, or (by size) about half the budget's worth. */
  private nextBatch() {
    const { timeline } = this.ctx.state;
    if (timeline.length > TIMELINE_KEPT) return timeline.slice(0, TIMELINE_BATCH);
    let bytes = 0;
    let count = 0;
    while (count < timeline.length - 1 && count < TIMELINE_BATCH && bytes < TIMELINE_KEPT_BYTES / 2) {
      bytes += jsonBytes(timeline[count]);
      count += 1;
    }
    return timeline.slice(0, Math.max(count, 1));
  }

  private async archiveBatch(): Promise<boolean> {
    const { state } = this.ctx;
    const entries = this.nextBatch();
    const fromSeq = entries[0]!.seq;
    const toSeq = entries[entries.length - 1]!.seq;
    const previous = state.timelineArchives[state.timelineArchives.length - 1];
    try {
      const ref = await caseActivities.storeCaseText({
        requestId: `${state.caseId}:timeline:${fromSeq}-${toSeq}`,
        caseId: state.caseId,
        kind: 'timeline',
        text: JSON.stringify({
          caseId: state.caseId,
          fromSeq,
          toSeq,
          previousSha256: previous?.ref.sha256 ?? null,
          entries,
        }),
      });
      state.timelineArchives.push({
        fromSeq,
        toSeq,
        ref,
        ...(previous ? { previousSha256: previous.ref.sha256 } : {}),
      });
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
