import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_UPDATE_NAMES } from '../domain';
import { CASE_ID } from '../cases/case-id';
import { CaseNotFoundError } from '../cases/case-errors';
import { authenticate } from './auth';
import { caseErrorToHttp } from './case-errors';
import { HttpError, invalidInput } from './http-error';
import { MAX_BODY_BYTES } from './json-body';
import type { ApiDeps } from './api-deps';
import type { RouteTable } from './route-table';

type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How a 400 names each validated part, e.g. { body: 'submitVerdict payload' } → "Invalid submitVerdict payload: ...". */
    inputs?: Partial<Record<RequestPart, string>>;
  }
}

const DEFAULT_INPUT_NAMES: Record<RequestPart, string> = {
  body: 'request body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

interface ValidationFailure {
  validation: { instancePath?: string; message?: string }[];
  validationContext?: RequestPart;
}

function isValidationFailure(error: unknown): error is ValidationFailure {
  return (
    typeof error === 'object' && error !== null && Array.isArray((error as ValidationFailure).validation)
  );
}

/** Fastify's own refusals (body, media type, URL) in the API's words. */
function frameworkError(error: FastifyError): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'body_too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(
        415,
        'unsupported_media_type',
        'Send the request body as JSON, with the header "Content-Type: application/json".',
      );
    case 'FST_ERR_BAD_URL':
      return new HttpError(
        400,
        'invalid_path',
        `The path ${error.message.replace(/ is not a valid url component$/, '')} is not valid percent-encoding.`,
      );
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return new HttpError(error.statusCode, 'bad_request', error.message);
  return undefined;
}

/** "Idempotency-Key header" or "Idempotency-Key and Prefer headers": the headers that failed, by name. */
function failingHeaders(issues: ValidationFailure['validation']): string | undefined {
  const names = [
    ...new Set(
      issues.map((issue) => (issue.instancePath ?? '').split('/').filter(Boolean)[0]).filter(Boolean),
    ),
  ].map((name) =>
    name!.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
  );
  if (names.length === 0) return undefined;
  return `${names.join(' and ')} header${names.length > 1 ? 's' : ''}`;
}

/** Any error a request ends with, as an HttpError; undefined for the unexpected (a 500). */
export function toHttpError(error: unknown, request: FastifyRequest): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (isValidationFailure(error)) {
    const part = error.validationContext ?? 'body';
    const what =
      (part === 'headers' ? failingHeaders(error.validation) : undefined) ??
      request.routeOptions.config?.inputs?.[part] ??
      DEFAULT_INPUT_NAMES[part];
    return invalidInput(
      what,
      error.validation.map((issue) => ({
        path:
          (issue.instancePath ?? '').split('/').filter(Boolean).join('.') ||
          (part === 'body' ? '(body)' : part),
        message: issue.message ?? 'invalid',
      })),
    );
  }
  const mapped = caseErrorToHttp(error);
  if (mapped instanceof HttpError) return mapped;
  if (error instanceof Error && 'code' in error) return frameworkError(error as FastifyError);
  return undefined;
}

export function sendHttpError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send({ error: { code: error.code, message: error.message, details: error.details } });
}

/** The one error handler: known refusals keep their status and message; anything else is logged and a bare 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toHttpError(error, request);
  if (known) return sendHttpError(reply, known);
  console.error('api: unexpected error', error);
  return sendHttpError(
    reply,
    new HttpError(
      500,
      'internal',
      'Something went wrong on the server; the error is logged. Try again, or tell the platform team.',
    ),
  );
}

const STEP_PATH = /^\/api\/cases\/([^/]+)\/actions\/([^/]+)$/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(
      400,
      'invalid_path',
      `The path segment ${JSON.stringify(segment)} is not valid percent-encoding.`,
    );
  }
}

/**
 * No route matched: an unknown case step (after the token and case id are checked, as for a known
 * step), a known path with another method (405), or nothing at all (404).
 */
export function registerNotFound(
  app: FastifyInstance,
  routes: RouteTable,
  deps: Pick<ApiDeps, 'officers' | 'audit'>,
): void {
  app.setNotFoundHandler(async (request) => {
    const pathname = new URL(request.url, 'http://localhost').pathname;
    const step = STEP_PATH.exec(pathname);
    if (step && request.method === 'POST') {
      await authenticate(request, deps.officers, (failure) => deps.audit.failedSignIn(failure));
      const caseId = decoded(step[1]!);
      if (!CASE_ID.test(caseId)) throw new CaseNotFoundError(caseId);
      throw new HttpError(
        404,
        'unknown_step',
        `There is no case step ${JSON.stringify(decoded(step[2]!))}. Steps: ${CASE_UPDATE_NAMES.join(', ')}.`,
      );
    }
    if (routes.hasOtherMethod(request.method, pathname))
      throw new HttpError(405, 'method_not_allowed', `${request.method} is not allowed on ${pathname}.`);
    throw new HttpError(
      404,
      'not_found',
      `Nothing at ${request.method} ${pathname}. The API lives under /api (see docs/officers.md).`,
    );
  });
}
