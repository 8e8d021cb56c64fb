import { z } from 'zod';

/**
 * Transparency exports (docs/reports.md). A statement of reasons shaped like the EU DSA Transparency
 * Database's (field names and enumerations as its public API documents them), one per takedown order;
 * and schema.org ClaimReview JSON-LD, one per published hoax clarification.
 */
const YesNo = z.enum(['Yes', 'No']);
const DateOnly = z.iso.date();

export const DSA_STATEMENT_CATEGORIES = [
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
  'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
] as const;

export const StatementOfReasons = z.strictObject({
  /** Ours: `<caseId>:<takedown key>`, stable across exports. */
  uuid: z.string().min(1),
  decision_visibility: z
    .array(z.enum(['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_VISIBILITY_OTHER']))
    .min(1),
  decision_visibility_other: z.string().optional(),
  decision_ground: z.literal('DECISION_GROUND_ILLEGAL_CONTENT'),
  illegal_content_legal_ground: z.string().min(1),
  illegal_content_explanation: z.string().min(1),
  category: z.enum(DSA_STATEMENT_CATEGORIES),
  category_specification: z.array(z.string().regex(/^KEYWORD_[A-Z_]+$/)),
  content_type: z.array(z.enum(['CONTENT_TYPE_TEXT', 'CONTENT_TYPE_OTHER'])).min(1),
  content_type_other: z.string().optional(),
  /** ISO country codes where the decision applies: Indonesia here (the DSA list itself is the EU's). */
  territorial_scope: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  application_date: DateOnly,
  decision_facts: z.string().min(1),
  source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_VOLUNTARY']),
  automated_detection: YesNo,
  automated_decision: z.enum(['AUTOMATED_DECISION_NOT_AUTOMATED']),
  platform_name: z.string().min(1),
  puid: z.string().min(1),
});
export type StatementOfReasons = z.infer<typeof StatementOfReasons>;

export const StatementsOfReasonsExport = z.strictObject({
  kind: z.enum(['daily', 'monthly']),
  period: z.string(),
  statements: z.array(StatementOfReasons),
});
export type StatementsOfReasonsExport = z.infer<typeof StatementsOfReasonsExport>;

const Organization = z.strictObject({ '@type': z.literal('Organization'), name: z.string(), url: z.url() });

export const ClaimReview = z.strictObject({
  '@type': z.literal('ClaimReview'),
  url: z.url(),
  datePublished: DateOnly,
  inLanguage: z.literal('id'),
  claimReviewed: z.string().min(1),
  author: Organization,
  reviewRating: z.strictObject({
    '@type': z.literal('Rating'),
    /** The public label: HOAKS, DISINFORMASI or MISINFORMASI. */
    alternateName: z.string().min(1),
    ratingValue: z.number().int().min(1).max(5),
    bestRating: z.literal(5),
    worstRating: z.literal(1),
  }),
  itemReviewed: z.strictObject({
    '@type': z.literal('Claim'),
    appearance: z.array(z.strictObject({ '@type': z.literal('CreativeWork'), url: z.string() })),
  }),
});
export type ClaimReview = z.infer<typeof ClaimReview>;

export const ClaimReviewDocument = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@graph': z.array(ClaimReview),
});
export type ClaimReviewDocument = z.infer<typeof ClaimReviewDocument>;
