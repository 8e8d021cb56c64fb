import { z } from 'zod';
import { Category, Priority } from './categories';
import { EvidenceRecord } from './evidence';
import { Platform } from './places';
import { CasePolicy } from './policy';
import { PreviousCase } from './case-state';

/** Input of a content case (ContentCaseWorkflowV2, and ContentCaseWorkflow before it). Detections arrive by signal (signalWithStart for the first). */
export const ContentCaseInput = z.object({
  caseId: z
    .string()
    .regex(/^case-[a-f0-9]{20}(\.[0-9]{1,4})?$/, 'a case id like case-<20 hex>[.<generation>]'),
  generation: z.number().int().positive(),
  policy: CasePolicy,
  previousCase: PreviousCase.optional(),
  /**
   * The full text of the first detection when its signal carries a shortened one (so repeat
   * detections never carry full texts into history). Dropped at continue-as-new.
   */
  firstText: z.string().trim().min(1).max(20_000).optional(),
  /**
   * Only set by continue-as-new: the state carried from the previous run. Parsed on its own, after
   * migration from older schema versions (domain/case-state-migrations.ts).
   */
  carried: z.unknown().optional(),
});
export type ContentCaseInput = z.input<typeof ContentCaseInput>;

/** Input of a takedown child (PlatformTakedownWorkflowV2, PlatformTakedownWorkflow): one URL on one platform. */
export const TakedownChildInput = z.object({
  caseId: z.string(),
  key: z.string(),
  attempt: z.number().int().positive(),
  platform: Platform,
  url: z.string(),
  category: Category,
  priority: Priority,
  policy: CasePolicy,
  evidence: z.array(EvidenceRecord),
});
export type TakedownChildInput = z.infer<typeof TakedownChildInput>;

/** Input of a police child (PoliceEscalationWorkflowV2, PoliceEscalationWorkflow). */
export const PoliceChildInput = z.object({
  caseId: z.string(),
  category: Category,
  priority: Priority,
  policy: CasePolicy,
  summary: z.string().min(1).max(10_000),
  urls: z.array(z.string()),
  evidence: z.array(EvidenceRecord),
});
export type PoliceChildInput = z.infer<typeof PoliceChildInput>;
