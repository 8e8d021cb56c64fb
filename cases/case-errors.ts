import type { CaseUpdateName, CommandErrorCode } from '../domain';

/** The one set of case errors: the API maps each to HTTP in one table (api/case-errors.ts). */

/** An officer step the case refused; `code` says why, the message is the workflow's own. */
export class CaseCommandRejectedError extends Error {
  override readonly name = 'CaseCommandRejectedError';
  constructor(
    readonly caseId: string,
    readonly update: CaseUpdateName,
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
  constructor(readonly caseId: string) {
    super(`No case ${caseId}: check the id (cases list shows them).`);
  }
}

/** The case exists but is closed: it takes no more officer steps or notes. */
export class CaseClosedError extends Error {
  override readonly name = 'CaseClosedError';
  constructor(
    readonly caseId: string,
    readonly executionStatus: string,
  ) {
    super(`Case ${caseId} is closed and takes no more steps or notes.`);
  }
}

/** A detection refused before it reached Temporal: a bad field, or a URL that cannot be canonicalized. */
export class InvalidCaseInput extends Error {
  override readonly name = 'InvalidCaseInput';
}

/**
 * The server refused a detection because the case's current run holds the most signals a run may take
 * (10,000 on Temporal's default limits). The case continues as new when a worker next runs it, and the
 * new run takes signals again: the refused detection was not counted, so it is to be sent again later.
 */
export class CaseSignalLimitError extends Error {
  override readonly name = 'CaseSignalLimitError';
  constructor(readonly caseId: string) {
    super(
      `Case ${caseId} holds as many detections as one run of it may take until a worker moves it to a new run. This one was not counted: send it again in a minute.`,
    );
  }
}

/**
 * Temporal answers a signal over a run's limit with INVALID_ARGUMENT, like many other refusals, so the
 * server's message is what tells this one apart.
 */
export function isSignalLimitRefusal(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (/exceeded workflow execution limit for signal events/.test(cause.message)) return true;
  }
  return false;
}
