import { z } from 'zod';
import { Category, HoaxLabel, Priority } from './categories';
import { DetectionSource } from './detection';
import { EscalationLevel } from './channels';
import { TakedownResult } from './outcome';
import { LiteracyPillar, Platform, Region } from './places';
import { SlaStage } from './policy';

const IsoTime = z.iso.datetime({ offset: true });

/**
 * The unit's reports (docs/reports.md): counts per day (WITA, UTC+8, the unit's own clock) and per
 * month, computed by a scheduled workflow from one facts record per case.
 */
export const REPORT_KINDS = ['daily', 'monthly'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const DailyPeriod = z.iso.date('a day as YYYY-MM-DD');
export const MonthlyPeriod = z
  .string()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .refine((value) => Number(value.slice(0, 4)) >= 2000, 'a month as YYYY-MM from 2000 on');

export const ReportRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily'), period: DailyPeriod }),
  z.strictObject({ kind: z.literal('monthly'), period: MonthlyPeriod }),
]);
export type ReportRequest = z.infer<typeof ReportRequest>;

/** The facts a report needs from one case, as the case stood at `asOf` (reports/case-facts.ts). */
export const CaseFacts = z.strictObject({
  caseId: z.string().min(1),
  asOf: IsoTime,
  openedAt: IsoTime,
  closedAt: IsoTime.optional(),
  resolution: z.enum(['no_violation', 'actioned', 'withdrawn']).optional(),
  category: z.union([Category, z.literal('uncategorized')]),
  /** The platform of the reported content (`none` for text or a hash without a URL). */
  platform: z.union([Platform, z.literal('none')]),
  region: Region,
  /** Where the first detection came from. */
  source: z.union([DetectionSource, z.literal('unknown')]),
  priority: Priority,
  contentType: z.enum(['url', 'text', 'content_hash']),
  url: z.string().optional(),
  /** A classifier suggested the category (the DSA "automated detection" flag also counts crawler intake). */
  classified: z.boolean(),
  verdict: z
    .strictObject({
      kind: z.enum(['no_violation', 'hoax', 'illegal', 'criminal']),
      at: IsoTime,
      label: HoaxLabel.optional(),
      reasons: z.array(z.string()),
    })
    .optional(),
  deadlines: z.array(
    z.strictObject({
      sla: SlaStage,
      startedAt: IsoTime,
      dueAt: IsoTime,
      breachedAt: IsoTime.optional(),
      closedAt: IsoTime.optional(),
      closedHow: z.enum(['met', 'met_late', 'cancelled']).optional(),
    }),
  ),
  takedowns: z.array(
    z.strictObject({
      key: z.string(),
      platform: Platform,
      url: z.string(),
      requestedAt: IsoTime.optional(),
      result: TakedownResult.optional(),
      level: EscalationLevel.optional(),
      finishedAt: IsoTime.optional(),
    }),
  ),
  clarification: z
    .strictObject({
      pillar: LiteracyPillar,
      title: z.string(),
      label: HoaxLabel.optional(),
      publishedAt: IsoTime,
      urls: z.array(z.string()),
    })
    .optional(),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

const Count = z.number().int().nonnegative();
const CountBy = z.record(z.string(), Count);

export const Percentiles = z.strictObject({
  count: Count,
  /** Minutes; null when nothing was measured in the period. */
  p50Minutes: z.number().nonnegative().nullable(),
  p90Minutes: z.number().nonnegative().nullable(),
});
export type Percentiles = z.infer<typeof Percentiles>;

export const SlaCompliance = z.strictObject({
  /** Deadlines met in time in the period. */
  met: Count,
  /** Deadlines breached in the period (met late or not at all). */
  breached: Count,
  /** met / (met + breached); null when none ended. */
  rate: z.number().min(0).max(1).nullable(),
});

export const TakedownCompliance = z.strictObject({
  /** Takedowns requested in the period. */
  requested: Count,
  /** Removed without any escalation step. */
  compliedInTime: Count,
  /** Removed after at least one escalation step. */
  compliedAfterEscalation: Count,
  /** Ended another way: blocklist recommendation, objection upheld, failed. */
  notComplied: Count,
  cancelled: Count,
  pending: Count,
  /** compliedInTime / (requested - cancelled - pending); null when none ended. */
  rate: z.number().min(0).max(1).nullable(),
  /** Requests that reached each step of the ladder (ST2 also counts in ST1). */
  ladder: z.strictObject({ ST1: Count, ST2: Count, ST3: Count }),
});

export const Report = z.strictObject({
  kind: ReportKind,
  period: z.string(),
  /** [from, to) in UTC. */
  from: IsoTime,
  to: IsoTime,
  timeZone: z.literal('Asia/Makassar'),
  generatedAt: IsoTime,
  /** False while the period is still under way: a later run replaces it; a complete report is written once. */
  complete: z.boolean(),
  casesConsidered: Count,
  opened: z.strictObject({
    total: Count,
    byCategory: CountBy,
    byPlatform: CountBy,
    byRegion: CountBy,
    bySource: CountBy,
  }),
  closed: z.strictObject({
    total: Count,
    byCategory: CountBy,
    byPlatform: CountBy,
    byRegion: CountBy,
    bySource: CountBy,
    byResolution: CountBy,
  }),
  slaCompliance: z.record(SlaStage, SlaCompliance),
  timeToVerdict: Percentiles,
  timeToTakedown: Percentiles,
  takedownCompliance: z.record(z.string(), TakedownCompliance),
  clarificationsByPillar: z.record(LiteracyPillar, Count),
});
export type Report = z.infer<typeof Report>;
