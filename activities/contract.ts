import type {
  BlocklistRecommendation,
  Category,
  Classification,
  EvidenceRecord,
  Liveness,
  Notification,
  NotificationReceipt,
  PolicePackage,
  PoliceReceipt,
  Platform,
  PublicationReceipt,
  Statement,
  TakedownReceipt,
  TakedownRequest,
  TakedownStatus,
  WarningLetter,
} from '../domain';

/**
 * Every side effect a content case can cause. Workflows import this type-only and call it through
 * proxyActivities; activities/index.ts builds the implementation from its dependencies (S3 client,
 * channel adapters, Temporal client). Each input is parsed with its zod schema; bad input is a
 * non-retryable failure. Each call with the same requestId has the same effect as one call.
 */
export interface CaseActivities {
  /** Rule-based classification of the content's text (and URL). */
  classifyContent(input: { caseId: string; text?: string; url?: string }): Promise<Classification>;

  /** Fetches the URL (bounded time and size) and stores body, headers and time as a snapshot. */
  captureSnapshot(input: { requestId: string; caseId: string; url?: string; text?: string }): Promise<EvidenceRecord>;

  /** Re-reads an evidence object and confirms its SHA-256 still matches the recorded one. */
  verifyEvidence(input: { record: EvidenceRecord }): Promise<{ intact: boolean; actualSha256: string }>;

  notify(input: Notification): Promise<NotificationReceipt>;

  requestTakedown(input: TakedownRequest): Promise<TakedownReceipt>;
  checkTakedownStatus(input: { platform: Platform; ticketId: string }): Promise<TakedownStatus>;
  sendWarningLetter(input: WarningLetter): Promise<{ letterId: string }>;
  recommendBlocklist(input: BlocklistRecommendation): Promise<{ recommendationId: string }>;

  /** Is the content still reachable? Never hangs: bounded by its own timeout, answers "unknown" then. */
  checkLiveness(input: { url: string; platform?: Platform }): Promise<Liveness>;

  deliverPolicePackage(input: PolicePackage): Promise<PoliceReceipt>;

  publishStatement(input: Statement): Promise<PublicationReceipt>;

  /** Writes the case's full event history and timeline to the audit bucket, with its SHA-256. */
  archiveCaseHistory(input: {
    requestId: string;
    caseId: string;
    workflowId: string;
    runId?: string;
    category?: Category;
  }): Promise<EvidenceRecord>;
}
