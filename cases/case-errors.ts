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
