import {
  ClaimReviewDocument,
  ReportRequest,
  Report,
  StatementsOfReasonsExport,
  type ReportKind,
} from '../domain';
import type { ArchiveReader } from '../audit/archive-store';
import { REPORTS_PREFIX, reportKeys } from './report-layout';

const decoder = new TextDecoder();

/** Reads stored reports from the audit bucket (the API serves them; nothing here needs Temporal). */
export class ReportReader {
  constructor(private readonly archive: ArchiveReader) {}

  /** Periods with a stored report, newest first. */
  async periods(kind: ReportKind): Promise<string[]> {
    const prefix = `${REPORTS_PREFIX}${kind}/`;
    const keys = await this.archive.list(prefix);
    return keys
      .filter((key) => key.endsWith('/report.json'))
      .map((key) => key.slice(prefix.length, -'/report.json'.length))
      .filter((period) => ReportRequest.safeParse({ kind, period }).success)
      .sort()
      .reverse();
  }

  async json(request: ReportRequest): Promise<Report | undefined> {
    const bytes = await this.archive.read(reportKeys.json(request));
    return bytes ? Report.parse(JSON.parse(decoder.decode(bytes))) : undefined;
  }

  async csv(request: ReportRequest): Promise<string | undefined> {
    const bytes = await this.archive.read(reportKeys.csv(request));
    return bytes ? decoder.decode(bytes) : undefined;
  }

  async statementsOfReasons(request: ReportRequest): Promise<StatementsOfReasonsExport | undefined> {
    const bytes = await this.archive.read(reportKeys.statementsOfReasons(request));
    return bytes ? StatementsOfReasonsExport.parse(JSON.parse(decoder.decode(bytes))) : undefined;
  }

  async claimReviews(request: ReportRequest): Promise<ClaimReviewDocument | undefined> {
    const bytes = await this.archive.read(reportKeys.claimReviews(request));
    return bytes ? ClaimReviewDocument.parse(JSON.parse(decoder.decode(bytes))) : undefined;
  }
}
