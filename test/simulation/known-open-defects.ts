import type { CaseState, CaseUpdateName } from '../../domain';
import type { Violation } from './invariants';
import type { RunRecord } from './runner';

/**
 * Workflow defects of issue 9 that are known and not fixed yet on this branch. A violation that one
 * of these explains is reported (the test prints every entry with its count and an example seed)
 * but does not fail the run; any other violation does. Remove an entry as soon as its fix is merged:
 * the test prints entries that matched nothing, so a stale entry is visible.
 */
export interface KnownOpenDefect {
  id: string;
  /** The item of issue 9 it belongs to. */
  issueItem: string;
  explains(violation: Violation, record: RunRecord): boolean;
  /**
   * Script steps the runner leaves out while the defect is open, because they would stall a whole
   * time-skipping server (not just fail their own script). Every skip is counted and printed.
   */
  skips?(update: CaseUpdateName, state: CaseState | undefined): boolean;
}

const acceptedAny = (
  record: RunRecord,
  name: string,
  predicate: (payload: Record<string, unknown>) => boolean = () => true,
) => record.accepted.some((update) => update.name === name && predicate(update.payload));

/**
 * None open. The last entry, `time-skipping-clock-stall` (a clock that did not move on while no workflow
 * task failed), was the test server keeping a lock on its clock; the runner now releases such a lock
 * and moves on (time-skipping-locks.ts), so a clock that still stands is a stuck case and fails the run.
 */
export const KNOWN_OPEN_DEFECTS: KnownOpenDefect[] = [];

/** The open defect whose shape this step is, if the runner must leave it out. */
export function skippedBy(update: CaseUpdateName, state: CaseState | undefined): KnownOpenDefect | undefined {
  return KNOWN_OPEN_DEFECTS.find((defect) => defect.skips?.(update, state));
}

export function explainedBy(violation: Violation, record: RunRecord): KnownOpenDefect | undefined {
  return KNOWN_OPEN_DEFECTS.find((defect) => defect.explains(violation, record));
}

/** For entries added back while a fix is pending (kept here so the helpers stay type-checked). */
export const knownOpenHelpers = { acceptedAny };
