import { NOTE_ROLES, type CaseUpdateName, type Role } from '../domain';
import type { Officer } from './auth';
import { HttpError } from './http-error';

/**
 * What each role may do through the API, on top of the workflow's own rules (domain/case-rules.ts),
 * which stay authoritative for case steps. The API refuses here only what a role may never do.
 */
export const CASE_OFFICER_ROLES = [
  'verifier',
  'supervisor',
  'police_liaison',
  'public_relations',
] as const satisfies readonly Role[];
export const CASE_READER_ROLES = [...CASE_OFFICER_ROLES, 'auditor'] as const satisfies readonly Role[];
export const HISTORY_ROLES = ['auditor', 'supervisor'] as const satisfies readonly Role[];
export const OPS_ROLES = ['admin'] as const satisfies readonly Role[];
export const ACCESS_AUDIT_ROLES = ['auditor'] as const satisfies readonly Role[];
export const REPORT_ROLES = ['supervisor', 'auditor'] as const satisfies readonly Role[];

const WHY_NOT: Partial<Record<Role, string>> = {
  auditor: 'auditors read and verify cases and change nothing',
  admin: 'admin operates the platform (ops endpoints under /api/admin) and takes no case decisions',
  crawler: 'machine clients only submit detections',
  partner: 'machine clients only submit detections',
};

function refuse(officer: Officer, what: string, allowed: readonly Role[]): never {
  const why = WHY_NOT[officer.role] ? `: ${WHY_NOT[officer.role]}` : '';
  throw new HttpError(
    403,
    'forbidden_role',
    `${officer.officerId} (${officer.role}) may not ${what}${why}. Allowed roles: ${allowed.join(', ')}.`,
  );
}

export function requireRole(officer: Officer, allowed: readonly Role[], what: string): void {
  if (!allowed.includes(officer.role)) refuse(officer, what, allowed);
}

/**
 * Auditor and admin never take case steps. Which case role may take which step, and when, is the
 * workflow's decision (its validators refuse with FORBIDDEN_ROLE, WRONG_STAGE...), not repeated here.
 */
export function caseStepRule(name: CaseUpdateName): { roles: readonly Role[]; what: string } {
  return { roles: CASE_OFFICER_ROLES, what: `take the case step ${name}` };
}

/** Officers who take case steps submit detections; so do the crawler and partner machine clients. */
export const DETECTION_ROLES = [
  ...CASE_OFFICER_ROLES,
  'crawler',
  'partner',
] as const satisfies readonly Role[];

export const NOTE_ROLES_REFUSAL = { roles: NOTE_ROLES, what: 'add notes to cases' } as const;
