import { z } from 'zod';
import { Category, Priority } from './categories';
import { ESCALATION_LEVELS } from './channels';
import { Resolution, TakedownResult } from './outcome';
import { SlaStage } from './policy';
import { Verdict } from './verdict';

/**
 * What a timeline entry says, as a code and its parameters rather than a sentence, so each reader gets
 * it in their own language (domain/timeline-text.ts renders English and Bahasa Indonesia). Entries
 * recorded before the timeline-codes patch carry only their English `summary`.
 * Stage and statement kind are plain strings here: their enums live in case-state.ts, which imports
 * this file.
 */
function message<C extends string, S extends z.ZodRawShape>(code: C, params: S) {
  return z.object({ code: z.literal(code), params: z.object(params) });
}

const Text = z.string();
const Count = z.number().int().nonnegative();

/** The platform steps a takedown child may have to try again (platform outage). */
export const PLATFORM_STEPS = [
  'takedown_request',
  'blocklist_recommendation',
  'liveness_check',
  ...ESCALATION_LEVELS,
] as const;
/** The intake steps that may fail without failing the case. */
export const INTAKE_STEPS = ['detection_text', 'classification', 'snapshot'] as const;
export const CASE_TRACK_NAMES = ['clarification', 'response', 'takedown', 'police'] as const;
/** Issue 15 steps (claim index, verdict examples) that may fail without failing the case. */
export const LEARNING_STEPS = ['claim_match', 'claim_index', 'verdict_example'] as const;

const Sla = { sla: SlaStage, label: Text };

export const TimelineMessage = z.discriminatedUnion('code', [
  // Intake
  message('detected', { source: Text, url: Text.optional() }),
  message('classified', {
    category: Category.optional(),
    confidence: z.number(),
    rules: z.array(Text),
    priority: Priority,
  }),
  message('not_classified_hash_only', {}),
  message('intake_step_failed', { step: z.enum(INTAKE_STEPS), error: Text }),
  message('evidence_captured', { key: Text, sha256: Text }),
  message('snapshot_failed', { error: Text }),
  // Officers
  message('stage_changed', { from: Text, to: Text }),
  message('case_claimed', { assignee: Text }),
  message('case_assigned', { assignee: Text }),
  message('verdict_submitted', { verdict: Verdict }),
  message('statement_drafted', { kind: Text, revision: Count, title: Text }),
  message('statement_approved', { kind: Text, revision: Count, draftedBy: Text }),
  message('statement_rejected', { kind: Text, revision: Count, reason: Text }),
  message('statement_published', {
    kind: Text,
    publications: z.array(z.object({ channel: Text, url: Text })),
  }),
  message('note', { text: Text }),
  message('monitoring_ended_early', { reason: Text }),
  message('withdrawal_requested', { reason: Text }),
  message('withdrawal_approved', { requestedBy: Text }),
  // Police
  message('police_package_delivered', { referenceId: Text }),
  message('police_delivery_late', { error: Text }),
  message('police_acknowledged', { referenceId: Text.optional() }),
  message('police_report_recorded', { reportNumber: Text }),
  message('police_follow_up', { text: Text }),
  message('police_escalation_failed', { error: Text }),
  // Takedowns
  message('takedown_requested', { platform: Text, ticketId: Text, dueAt: Text }),
  message('platform_objected', { platform: Text, reason: Text }),
  message('objection_resolved', { platform: Text, decision: z.enum(['uphold', 'reject']), reason: Text }),
  message('takedown_removed', { platform: Text, url: Text, reason: Text }),
  message('takedown_still_reachable', { platform: Text, url: Text, reason: Text }),
  message('platform_answers_again', { platform: Text, step: z.enum(PLATFORM_STEPS), late: Count }),
  message('platform_step_late', { platform: Text, step: z.enum(PLATFORM_STEPS), error: Text }),
  message('polls_resumed', { platform: Text, missed: Count }),
  message('poll_failed', { platform: Text, error: Text }),
  message('takedown_escalated', { step: z.enum(ESCALATION_LEVELS), platform: Text, letterId: Text }),
  message('blocklist_recommended', { domain: Text, recommendationId: Text }),
  message('takedown_withdrawn', { platform: Text, ticketId: Text }),
  message('takedown_finished', {
    platform: Text,
    result: TakedownResult,
    level: z.enum(ESCALATION_LEVELS).optional(),
  }),
  // Deadlines
  message('sla_reminder', { ...Sla, percent: Count, dueAt: Text }),
  message('sla_breach', { ...Sla, dueAt: Text }),
  message('sla_met', { ...Sla, late: z.boolean() }),
  // Monitoring and the run
  message('monitoring_started', { watched: Count, until: Text }),
  message('reupload_reported', { source: Text }),
  message('reupload_detected', { url: Text, platform: Text, reason: Text }),
  message('reupload_check_missed', { url: Text, error: Text }),
  message('reupload_checked_again', { url: Text, missed: Count }),
  message('continued_as_new', { stage: Text, historyLength: Count }),
  message('notification_failed', { audience: Text, subject: Text }),
  message('track_failed', { track: z.enum(CASE_TRACK_NAMES), key: Text.optional(), error: Text }),
  message('archive_failed', { error: Text }),
  message('closed', { resolution: Resolution }),
  // Issue 15: claim matching and learning from verdicts
  message('claim_linked', { caseId: Text, similarity: z.number(), clarified: z.boolean() }),
  message('clarification_reused', {
    fromCaseId: Text,
    label: Text,
    publications: z.array(z.object({ channel: Text, url: Text })),
  }),
  message('learning_step_failed', { step: z.enum(LEARNING_STEPS), error: Text }),
]);
export type TimelineMessage = z.infer<typeof TimelineMessage>;
export type TimelineCode = TimelineMessage['code'];
export const TIMELINE_CODES = TimelineMessage.options.map((option) => option.shape.code.value);

/** The parameters of one code, for the renderers' tables. */
export type TimelineParams<C extends TimelineCode> = Extract<TimelineMessage, { code: C }>['params'];
