import type { TakedownOutcome, TakedownTrack } from '../../domain';
import type { ChildEvent, ChildTimelineReport } from '../internal-messages';
import { takedownChildId } from './child-ids';
import type { CaseContext } from './context';

const FINAL_STATUS: Record<TakedownOutcome['result'], TakedownTrack['status']> = {
  removed: 'removed',
  blocklist_recommended: 'blocklist_recommended',
  objection_upheld: 'objection_upheld',
  cancelled: 'cancelled',
  failed: 'failed',
};

/** Records a takedown child's outcome on its track, once (the child's report and its result may both arrive). */
export function applyTakedownOutcome(ctx: CaseContext, track: TakedownTrack, outcome: TakedownOutcome): void {
  if (track.result) return;
  track.result = outcome.result;
  track.status = FINAL_STATUS[outcome.result];
  if (outcome.level) track.level = outcome.level;
  track.updatedAt = outcome.finishedAt;
  ctx.record(
    'takedown_finished',
    {
      code: 'takedown_finished',
      params: {
        platform: track.platform,
        result: outcome.result,
        ...(outcome.level ? { level: outcome.level } : {}),
      },
    },
    { source: `platform:${track.platform}` },
  );
}

/** Applies a child workflow's progress report to the case state and timeline. */
export function applyChildEvent(ctx: CaseContext, event: ChildEvent): void {
  const { state } = ctx;
  switch (event.type) {
    case 'deadline':
      ctx.report(event.event);
      return;
    case 'takedown': {
      const track = state.tracks.takedowns.find((candidate) => candidate.key === event.key);
      // A report from an earlier attempt (superseded by a re-upload takedown) is only logged.
      if (track && track.attempt === event.attempt) {
        Object.assign(track, event.patch, { updatedAt: ctx.nowIso() });
      }
      // A takedown withdrawn by a child started before the case-gone patch: its last report (later
      // children send takedown_finished after it, and the closing case waits for that one).
      if (event.action === 'takedown_withdrawn' && !event.endReportFollows)
        ctx.endedChildren.add(takedownChildId(ctx.caseId, event.key, event.attempt));
      recordReport(ctx, event);
      return;
    }
    case 'takedown_finished': {
      const track = state.tracks.takedowns.find((candidate) => candidate.key === event.key);
      if (track && track.attempt === event.attempt) applyTakedownOutcome(ctx, track, event.outcome);
      ctx.endedChildren.add(takedownChildId(ctx.caseId, event.key, event.attempt));
      return;
    }
    case 'police': {
      const police = state.tracks.police;
      if (police) Object.assign(police, event.patch);
      recordReport(ctx, event);
      return;
    }
  }
}

/** A child's timeline entry: its message (children with the timeline-codes patch) or its English summary. */
function recordReport(ctx: CaseContext, event: ChildTimelineReport): void {
  if (event.message) ctx.record(event.action, event.message, { source: event.source });
  else ctx.recordSummary(event.action, event.summary ?? '', { source: event.source });
}
