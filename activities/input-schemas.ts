import { z } from 'zod';
import {
  BlocklistRecommendation,
  Notification,
  PolicePackage,
  RequestId,
  Statement,
  TakedownRequest,
  TakedownWithdrawal,
  WarningLetter,
} from '../domain/channels';
import { Category } from '../domain/categories';
import { EvidenceRecord } from '../domain/evidence';
import { Platform } from '../domain/places';
import type { CaseActivities } from './contract';

/**
 * The input schema of every activity, in one place: the real activities parse with these, and so do
 * the scripted test doubles (test/support/scripted-activities.ts), so a double can never accept what
 * the real activity refuses.
 */
export const ClassifyInput = z
  .object({
    caseId: z.string().min(1),
    text: z.string().max(20_000).optional(),
    url: z.string().max(4_096).optional(),
  })
  .refine(
    (input) => input.text !== undefined || input.url !== undefined,
    'classifyContent needs text or a url',
  );

export const CaptureInput = z
  .object({
    requestId: RequestId,
    caseId: z.string().min(1),
    url: z
      .url({ protocol: /^https?$/ })
      .max(4_096)
      .optional(),
    text: z.string().max(20_000).optional(),
  })
  .refine(
    (input) => input.url !== undefined || input.text !== undefined,
    'captureSnapshot needs a url or text',
  );

export const VerifyInput = z.object({ record: EvidenceRecord });

export const ArchiveInput = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  workflowId: z.string().min(1),
  runId: z.string().min(1).optional(),
  category: Category.optional(),
});

export const StatusInput = z.object({ platform: Platform, ticketId: z.string().min(1).max(300) });

export const LivenessInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(4_096),
  platform: Platform.optional(),
});

/** Long free text of a case (a detection's text, a statement body, archived timeline entries). */
export const CASE_TEXT_KINDS = ['detection_text', 'statement_body', 'timeline'] as const;
export const StoreTextInput = z.object({
  requestId: RequestId,
  caseId: z.string().min(1),
  kind: z.enum(CASE_TEXT_KINDS),
  text: z.string().min(1).max(1_000_000),
});
export type StoreTextInput = z.infer<typeof StoreTextInput>;

export const ACTIVITY_INPUT_SCHEMAS: Record<keyof CaseActivities, z.ZodType> = {
  classifyContent: ClassifyInput,
  captureSnapshot: CaptureInput,
  verifyEvidence: VerifyInput,
  notify: Notification,
  requestTakedown: TakedownRequest,
  checkTakedownStatus: StatusInput,
  sendWarningLetter: WarningLetter,
  recommendBlocklist: BlocklistRecommendation,
  withdrawTakedown: TakedownWithdrawal,
  checkLiveness: LivenessInput,
  deliverPolicePackage: PolicePackage,
  publishStatement: Statement,
  archiveCaseHistory: ArchiveInput,
  storeCaseText: StoreTextInput,
};
