import type { ReportRequest } from '../domain';

/**
 * Keys in the audit bucket (Object Lock, create-only like the archive):
 *
 *   reports/daily/<YYYY-MM-DD>/facts.ndjson      one CaseFacts a line: what the report was computed from
 *   reports/<daily|monthly>/<period>/report.json
 *   reports/<daily|monthly>/<period>/report.csv
 *   reports/<daily|monthly>/<period>/statements-of-reasons.json   DSA-shaped, one per takedown order
 *   reports/<daily|monthly>/<period>/claim-reviews.jsonld         schema.org ClaimReview, one per clarification
 */
export const REPORTS_PREFIX = 'reports/';

export const reportKeys = {
  folder: (request: ReportRequest) => `${REPORTS_PREFIX}${request.kind}/${request.period}/`,
  dailyFacts: (day: string) => `${REPORTS_PREFIX}daily/${day}/facts.ndjson`,
  json: (request: ReportRequest) => `${reportKeys.folder(request)}report.json`,
  csv: (request: ReportRequest) => `${reportKeys.folder(request)}report.csv`,
  statementsOfReasons: (request: ReportRequest) => `${reportKeys.folder(request)}statements-of-reasons.json`,
  claimReviews: (request: ReportRequest) => `${reportKeys.folder(request)}claim-reviews.jsonld`,
};
