import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '../domain';
import { CASE_ID } from '../cases/case-id';
import { CaseNotFoundError } from '../cases/case-errors';
import { requireRole } from './access';
import { authenticate, type Officer } from './auth';
import type { ApiDeps } from './api-deps';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route's guard (onRequest), from the bearer token only. */
    officer?: Officer;
    /** Set by the guard of case reads and exports: recorded in the access audit when answered. */
    auditAccess?: 'read' | 'export';
  }
}

export interface GuardRule {
  /** Roles allowed on the route; omitted: any officer with a valid token. */
  roles?: readonly Role[];
  /** What the caller is refused, as in "may not <what>". */
  what?: string;
  /** Record each successful call in the access audit (case reads and exports). */
  audit?: 'read' | 'export';
}

/**
 * The route's onRequest hook: who the token belongs to (401), whether the case id can be a case at all
 * (404), then the role (403), all before the body is read, so an unauthorized caller never gets a
 * body parsed or validated.
 */
export function officerGuard(
  deps: Pick<ApiDeps, 'officers' | 'audit'>,
  rule: GuardRule = {},
): onRequestAsyncHookHandler {
  return async (request) => {
    const officer = await authenticate(request, deps.officers, (failure) => deps.audit.failedSignIn(failure));
    const { caseId } = request.params as { caseId?: string };
    if (caseId !== undefined && !CASE_ID.test(caseId)) throw new CaseNotFoundError(caseId);
    if (rule.roles) requireRole(officer, rule.roles, rule.what ?? 'call this');
    request.officer = officer;
    if (rule.audit) request.auditAccess = rule.audit;
  };
}

/** The officer the guard let through (routes with a guard only). */
export function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error(`route ${request.routeOptions.url ?? ''} has no officer guard`);
  return request.officer;
}
