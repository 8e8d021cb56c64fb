import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  Actor,
  Deadline,
  PoliceTrack,
  TakedownOutcome,
  TakedownTrack,
  TimelineAction,
  TimelineMessage,
} from '../domain';

/**
 * Messages between a case and its child workflows (not for API callers). Children report progress
 * and SLA events to the case, which owns the case-level state, timeline and search attributes;
 * officer steps reach children through the case (its update validators guard them).
 */
export type DeadlineEvent =
  | { type: 'opened'; deadline: Deadline }
  | { type: 'reminded'; id: string; fraction: number; at: string }
  | { type: 'breached'; id: string; at: string }
  | { type: 'closed'; id: string; at: string; how: 'met' | 'met_late' | 'cancelled' };

export type TakedownPatch = Partial<
  Pick<
    TakedownTrack,
    'status' | 'ticketId' | 'complianceDueAt' | 'level' | 'objection' | 'blocklistRecommendationId'
  >
>;

/**
 * A child's timeline entry: `message` from children with the timeline-codes patch, `summary` (English)
 * from older ones.
 */
export interface ChildTimelineReport {
  action: TimelineAction;
  message?: TimelineMessage;
  summary?: string;
  source: string;
}

export type ChildEvent =
  | { type: 'deadline'; event: DeadlineEvent }
  | ({
      type: 'takedown';
      key: string;
      attempt: number;
      patch: TakedownPatch;
      /** A withdrawn takedown's report from a child with the case-gone patch: its takedown_finished follows. */
      endReportFollows?: boolean;
    } & ChildTimelineReport)
  | ({ type: 'police'; patch: Partial<Pick<PoliceTrack, 'status' | 'referenceId'>> } & ChildTimelineReport)
  /** A takedown child's end (children started with the issue-9 patch): the case hears of it even after continue-as-new. */
  | { type: 'takedown_finished'; key: string; attempt: number; outcome: TakedownOutcome };

export const childEventSignal = defineSignal<[ChildEvent]>('childEvent');

export interface ObjectionDecision {
  decision: 'uphold' | 'reject';
  by: Actor;
  reason: string;
}
export const objectionDecisionSignal = defineSignal<[ObjectionDecision]>('objectionDecision');

export const policeAcknowledgedSignal = defineSignal<[{ by: Actor; at: string }]>('policeAcknowledged');
export const policeReportSignal =
  defineSignal<[{ number: string; by: Actor; at: string }]>('policeReportRecorded');

/** A child's own view, for debugging in the UI. */
export const childStatusQuery = defineQuery<{ status: string; deadlines: Deadline[] }>('childStatus');
