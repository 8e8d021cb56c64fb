import type { CommandErrorCode } from '../domain';
import {
  CaseClosedError,
  CaseCommandRejectedError,
  CaseNotFoundError,
  CaseSignalLimitError,
  InvalidCaseInput,
} from '../cases/case-errors';
import { HttpError } from './http-error';

/** HTTP status of each workflow refusal: who you are (403), when you ask (409), what you sent (400). */
export const COMMAND_ERROR_STATUS: Record<CommandErrorCode, number> = {
  FORBIDDEN_ROLE: 403,
  SELF_APPROVAL: 403,
  NOT_ASSIGNEE: 403,
  WRONG_STAGE: 409,
  CONFLICT: 409,
  INVALID_PAYLOAD: 400,
};

/** The one table from case errors (cases/case-errors.ts) to HTTP; the workflow's message is passed on word for word. */
export function caseErrorToHttp(error: unknown): unknown {
  if (error instanceof CaseCommandRejectedError)
    return new HttpError(COMMAND_ERROR_STATUS[error.code], error.code, error.message);
  if (error instanceof CaseNotFoundError) return new HttpError(404, 'case_not_found', error.message);
  if (error instanceof CaseClosedError) return new HttpError(409, 'case_closed', error.message);
  if (error instanceof CaseSignalLimitError) return new HttpError(503, 'case_signal_limit', error.message);
  if (error instanceof InvalidCaseInput)
    return new HttpError(
      400,
      'invalid_input',
      `${error.message}. Fix it and send again; nothing was changed.`,
    );
  return error;
}
