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

export const KNOWN_OPEN_DEFECTS: KnownOpenDefect[] = [
  {
    // Narrowed from `case-stuck-child-signals-closed-case` (fixed: patch saring-child-case-gone, seeds 72,
    // 108, 153, 185, 218, 247, 281). What is left: the time-skipping server's clock does not move on
    // although no workflow task of the case or of any child failed. It is timing dependent: on a machine
    // at load average 25-30 on 2 cores, 28 of 300 seeds, each the first stall on its lane or a later script
    // on a stalled lane (73 and 90, for example, pass alone). A stuck case with a failing workflow task is
    // not explained here and fails the run. Remove this entry once a stalled lane is restarted or the cause is found.
    id: 'time-skipping-clock-stall',
    issueItem: '#3/#7 (test server clock, no workflow task failing)',
    explains: (violation, record) =>
      violation.invariant === 'no-failed-case' &&
      (record.stuck.length > 0 || /the clock stopped: a case is stuck/.test(violation.message)) &&
      !record.stuck.some((line) => /workflow task failed/.test(line)),
  },
];

/** The open defect whose shape this step is, if the runner must leave it out. */
export function skippedBy(update: CaseUpdateName, state: CaseState | undefined): KnownOpenDefect | undefined {
  return KNOWN_OPEN_DEFECTS.find((defect) => defect.skips?.(update, state));
}

export function explainedBy(violation: Violation, record: RunRecord): KnownOpenDefect | undefined {
  return KNOWN_OPEN_DEFECTS.find((defect) => defect.explains(violation, record));
}

/** For entries added back while a fix is pending (kept here so the helpers stay type-checked). */
export const knownOpenHelpers = { acceptedAny };
