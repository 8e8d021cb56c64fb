import { z } from 'zod';
import {
  CASE_SEARCH_ATTRIBUTES as SA,
  CASE_STAGES,
  CATEGORIES,
  OfficerId,
  PRIORITIES,
  REGIONS,
} from '../domain';

export const CASE_WORKFLOW_TYPE = 'ContentCaseWorkflow';

/** A comma-separated list of enum values: "verification,action". */
const ListOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1).max(20));

const Bool = z.enum(['true', 'false']).transform((text) => text === 'true');

/**
 * The case list's query parameters. Every value is an enum member, an officer id or a boolean, so
 * nothing a caller types reaches the visibility query as free text. Unknown parameters are refused
 * (a typo would otherwise silently list everything).
 */
export const CaseListFilters = z.strictObject({
  status: ListOf(CASE_STAGES).optional(),
  /** "uncategorized" is what the workflow writes before a category is known. */
  category: ListOf([...CATEGORIES, 'uncategorized']).optional(),
  priority: ListOf(PRIORITIES).optional(),
  region: ListOf(REGIONS).optional(),
  /** An officer id, or "none" for unassigned cases. */
  assignee: z.union([z.literal('none'), OfficerId]).optional(),
  breached: Bool.optional(),
  /** true: running cases only; false: finished ones only. */
  open: Bool.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CaseListFilters = z.infer<typeof CaseListFilters>;

/** Double-quoted visibility literal; the schemas above already exclude quotes and backslashes. */
function literal(value: string): string {
  if (/["\\]/.test(value)) throw new Error(`refusing to quote ${value}`);
  return `"${value}"`;
}

function oneOf(attribute: string, values: readonly string[]): string {
  return values.length === 1
    ? `${attribute} = ${literal(values[0]!)}`
    : `${attribute} IN (${values.map(literal).join(', ')})`;
}

/** The visibility query for the filters: `WorkflowType = "ContentCaseWorkflow" AND SaringStatus IN (...) ...`. */
export function caseListQuery(filters: Omit<CaseListFilters, 'limit'>): string {
  const clauses = [`WorkflowType = ${literal(CASE_WORKFLOW_TYPE)}`];
  if (filters.status) clauses.push(oneOf(SA.status.name, filters.status));
  if (filters.category) clauses.push(oneOf(SA.category.name, filters.category));
  if (filters.priority) clauses.push(oneOf(SA.priority.name, filters.priority));
  if (filters.region) clauses.push(oneOf(SA.region.name, filters.region));
  if (filters.assignee === 'none') clauses.push(`${SA.assignee.name} IS NULL`);
  else if (filters.assignee) clauses.push(`${SA.assignee.name} = ${literal(filters.assignee)}`);
  if (filters.breached !== undefined) clauses.push(`${SA.slaBreached.name} = ${filters.breached}`);
  if (filters.open !== undefined)
    clauses.push(filters.open ? 'ExecutionStatus = "Running"' : 'ExecutionStatus != "Running"');
  return clauses.join(' AND ');
}
