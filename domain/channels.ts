import { z } from 'zod';
import { Category, HoaxLabel } from './categories';
import { LiteracyPillar, Platform } from './places';
import { EvidenceRecord } from './evidence';

/**
 * Inputs and outputs of the side-effecting channels (platforms, police, publishing, notifications).
 * Every request carries a requestId derived from the case and the step, so a retried activity is
 * recognised by the receiving side and acted on once.
 */
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9:._-]{8,300}$/, 'a request id of 8-300 characters [A-Za-z0-9:._-]');

export const ESCALATION_LEVELS = ['ST1', 'ST2', 'ST3'] as const;
export const EscalationLevel = z.enum(ESCALATION_LEVELS);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const TakedownRequest = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  platform: Platform,
  url: z.url(),
  category: Category,
  urgent: z.boolean(),
  /** When the platform must have complied (policy deadline), ISO time. */
  deadline: z.iso.datetime({ offset: true }),
  evidence: z.array(EvidenceRecord),
});
export type TakedownRequest = z.infer<typeof TakedownRequest>;

export const TakedownReceipt = z.object({
  /** The platform's own reference for the request. */
  ticketId: z.string().min(1),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type TakedownReceipt = z.infer<typeof TakedownReceipt>;

export const TAKEDOWN_STATUSES = ['pending', 'removed', 'refused', 'objected'] as const;
export const TakedownStatus = z.object({
  status: z.enum(TAKEDOWN_STATUSES),
  /** The platform's objection ("sanggah") or refusal reason, in its words. */
  reason: z.string().optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TakedownStatus = z.infer<typeof TakedownStatus>;

export const WarningLetter = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  platform: Platform,
  ticketId: z.string().min(1),
  level: EscalationLevel,
  url: z.url(),
});
export type WarningLetter = z.infer<typeof WarningLetter>;

/** The case no longer asks for the takedown (withdrawn): the platform is told, once per requestId. */
export const TakedownWithdrawal = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  platform: Platform,
  ticketId: z.string().min(1),
  reason: z.string().min(1).max(2_000),
});
export type TakedownWithdrawal = z.infer<typeof TakedownWithdrawal>;

export const BlocklistRecommendation = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  domain: z.string().min(1),
  url: z.url(),
  category: Category,
  reason: z.string().min(1),
});
export type BlocklistRecommendation = z.infer<typeof BlocklistRecommendation>;

/** Outcome of fetching a URL to see whether the content is still there. */
export const LIVENESS_STATES = ['gone', 'up', 'unknown'] as const;
export const Liveness = z.object({
  state: z.enum(LIVENESS_STATES),
  httpStatus: z.number().int().optional(),
  /** Why: "404", "410", "platform unavailable page", "timeout", ... */
  reason: z.string(),
  checkedAt: z.iso.datetime({ offset: true }),
});
export type Liveness = z.infer<typeof Liveness>;

export const PolicePackage = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  category: Category,
  summary: z.string().min(1).max(10_000),
  urls: z.array(z.url()),
  evidence: z.array(EvidenceRecord),
});
export type PolicePackage = z.infer<typeof PolicePackage>;

export const PoliceReceipt = z.object({
  referenceId: z.string().min(1),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type PoliceReceipt = z.infer<typeof PoliceReceipt>;

export const PUBLICATION_CHANNELS = [
  'website',
  'instagram',
  'x',
  'facebook',
  'whatsapp_channel',
  'press_release',
] as const;
export const PublicationChannel = z.enum(PUBLICATION_CHANNELS);
export type PublicationChannel = z.infer<typeof PublicationChannel>;

export const Statement = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  kind: z.enum(['clarification', 'response']),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
  /** Hoax label shown on a clarification, e.g. [HOAKS]. */
  label: HoaxLabel.optional(),
  pillar: LiteracyPillar,
  channels: z.array(PublicationChannel).min(1),
  /** True when issued jointly with Humas Polda. */
  jointWithPolice: z.boolean().default(false),
});
export type Statement = z.infer<typeof Statement>;

export const PublicationReceipt = z.object({
  publications: z.array(
    z.object({ channel: PublicationChannel, url: z.url(), publishedAt: z.iso.datetime({ offset: true }) }),
  ),
});
export type PublicationReceipt = z.infer<typeof PublicationReceipt>;

export const NOTIFICATION_AUDIENCES = [
  'rapid_response_unit',
  'supervisors',
  'police_liaison',
  'public_relations',
] as const;
export const Notification = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  audience: z.enum(NOTIFICATION_AUDIENCES),
  /** A specific officer too, e.g. the assignee who gets a reminder. */
  officerId: z.string().optional(),
  kind: z.enum([
    'new_case',
    /** New cases of a period counted by category (workflows/alerts/new-case-digest.ts). */
    'new_case_digest',
    'assignment',
    'sla_reminder',
    'sla_breach',
    'escalation',
    'approval_needed',
    'info',
  ]),
  subject: z.string().min(1).max(300),
  body: z.string().min(1).max(10_000),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationReceipt = z.object({
  deliveries: z.array(
    z.object({ channel: z.enum(['webhook', 'email']), ok: z.boolean(), detail: z.string().optional() }),
  ),
});
export type NotificationReceipt = z.infer<typeof NotificationReceipt>;
