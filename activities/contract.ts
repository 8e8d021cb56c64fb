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
  TakedownWithdrawal,
  TextRef,
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
  captureSnapshot(input: {
    requestId: string;
    caseId: string;
    url?: string;
    text?: string;
  }): Promise<EvidenceRecord>;

  /** Re-reads an evidence object and confirms its SHA-256 still matches the recorded one. */
  verifyEvidence(input: { record: EvidenceRecord }): Promise<{ intact: boolean; actualSha256: string }>;

  notify(input: Notification): Promise<NotificationReceipt>;

  requestTakedown(input: TakedownRequest): Promise<TakedownReceipt>;
  checkTakedownStatus(input: { platform: Platform; ticketId: string }): Promise<TakedownStatus>;
  sendWarningLetter(input: WarningLetter): Promise<{ letterId: string }>;
  recommendBlocklist(input: BlocklistRecommendation): Promise<{ recommendationId: string }>;
  /** Tells the platform the case no longer asks for the takedown (a withdrawal). */
  withdrawTakedown(input: TakedownWithdrawal): Promise<{ withdrawnAt: string }>;

  /** Is the content still reachable? Never hangs: bounded by its own timeout, answers "unknown" then. */
  checkLiveness(input: { url: string; platform?: Platform }): Promise<Liveness>;

  deliverPolicePackage(input: PolicePackage): Promise<PoliceReceipt>;

  publishStatement(input: Statement): Promise<PublicationReceipt>;

  /** Stores long free text of a case in S3 (create-only per requestId); the case carries the reference and digest. */
  storeCaseText(input: {
    requestId: string;
    caseId: string;
    kind: 'detection_text' | 'statement_body' | 'timeline';
    text: string;
  }): Promise<TextRef>;

  /** Writes the case's full event history and timeline to the audit bucket, with its SHA-256. */
  archiveCaseHistory(input: {
    requestId: string;
    caseId: string;
    workflowId: string;
    runId?: string;
    category?: Category;
  }): Promise<EvidenceRecord>;
}
