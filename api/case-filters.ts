import { z } from 'zod';
import type { CaseFilter } from '../cases/case-client';
import { CASE_STAGES, CATEGORIES, OfficerId, PRIORITIES, REGIONS } from '../domain';

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

/** The HTTP filters in the case client's terms (cases/case-client.ts builds the one visibility query). */
export function toCaseFilter(filters: Omit<CaseListFilters, 'limit'>): CaseFilter {
  return {
    ...(filters.status ? { stage: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.breached !== undefined ? { slaBreached: filters.breached } : {}),
    ...(filters.open !== undefined ? { open: filters.open } : {}),
  };
}
