import { z } from 'zod';
import { HoaxLabel } from './categories';
import { PublicationChannel } from './channels';
import { LiteracyPillar } from './places';
import { Actor } from './roles';

const IsoTime = z.iso.datetime({ offset: true });

/** A case id as the claim index and the reuse step name it (`case-<20 hex>`, optionally `.<generation>`). */
export const LinkedCaseId = z
  .string()
  .regex(/^case-[0-9a-f]{20}(\.[0-9]+)?$/, 'a case id such as case-0123456789abcdef0123');

/**
 * A published clarification as the claim index keeps it, complete enough to be reused by another case
 * as it stands: the label, title, text, literacy pillar and where it was published.
 */
export const ReusableClarification = z.object({
  label: HoaxLabel,
  title: z.string().min(1).max(300),
  text: z.string().min(1).max(20_000),
  pillar: LiteracyPillar,
  publishedAt: IsoTime,
  publications: z
    .array(z.object({ channel: PublicationChannel, url: z.url(), publishedAt: IsoTime }))
    .min(1)
    .max(6),
});
export type ReusableClarification = z.infer<typeof ReusableClarification>;

/**
 * Claim matching (issue 15): the open or clarified case whose claim this case's text repeats (MinHash
 * similarity of normalized shingles), found at intake. With `clarification`, a verifier may reuse it.
 */
export const ClaimLink = z.object({
  caseId: z.string().min(1).max(200),
  status: z.enum(['open', 'clarified']),
  similarity: z.number().min(0).max(1),
  linkedAt: IsoTime,
  clarification: ReusableClarification.optional(),
});
export type ClaimLink = z.infer<typeof ClaimLink>;

/** The case took over another case's published clarification instead of verifying and drafting its own. */
export const ClarificationReuse = z.object({
  fromCaseId: z.string().min(1).max(200),
  by: Actor,
  at: IsoTime,
});
export type ClarificationReuse = z.infer<typeof ClarificationReuse>;
