import { CATEGORY_LABELS } from './categories';
import type { TimelineCode, TimelineParams } from './timeline-message';
import { describeVerdict } from './verdict';

type Templates = { [C in TimelineCode]: (params: TimelineParams<C>) => string };

const PLATFORM_STEP: Record<TimelineParams<'platform_step_late'>['step'], string> = {
  takedown_request: 'the takedown request',
  blocklist_recommendation: 'the blocklist recommendation',
  liveness_check: 'the liveness check',
  ST1: 'ST1',
  ST2: 'ST2',
  ST3: 'ST3',
};

const LEARNING_STEP: Record<TimelineParams<'learning_step_failed'>['step'], string> = {
  claim_match: 'claim matching',
  claim_index: 'registering the claim for matching',
  verdict_example: 'storing the verdict as a training example',
};

const INTAKE_STEP: Record<TimelineParams<'intake_step_failed'>['step'], string> = {
  detection_text: 'storing the detection text',
  classification: 'classification',
  snapshot: 'snapshot',
};

/**
 * English, word for word the summaries recorded before the timeline-codes patch: runs that replay
 * without the patch still store these (workflows/case/context.ts).
 */
export const ENGLISH: Templates = {
  detected: ({ source, url }) => `reported by ${source}${url ? `: ${url}` : ''}`,
  classified: ({ category, confidence, rules, priority }) =>
    `${category ? CATEGORY_LABELS[category] : 'uncategorised'} (confidence ${confidence.toFixed(2)}; rules ${rules.join(', ') || 'none'}); priority ${priority}`,
  not_classified_hash_only: () =>
    'not classified: the detection carries only a content hash; the verifier decides',
  intake_step_failed: ({ step, error }) =>
    `${INTAKE_STEP[step]} failed, the case goes on without it: ${error}`,
  evidence_captured: ({ key, sha256 }) => `snapshot ${key} sha256 ${sha256.slice(0, 12)}...`,
  snapshot_failed: ({ error }) => `snapshot failed: ${error}`,
  stage_changed: ({ from, to }) => `${from} -> ${to}`,
  case_claimed: ({ assignee }) => `${assignee} claimed the case`,
  case_assigned: ({ assignee }) => `assigned to ${assignee}`,
  verdict_submitted: ({ verdict }) => `${describeVerdict(verdict)}: ${verdict.reasons.join('; ')}`,
  statement_drafted: ({ kind, revision, title }) => `${kind} revision ${revision}: ${title}`,
  statement_approved: ({ kind, revision, draftedBy }) =>
    `${kind} revision ${revision} approved (drafted by ${draftedBy})`,
  statement_rejected: ({ kind, revision, reason }) => `${kind} revision ${revision} sent back: ${reason}`,
  statement_published: ({ kind, publications }) =>
    `${kind} published on ${publications.map((publication) => `${publication.channel} ${publication.url}`).join(', ')}`,
  note: ({ text }) => text,
  monitoring_ended_early: ({ reason }) => `monitoring ended early: ${reason}`,
  withdrawal_requested: ({ reason }) => reason,
  withdrawal_approved: ({ requestedBy }) => `withdrawal requested by ${requestedBy} approved`,
  police_package_delivered: ({ referenceId }) =>
    `evidence package delivered to the police (reference ${referenceId})`,
  police_delivery_late: ({ error }) =>
    `the evidence package could not be delivered to the police (${error}); delivery is tried again, less often each time`,
  police_acknowledged: ({ referenceId }) =>
    `police acknowledged the evidence package${referenceId ? ` ${referenceId}` : ''}`,
  police_report_recorded: ({ reportNumber }) => `police report ${reportNumber}`,
  police_follow_up: ({ text }) => text,
  police_escalation_failed: ({ error }) => `police escalation failed: ${error}`,
  takedown_requested: ({ platform, ticketId, dueAt }) =>
    `takedown requested from ${platform} (ticket ${ticketId}), due ${dueAt}`,
  platform_objected: ({ platform, reason }) => `${platform} objected: ${reason}`,
  objection_resolved: ({ platform, decision, reason }) =>
    `${platform} objection ${decision === 'uphold' ? 'upheld' : 'rejected'}: ${reason}`,
  takedown_removed: ({ platform, url, reason }) =>
    `${platform} removed the content: ${url} is gone (${reason})`,
  takedown_still_reachable: ({ platform, url, reason }) =>
    `${platform} reports the content removed but ${url} is still reachable (${reason})`,
  platform_answers_again: ({ platform, step, late }) =>
    `${platform} answers again: ${PLATFORM_STEP[step]} done, ${late} attempt(s) late`,
  platform_step_late: ({ platform, step, error }) =>
    `${platform} does not answer (${error}); ${PLATFORM_STEP[step]} is late and is tried again`,
  polls_resumed: ({ platform, missed }) => `${platform} answers again after ${missed} missed poll(s)`,
  poll_failed: ({ platform, error }) => `${platform} does not answer (${error}); polling goes on`,
  takedown_escalated: ({ step, platform, letterId }) => `${step} sent to ${platform} (letter ${letterId})`,
  blocklist_recommended: ({ domain, recommendationId }) =>
    `${domain} recommended for the national blocklist (${recommendationId})`,
  takedown_withdrawn: ({ platform, ticketId }) =>
    `${platform} told that takedown request ${ticketId} is withdrawn`,
  takedown_finished: ({ platform, result, level }) =>
    `${platform}: ${result.replace(/_/g, ' ')}${level ? ` after ${level}` : ''}`,
  sla_reminder: ({ percent, label, dueAt }) => `${percent}% of the SLA for ${label} passed; due ${dueAt}`,
  sla_breach: ({ label, dueAt }) => `SLA for ${label} breached (due ${dueAt}); escalated to the supervisors`,
  sla_met: ({ label, late }) => `${label} done ${late ? 'after' : 'within'} its SLA`,
  monitoring_started: ({ watched, until }) =>
    `watching ${watched} removed URL(s) for re-uploads until ${until}`,
  reupload_reported: ({ source }) => `detected again by ${source} during monitoring`,
  reupload_detected: ({ url, platform, reason }) =>
    `${url} is reachable again on ${platform} (${reason}); new takedown requested`,
  reupload_check_missed: ({ url, error }) =>
    `re-upload check of ${url} failed (${error}); tried again at the next check`,
  reupload_checked_again: ({ url, missed }) => `${url} checked again after ${missed} missed check(s)`,
  continued_as_new: ({ stage, historyLength }) =>
    `${stage} continues in a new run (history ${historyLength} events)`,
  notification_failed: ({ audience, subject }) => `could not notify ${audience}: ${subject}`,
  track_failed: ({ track, key, error }) =>
    `${track === 'takedown' ? `takedown ${key}` : track} failed: ${error}`,
  archive_failed: ({ error }) => `history archive failed: ${error}`,
  closed: ({ resolution }) => `closed: ${resolution.replace('_', ' ')}`,
  claim_linked: ({ caseId, similarity, clarified }) =>
    `same claim as ${caseId} (similarity ${similarity.toFixed(2)})${clarified ? '; its published clarification can be reused' : ''}`,
  clarification_reused: ({ fromCaseId, label, publications }) =>
    `the [${label}] clarification of ${fromCaseId} reused as it stands: ${publications.map((publication) => `${publication.channel} ${publication.url}`).join(', ')}`,
  learning_step_failed: ({ step, error }) =>
    `${LEARNING_STEP[step]} failed, the case goes on without it: ${error}`,
};
