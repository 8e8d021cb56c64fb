import { z } from 'zod';
import { Category, type Priority } from './categories';

/**
 * The case policy: every SLA, reminder point, escalation timing and urgency rule a case follows.
 * Policy, not code: a new policy is a new JSON file with a new version; a case keeps the policy it
 * started with (the whole object travels in the workflow input and across continue-as-new), so a
 * change never moves the deadlines of cases already open.
 */

/**
 * "90m", "4h", "30d" or "0h". Kept as text in the file so officers can read and review it. Seconds
 * ("30s") exist for compressed bench and rehearsal policies (bench/peak/bench-policy.json).
 */
export const PolicyDuration = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,4})(s|m|h|d)$/, 'a duration like "90m", "4h" or "30d"');
export type PolicyDuration = z.infer<typeof PolicyDuration>;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a policy duration. */
export function durationMs(text: PolicyDuration): number {
  const match = /^([0-9]+)(s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a policy duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const ByPriority = z.object({ urgent: PolicyDuration, high: PolicyDuration, normal: PolicyDuration });

/** Every stage that runs under an SLA timer. */
export const SLA_STAGES = [
  'verification',
  'takedown_compliance',
  'objection_review',
  'police_acknowledgment',
  'police_report',
  'clarification_publication',
  'response_publication',
] as const;
export const SlaStage = z.enum(SLA_STAGES);
export type SlaStage = z.infer<typeof SlaStage>;

export const CasePolicy = z
  .object({
    /** e.g. "2025-11.1": bump it for every change; cases record the version they run under. */
    version: z.string().regex(/^[0-9]{4}-[0-9]{2}\.[0-9]+$/, 'a version like "2025-11.1"'),
    effectiveFrom: z.iso.date(),
    /** Why the values are what they are (legal basis, statements), for reviewers of the file. */
    notes: z.array(z.string().min(1)).default([]),
    /** Categories handled as urgent ("mendesak", 4-hour takedown class). */
    urgentCategories: z.array(Category).min(1),
    /** Categories raised to high priority when not urgent. */
    highCategories: z.array(Category).default([]),
    sla: z.object({
      verification: ByPriority,
      /** Permenkominfo 5/2020 Pasal 14-15: 1x24 hours, 4 hours for urgent orders. */
      takedownCompliance: ByPriority,
      /** A platform objected ("sanggah"): a supervisor decides within this time. */
      objectionReview: ByPriority,
      policeAcknowledgment: ByPriority,
      policeReport: ByPriority,
      clarificationPublication: ByPriority,
      responsePublication: ByPriority,
    }),
    /** Fractions of a deadline's span at which the assignee is reminded, e.g. [0.5, 0.75]. */
    reminders: z.array(z.number().gt(0).lt(1)).max(5),
    /**
     * SAMAN escalation when a platform does not comply: each step is sent this long after the
     * previous one (ST1 after the compliance deadline). ST3 comes with a blocklist recommendation.
     */
    escalationLadder: z.object({ ST1: PolicyDuration, ST2: PolicyDuration, ST3: PolicyDuration }),
    takedown: z.object({
      /** How often a platform's ticket is checked while waiting for compliance. */
      statusPollInterval: PolicyDuration,
    }),
    /**
     * Who hears of a new case the moment it reaches verification. Absent (policies before 2026-12):
     * every new case is announced at once. On a peak day most new cases are gambling: announcing each
     * one buries the few that cannot wait, so the rest are counted into one digest per period.
     */
    newCaseAlerts: z
      .object({
        /** A new case in one of these categories, or with no category, is announced at once. */
        immediate: z.array(Category),
        /** The other new cases are announced together, one digest per period, by the digest Schedule. */
        digestEvery: PolicyDuration,
      })
      .optional(),
    monitoring: z.object({
      /** How long removed content is watched for re-uploads before the case closes. */
      period: PolicyDuration,
      checkInterval: PolicyDuration,
      /** Continue-as-new after this many checks, or earlier when the server suggests it. */
      checksPerRun: z.number().int().min(1).max(1000),
    }),
  })
  .superRefine(
    (policy, ctx) => {
      const sorted = [...policy.reminders].sort((a, b) => a - b);
      if (sorted.some((value, index) => value !== policy.reminders[index] || value === sorted[index - 1])) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders'],
          message: 'reminder fractions must be strictly ascending',
        });
      }
      for (const [name, byPriority] of Object.entries(policy.sla)) {
        for (const priority of ['urgent', 'high', 'normal'] as const) {
          if (durationMs(byPriority[priority]) === 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['sla', name, priority],
              message: 'an SLA must be longer than zero',
            });
          }
        }
      }
      if (policy.newCaseAlerts && durationMs(policy.newCaseAlerts.digestEvery) < 60_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['newCaseAlerts', 'digestEvery'],
          message: 'a new-case digest period must be a minute or longer',
        });
      }
      if (
        durationMs(policy.takedown.statusPollInterval) === 0 ||
        durationMs(policy.monitoring.checkInterval) === 0
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['takedown'],
          message: 'poll and check intervals must be longer than zero',
        });
      }
      // Only a policy whose every field parsed: a bad duration gets its own message, not a thrown error here.
    },
    { when: (payload) => payload.issues.length === 0 },
  );
export type CasePolicy = z.infer<typeof CasePolicy>;

const SLA_KEYS: Record<SlaStage, keyof CasePolicy['sla']> = {
  verification: 'verification',
  takedown_compliance: 'takedownCompliance',
  objection_review: 'objectionReview',
  police_acknowledgment: 'policeAcknowledgment',
  police_report: 'policeReport',
  clarification_publication: 'clarificationPublication',
  response_publication: 'responsePublication',
};

/** A new case of this category is announced at once (not in the digest) under this policy. */
export function announcedAtOnce(policy: CasePolicy, category: Category | undefined): boolean {
  if (!policy.newCaseAlerts || category === undefined) return true;
  return policy.newCaseAlerts.immediate.includes(category);
}

/** The SLA of a stage for a priority, in milliseconds. */
export function slaMs(policy: CasePolicy, stage: SlaStage, priority: Priority): number {
  return durationMs(policy.sla[SLA_KEYS[stage]][priority]);
}

const PRIORITY_RANK: Record<Priority, number> = { normal: 0, high: 1, urgent: 2 };

export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}

/**
 * A case's priority: urgent when the category is in the policy's urgent list, at least high for
 * the high list, otherwise what the classifier suggested (normal when nothing is known).
 */
export function priorityFor(
  policy: CasePolicy,
  category: Category | undefined,
  suggested: Priority | undefined,
): Priority {
  const base = suggested ?? 'normal';
  if (category && policy.urgentCategories.includes(category)) return 'urgent';
  if (category && policy.highCategories.includes(category)) return higherPriority(base, 'high');
  return base;
}

export function isUrgentCategory(policy: CasePolicy, category: Category): boolean {
  return policy.urgentCategories.includes(category);
}
