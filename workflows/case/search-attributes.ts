import { CancellationScope, condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { CASE_SEARCH_ATTRIBUTES as SA, openDeadlines, type CaseState } from '../../domain';

/** The search attribute values of a case (null: not set). */
export function caseSearchAttributes(state: CaseState): SearchAttributeUpdatePair[] {
  const platforms = [
    ...new Set([state.subject.platform, ...state.tracks.takedowns.map((track) => track.platform)]),
  ]
    .filter((platform): platform is NonNullable<typeof platform> => platform !== undefined)
    .sort();
  const dueTimes = openDeadlines(state).map((deadline) => Date.parse(deadline.dueAt));
  return [
    { key: SA.category, value: state.category ?? 'uncategorized' },
    { key: SA.status, value: state.stage },
    { key: SA.priority, value: state.priority },
    { key: SA.region, value: state.region },
    { key: SA.platforms, value: platforms.length > 0 ? platforms : null },
    { key: SA.assignee, value: state.assignee ?? null },
    { key: SA.nextDeadline, value: dueTimes.length > 0 ? new Date(Math.min(...dueTimes)) : null },
    { key: SA.slaBreached, value: state.slaBreached },
    { key: SA.detectionCount, value: state.detections.count },
  ];
}

/**
 * Keeps the search attributes current with as few history events as possible: changes are collected
 * and upserted once per workflow task (a burst of 1,000 detection signals costs one upsert per task,
 * not 1,000), and only the attributes whose value changed are sent.
 */
export class SearchAttributeSync {
  private readonly last = new Map<string, string>();
  private dirty = false;
  private loopStarted = false;
  private latest: CaseState | undefined;

  constructor() {
    // After continue-as-new the run starts with the attributes of the previous run.
    for (const pair of workflowInfo().typedSearchAttributes.getAll()) {
      this.last.set(pair.key.name, JSON.stringify(pair.value));
    }
  }

  markDirty(state: CaseState): void {
    this.latest = state;
    this.dirty = true;
    if (!this.loopStarted) {
      this.loopStarted = true;
      void CancellationScope.nonCancellable(async () => {
        for (;;) {
          await condition(() => this.dirty);
          if (this.latest) this.flush(this.latest);
        }
      });
    }
  }

  flush(state: CaseState): void {
    this.dirty = false;
    const changed = caseSearchAttributes(state).filter((pair) => {
      const encoded = JSON.stringify(pair.value);
      const previous = this.last.get(pair.key.name) ?? 'null';
      if (previous === encoded) return false;
      this.last.set(pair.key.name, encoded);
      return true;
    });
    if (changed.length > 0) upsertSearchAttributes(changed);
  }
}
