import { z } from 'zod';
import { TextRef } from '../../../domain/case-state';
import { Label } from '../training/dataset-schema';

/** A verifier's verdict as a labelled example: the label and where the reported text is (evidence). */
export const VerdictExample = z.object({
  caseId: z.string().min(1).max(200),
  label: Label,
  /** The reported text as the case stored it in S3; training reads it from there. */
  text: TextRef,
  /** Evidence records backing the verdict (snapshot keys), for audit of the training data. */
  evidenceKeys: z.array(z.string().min(1)).max(50).default([]),
  verdictAt: z.iso.datetime(),
  verifier: z.string().min(1).max(200),
});
export type VerdictExample = z.infer<typeof VerdictExample>;

/** Which model intake uses, and the test-split figures that got it promoted. */
export const CurrentModelPointer = z.object({
  version: z.string().regex(/^lr-[0-9a-f]{12}$/),
  promotedAt: z.iso.datetime(),
  testAccuracy: z.number().min(0).max(1),
  testSplitSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CurrentModelPointer = z.infer<typeof CurrentModelPointer>;
