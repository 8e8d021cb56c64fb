import { timelineEntryText, type CaseState } from '../domain';

/**
 * What `saring case act` prints after a step. The state the update returns is the case at the moment
 * the step was accepted: the workflow may move the case on (a verdict opens the action stage) just
 * after, so the stage in it can already be stale. Print what the step recorded, not a stage.
 */
export function stepResultLines(step: string, caseId: string, state: CaseState): string[] {
  const last = state.timeline.at(-1);
  return [
    `ok: ${step} on ${caseId}`,
    ...(last ? [`last timeline entry: ${last.action}: ${timelineEntryText(last, 'en')}`] : []),
  ];
}
