import type {
  CaseFacts,
  Category,
  ClaimReview,
  ClaimReviewDocument,
  Platform,
  ReportRequest,
  StatementOfReasons,
  StatementsOfReasonsExport,
} from '../domain';
import { periodRange, within } from './period';

/** Our categories in the DSA's two-level classification (category, keyword). */
const DSA_CATEGORY: Record<Category | 'uncategorized', [StatementOfReasons['category'], string]> = {
  online_gambling: ['STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS', 'KEYWORD_REGULATED_GOODS_SERVICES'],
  pornography: ['STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT', 'KEYWORD_ADULT_SEXUAL_MATERIAL'],
  child_sexual_abuse: ['STATEMENT_CATEGORY_PROTECTION_OF_MINORS', 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'],
  hoax: ['STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', 'KEYWORD_DISINFORMATION'],
  hate_speech: ['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_HATE_SPEECH'],
  sara_provocation: ['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_DISCRIMINATION'],
  fraud: ['STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'KEYWORD_PHISHING'],
  terrorism: ['STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', 'KEYWORD_TERRORIST_CONTENT'],
  defamation: ['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_DEFAMATION'],
  other_illegal: ['STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE', 'KEYWORD_OTHER'],
  uncategorized: ['STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE', 'KEYWORD_OTHER'],
};

const PLATFORM_NAMES: Record<Platform, string> = {
  meta: 'Meta',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  file_sharing: 'File sharing service',
  website: 'Website (blocklist path)',
};

/** Public complaints are notices; partners act as trusted flaggers; crawler and officer finds are the unit's own. */
const SOURCE_TYPE: Record<CaseFacts['source'], StatementOfReasons['source_type']> = {
  public_complaint: 'SOURCE_ARTICLE_16',
  partner: 'SOURCE_TRUSTED_FLAGGER',
  crawler: 'SOURCE_VOLUNTARY',
  officer: 'SOURCE_VOLUNTARY',
  unknown: 'SOURCE_VOLUNTARY',
};

const ORGANIZATION = {
  '@type': 'Organization',
  name: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan',
  url: 'https://diskominfo.kalselprov.go.id',
} as const;

/** One statement of reasons per takedown order sent in the period (the order's date is the application date). */
export function statementsOfReasons(request: ReportRequest, facts: CaseFacts[]): StatementsOfReasonsExport {
  const range = periodRange(request);
  const statements = facts.flatMap((fact) =>
    fact.takedowns
      .filter((track) => within(track.requestedAt, range))
      .map((track): StatementOfReasons => {
        const [category, keyword] = DSA_CATEGORY[fact.category];
        const removed = track.result === 'removed';
        return {
          uuid: `${fact.caseId}:${track.key}`,
          decision_visibility: [
            removed ? 'DECISION_VISIBILITY_CONTENT_REMOVED' : 'DECISION_VISIBILITY_OTHER',
          ],
          ...(removed
            ? {}
            : {
                decision_visibility_other: `takedown order to the platform: ${track.result ?? 'awaiting compliance'}${track.level ? `, escalated to ${track.level}` : ''}`,
              }),
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
          illegal_content_legal_ground: 'Permenkominfo 5/2020 Pasal 14-15 (takedown order)',
          illegal_content_explanation: fact.verdict?.reasons.join('; ') || 'see the case record',
          category,
          category_specification: [keyword],
          content_type: fact.contentType === 'text' ? ['CONTENT_TYPE_TEXT'] : ['CONTENT_TYPE_OTHER'],
          ...(fact.contentType === 'text' ? {} : { content_type_other: 'web page or post (URL)' }),
          territorial_scope: ['ID'],
          application_date: new Date(Date.parse(track.requestedAt!) + 8 * 3_600_000)
            .toISOString()
            .slice(0, 10),
          decision_facts: `Case ${fact.caseId}: verdict ${fact.verdict?.kind ?? 'pending'} by an officer; takedown order to ${PLATFORM_NAMES[track.platform]}.`,
          source_type: SOURCE_TYPE[fact.source],
          automated_detection: fact.source === 'crawler' ? 'Yes' : 'No',
          automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
          platform_name: PLATFORM_NAMES[track.platform],
          puid: track.url,
        };
      }),
  );
  return { kind: request.kind, period: request.period, statements };
}

const RATING: Record<string, number> = { HOAKS: 1, DISINFORMASI: 1, MISINFORMASI: 2 };

/** One ClaimReview per hoax clarification first published in the period. */
export function claimReviews(request: ReportRequest, facts: CaseFacts[]): ClaimReviewDocument {
  const range = periodRange(request);
  const graph = facts
    .filter((fact) => fact.clarification && within(fact.clarification.publishedAt, range))
    .filter((fact) => fact.clarification!.urls.length > 0)
    .map((fact): ClaimReview => {
      const clarification = fact.clarification!;
      const label = clarification.label ?? fact.verdict?.label ?? 'HOAKS';
      return {
        '@type': 'ClaimReview',
        url: clarification.urls[0]!,
        datePublished: new Date(Date.parse(clarification.publishedAt) + 8 * 3_600_000)
          .toISOString()
          .slice(0, 10),
        inLanguage: 'id',
        claimReviewed: clarification.title.replace(/^\s*\[[A-Z]+\]\s*/, ''),
        author: ORGANIZATION,
        reviewRating: {
          '@type': 'Rating',
          alternateName: label,
          ratingValue: RATING[label] ?? 1,
          bestRating: 5,
          worstRating: 1,
        },
        itemReviewed: {
          '@type': 'Claim',
          appearance: fact.url ? [{ '@type': 'CreativeWork', url: fact.url }] : [],
        },
      };
    });
  return { '@context': 'https://schema.org', '@graph': graph };
}
