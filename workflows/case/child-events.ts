import type { ChildEvent } from '../internal-messages';
import type { CaseContext } from './context';

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
      ctx.record(event.action, event.summary, { source: event.source });
      return;
    }
    case 'police': {
      const police = state.tracks.police;
      if (police) Object.assign(police, event.patch);
      ctx.record(event.action, event.summary, { source: event.source });
      return;
    }
  }
}
