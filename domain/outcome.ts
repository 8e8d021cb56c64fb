import { z } from 'zod';
import { Category } from './categories';
import { EscalationLevel, PublicationChannel } from './channels';
import { EvidenceRecord } from './evidence';
import { Platform } from './places';
import { Actor } from './roles';

const IsoTime = z.iso.datetime({ offset: true });

/** How one platform's takedown ended. */
export const TAKEDOWN_RESULTS = [
  'removed',
  'blocklist_recommended',
  'objection_upheld',
  'cancelled',
  'failed',
] as const;
export const TakedownResult = z.enum(TAKEDOWN_RESULTS);
export type TakedownResult = z.infer<typeof TakedownResult>;

export const TakedownOutcome = z.object({
  platform: Platform,
  url: z.string(),
  result: TakedownResult,
  /** Highest escalation step reached (absent when the platform complied in time). */
  level: EscalationLevel.optional(),
  ticketId: z.string().optional(),
  /** Objection raised by the platform, if any. */
  objection: z.string().optional(),
  blocklistRecommendationId: z.string().optional(),
  finishedAt: IsoTime,
});
export type TakedownOutcome = z.infer<typeof TakedownOutcome>;

export const PublishedStatement = z.object({
  kind: z.enum(['clarification', 'response']),
  publications: z.array(z.object({ channel: PublicationChannel, url: z.string(), publishedAt: IsoTime })),
  approvedBy: Actor,
  draftedBy: Actor,
});
export type PublishedStatement = z.infer<typeof PublishedStatement>;

export const RESOLUTIONS = ['no_violation', 'actioned', 'withdrawn'] as const;
export const Resolution = z.enum(RESOLUTIONS);
export type Resolution = z.infer<typeof Resolution>;

/** What a closed case ended with: the workflow's result and the last entry of its state. */
export const CaseOutcome = z.object({
  resolution: Resolution,
  verdictKind: z.enum(['no_violation', 'hoax', 'illegal', 'criminal']).optional(),
  category: Category.optional(),
  takedowns: z.array(TakedownOutcome),
  policeReportNumber: z.string().optional(),
  statements: z.array(PublishedStatement),
  /** Times removed content came back during monitoring. */
  reuploads: z.number().int().nonnegative(),
  detections: z.number().int().nonnegative(),
  slaBreaches: z.number().int().nonnegative(),
  withdrawal: z.object({ reason: z.string(), requestedBy: Actor, approvedBy: Actor }).optional(),
  closedAt: IsoTime,
  /** The officer who closed it early, when not closed by the workflow itself. */
  closedBy: Actor.optional(),
  /** The archived history, when archiving succeeded. */
  archive: EvidenceRecord.optional(),
});
export type CaseOutcome = z.infer<typeof CaseOutcome>;
