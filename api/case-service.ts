import type {
  AddNoteCommand,
  CaseState,
  CaseUpdateInput,
  CaseUpdateName,
  CommandErrorCode,
  Deadline,
  DetectionInput,
  TimelineEntry,
} from '../domain';

/**
 * Everything the API asks of Temporal about cases, in one place: routes depend on this interface,
 * and api/temporal-case-service.ts implements it on the intake/ helpers of the workflow engineer.
 */
export interface CaseService {
  /** Opens a case for the content, or adds the detection to the case already open for it. */
  submitDetection(detection: DetectionInput): Promise<{ caseId: string }>;
  /** Cases matching a visibility query (already sanitized by api/case-filters.ts). */
  listCases(query: string, limit: number): Promise<CaseSummary[]>;
  getState(caseId: string): Promise<CaseState>;
  getTimeline(caseId: string): Promise<TimelineEntry[]>;
  getDeadlines(caseId: string): Promise<Deadline[]>;
  /** Runs an officer step; the workflow's validator may refuse it (CaseCommandRefused). */
  executeUpdate<K extends CaseUpdateName>(
    caseId: string,
    name: K,
    payload: CaseUpdateInput<K>,
  ): Promise<CaseState>;
  addNote(caseId: string, note: AddNoteCommand): Promise<void>;
  /** The raw event history of the case's latest run (or of `runId`), as Temporal's JSON. */
  fetchHistory(caseId: string, runId?: string): Promise<CaseHistory>;
  /** Is Temporal reachable? For /healthz and the ops status. */
  ping(): Promise<void>;
}

/** One row of the case queue, from the case's search attributes (no query to the workflow). */
export interface CaseSummary {
  caseId: string;
  runId: string;
  /** Temporal's execution status: Running, Completed, Failed... */
  executionStatus: string;
  /** The case stage (SaringStatus). */
  status?: string;
  category?: string;
  priority?: string;
  region?: string;
  assignee?: string;
  platforms: string[];
  nextDeadline?: string;
  slaBreached: boolean;
  detectionCount: number;
  openedAt: string;
  closedAt?: string;
}

export interface CaseHistory {
  caseId: string;
  runId: string;
  workflowType: string;
  status: string;
  eventCount: number;
  /** Exactly the bytes the history archive activity stores, so digests compare across both. */
  historyJson: string;
}

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`No case ${caseId}: check the id (cases list shows them).`);
  }
}

/** The case exists but is closed: it takes no more signals or steps. */
export class CaseClosedError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} is closed and takes no more steps or notes.`);
  }
}

/** The workflow refused an officer step; `code` is one of COMMAND_ERROR_CODES, the message is the workflow's. */
export class CaseCommandRefused extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The input was refused before reaching Temporal (e.g. a URL that cannot be canonicalized). */
export class InvalidCaseInput extends Error {}
