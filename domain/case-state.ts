import { z } from 'zod';
import { Category, HoaxLabel, Priority } from './categories';
import { ClaimLink, ClarificationReuse } from './claim-link';
import { Classification } from './classification';
import { DetectionSource, Sha256Hex } from './detection';
import { EscalationLevel, PublicationChannel, PublicationReceipt } from './channels';
import { EvidenceRecord } from './evidence';
import { CaseOutcome, TakedownResult } from './outcome';
import { LiteracyPillar, Platform, Region } from './places';
import { SlaStage } from './policy';
import { TimelineMessage } from './timeline-message';
import { Actor, OfficerId } from './roles';
import { Verdict } from './verdict';

const IsoTime = z.iso.datetime({ offset: true });

/**
 * Where a case is. `action` covers the parallel tracks (clarify, takedown, police, respond); their own
 * progress is in `tracks`. `closed` and `withdrawn` are final.
 */
export const CASE_STAGES = ['intake', 'verification', 'action', 'monitoring', 'closed', 'withdrawn'] as const;
export const CaseStage = z.enum(CASE_STAGES);
export type CaseStage = z.infer<typeof CaseStage>;

/** One SLA timer of the case (or of one of its child workflows), open or finished. */
export const Deadline = z.object({
  /** Unique within the case, e.g. "verification", "takedown_compliance:meta-1". */
  id: z.string().min(1),
  sla: SlaStage,
  /** What it is about, for people: "verification", "takedown on meta"... */
  label: z.string(),
  priority: Priority,
  /** The officer reminded, if one is responsible. */
  assignee: OfficerId.optional(),
  startedAt: IsoTime,
  dueAt: IsoTime,
  remindersSent: z.array(z.number()),
  breachedAt: IsoTime.optional(),
  closedAt: IsoTime.optional(),
  /** met: in time; met_late: after the breach; cancelled: the stage ended another way. */
  closedHow: z.enum(['met', 'met_late', 'cancelled']).optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const TIMELINE_ACTIONS = [
  'detected',
  'classified',
  'evidence_captured',
  'stage_changed',
  'assigned',
  'verdict_submitted',
  'statement_drafted',
  'statement_rejected',
  'statement_approved',
  'statement_published',
  'takedown_requested',
  'takedown_checked',
  'takedown_removed',
  'takedown_escalated',
  'blocklist_recommended',
  'platform_objected',
  'objection_resolved',
  'takedown_finished',
  'takedown_withdrawn',
  'police_package_delivered',
  'police_delivery_late',
  'police_acknowledged',
  'police_report_recorded',
  'police_follow_up',
  'sla_reminder',
  'sla_breach',
  'sla_met',
  'note',
  'withdrawal_requested',
  'withdrawal_approved',
  'monitoring_started',
  'reupload_reported',
  'reupload_detected',
  'continued_as_new',
  'notification_failed',
  'track_failed',
  'archive_failed',
  'closed',
  'claim_linked',
  'clarification_reused',
] as const;
export const TimelineAction = z.enum(TIMELINE_ACTIONS);
export type TimelineAction = z.infer<typeof TimelineAction>;

/** Who did what, when. `actor` for officers; `source` for the system parts (workflow, platform:x...). */
export const TimelineEntry = z
  .object({
    seq: z.number().int().positive(),
    at: IsoTime,
    action: TimelineAction,
    actor: Actor.optional(),
    source: z.string().optional(),
    /** What happened, as a code and its parameters (runs with the timeline-codes patch); render it with timelineEntryText. */
    message: TimelineMessage.optional(),
    /** The English sentence stored by runs without the timeline-codes patch. */
    summary: z.string().optional(),
  })
  .refine((entry) => entry.message !== undefined || entry.summary !== undefined, {
    message: 'a timeline entry needs a message (code and parameters) or a summary',
  });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Long free text kept in S3: the state and history carry only where it is and its digest. */
export const TextRef = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
});
export type TextRef = z.infer<typeof TextRef>;

export const STATEMENT_KINDS = ['clarification', 'response'] as const;
export const StatementKind = z.enum(STATEMENT_KINDS);
export type StatementKind = z.infer<typeof StatementKind>;

export const StatementDraft = z.object({
  revision: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  label: HoaxLabel.optional(),
  pillar: LiteracyPillar,
  channels: z.array(PublicationChannel),
  jointWithPolice: z.boolean(),
  /** After publication the body moves to S3 and `body` keeps its first 280 characters. */
  bodyRef: TextRef.optional(),
  by: Actor,
  at: IsoTime,
});
export type StatementDraft = z.infer<typeof StatementDraft>;

export const StatementTrack = z.object({
  kind: StatementKind,
  status: z.enum(['drafting', 'awaiting_approval', 'publishing', 'published', 'cancelled']),
  draft: StatementDraft.optional(),
  approval: z.object({ revision: z.number().int(), by: Actor, at: IsoTime }).optional(),
  rejections: z.array(z.object({ revision: z.number().int(), by: Actor, at: IsoTime, reason: z.string() })),
  publication: PublicationReceipt.optional(),
});
export type StatementTrack = z.infer<typeof StatementTrack>;

export const TAKEDOWN_TRACK_STATUSES = [
  'starting',
  'awaiting_compliance',
  'escalating',
  'objected',
  'removed',
  'blocklist_recommended',
  'objection_upheld',
  'cancelled',
  'failed',
] as const;
export const TakedownTrack = z.object({
  /** "meta-1": platform and ordinal, unique in the case. */
  key: z.string(),
  platform: Platform,
  url: z.string(),
  childWorkflowId: z.string(),
  status: z.enum(TAKEDOWN_TRACK_STATUSES),
  attempt: z.number().int().positive(),
  ticketId: z.string().optional(),
  complianceDueAt: IsoTime.optional(),
  level: EscalationLevel.optional(),
  objection: z
    .object({
      reason: z.string(),
      at: IsoTime,
      decision: z.enum(['uphold', 'reject']).optional(),
      decidedBy: Actor.optional(),
      decisionReason: z.string().optional(),
    })
    .optional(),
  blocklistRecommendationId: z.string().optional(),
  result: TakedownResult.optional(),
  updatedAt: IsoTime,
});
export type TakedownTrack = z.infer<typeof TakedownTrack>;

export const PoliceTrack = z.object({
  childWorkflowId: z.string(),
  status: z.enum([
    'delivering',
    'awaiting_acknowledgment',
    'awaiting_report',
    'reported',
    'cancelled',
    'failed',
  ]),
  referenceId: z.string().optional(),
  acknowledged: z.object({ by: Actor, at: IsoTime }).optional(),
  report: z.object({ number: z.string(), by: Actor, at: IsoTime }).optional(),
  followUps: z.array(z.object({ by: Actor, at: IsoTime, note: z.string() })),
});
export type PoliceTrack = z.infer<typeof PoliceTrack>;

export const CaseTracks = z.object({
  clarification: StatementTrack.optional(),
  response: StatementTrack.optional(),
  takedowns: z.array(TakedownTrack),
  police: PoliceTrack.optional(),
});
export type CaseTracks = z.infer<typeof CaseTracks>;

/** One detection of the bounded sample a case keeps (the rest are only counted). */
export const DetectionSample = z.object({
  source: DetectionSource,
  reportedBy: z.string(),
  observedAt: IsoTime,
  detectionId: z.string().optional(),
});
export type DetectionSample = z.infer<typeof DetectionSample>;

/** Repeat detections are counted, not stored one by one: a busy URL must not grow the state. */
export const DetectionTally = z.object({
  count: z.number().int().nonnegative(),
  bySource: z.partialRecord(DetectionSource, z.number().int().nonnegative()),
  /** Detections that failed validation inside the workflow (signals cannot be refused). */
  rejected: z.number().int().nonnegative(),
  firstAt: IsoTime.optional(),
  lastAt: IsoTime.optional(),
  /** Opaque confidential reporter handles (capped), so reporters can follow the case. */
  reporterRefs: z.array(z.string()),
  /** Repeats of a detectionId already counted (retried deliveries). */
  duplicates: z.number().int().nonnegative().default(0),
  /** The most recent detection ids (bounded): a retried delivery within this window is counted once. */
  recentIds: z.array(z.string()).default([]),
  /** The first few detections, for people (bounded). */
  sample: z.array(DetectionSample).default([]),
});
export type DetectionTally = z.infer<typeof DetectionTally>;

/** What the case is about, from its first detection. */
export const CaseSubject = z.object({
  url: z.string().optional(),
  host: z.string().optional(),
  platform: Platform.optional(),
  contentSha256: Sha256Hex.optional(),
  /** First 280 characters of the reported text, for the officer's list view. */
  textExcerpt: z.string().optional(),
  /** The full reported text, in S3. */
  text: TextRef.optional(),
  reason: z.string().optional(),
  suggestedCategory: Category.optional(),
});
export type CaseSubject = z.infer<typeof CaseSubject>;

export const PreviousCase = z.object({
  caseId: z.string(),
  /** Generation of the closed case this one follows (1 for the first case of a URL). */
  generation: z.number().int().positive(),
});
export type PreviousCase = z.infer<typeof PreviousCase>;

/** Older timeline entries, archived to S3; each archive names the digest of the one before (a chain). */
export const TimelineArchive = z.object({
  fromSeq: z.number().int().positive(),
  toSeq: z.number().int().positive(),
  ref: TextRef,
  previousSha256: Sha256Hex.optional(),
});
export type TimelineArchive = z.infer<typeof TimelineArchive>;

/** Version of the CaseState shape; carried states of older versions are migrated (domain/case-state-migrations.ts). */
export const CASE_STATE_SCHEMA_VERSION = 2;

/** The whole case as the workflow holds it; the state query returns it (updates return a CaseUpdateResult). */
export const CaseState = z.object({
  // Defaulted so that a reader of a version-1 state (an older worker's query answer) still parses it.
  schemaVersion: z.literal(CASE_STATE_SCHEMA_VERSION).default(CASE_STATE_SCHEMA_VERSION),
  caseId: z.string(),
  generation: z.number().int().positive(),
  previousCase: PreviousCase.optional(),
  policyVersion: z.string(),
  stage: CaseStage,
  openedAt: IsoTime,
  priority: Priority,
  category: Category.optional(),
  region: Region,
  subject: CaseSubject,
  detections: DetectionTally,
  classification: Classification.optional(),
  evidence: z.array(EvidenceRecord),
  assignee: OfficerId.optional(),
  verdict: z.object({ verdict: Verdict, by: Actor, at: IsoTime }).optional(),
  tracks: CaseTracks,
  deadlines: z.array(Deadline),
  slaBreached: z.boolean(),
  withdrawal: z
    .object({
      reason: z.string(),
      requestedBy: Actor,
      requestedAt: IsoTime,
      approvedBy: Actor.optional(),
      approvedAt: IsoTime.optional(),
    })
    .optional(),
  monitoring: z
    .object({
      startedAt: IsoTime,
      until: IsoTime,
      checks: z.number().int(),
      reuploads: z.number().int(),
      runs: z.number().int(),
    })
    .optional(),
  timeline: z.array(TimelineEntry),
  timelineArchives: z.array(TimelineArchive).default([]),
  /** Accepted officer steps so far: every update that changes the case adds one. */
  revision: z.number().int().nonnegative().default(0),
  /** A supervisor ended monitoring early (carried across continue-as-new, so it is never lost). */
  closeRequested: Actor.optional(),
  /** A repeat detection arrived during monitoring: check for re-uploads now. */
  reuploadReported: z.boolean().default(false),
  outcome: CaseOutcome.optional(),
  /** Issue 15: the case whose claim this one repeats (claim matching at intake). */
  claimLink: ClaimLink.optional(),
  /** Issue 15: the linked case's published clarification was reused instead of a verification and a new draft. */
  clarificationReuse: ClarificationReuse.optional(),
});
export type CaseState = z.infer<typeof CaseState>;

/** What an officer step returns: small, whatever the size of the case (query the state for more). */
export const CaseUpdateResult = z.object({
  caseId: z.string(),
  update: z.string(),
  revision: z.number().int().nonnegative(),
  stage: CaseStage,
  /** One line: what the step changed. */
  changed: z.string(),
});
export type CaseUpdateResult = z.infer<typeof CaseUpdateResult>;

export function openDeadlines(state: Pick<CaseState, 'deadlines'>): Deadline[] {
  return state.deadlines.filter((deadline) => deadline.closedAt === undefined);
}
