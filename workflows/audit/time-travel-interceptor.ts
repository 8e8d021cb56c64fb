import { proxySinks, workflowInfo, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { getActivator } from '@temporalio/workflow/lib/global-attributes';
import type { CaseState } from '../../domain';

/** The case as it stood after one workflow task: what the time-travel view prints. */
export interface CaseStep {
  /** The last event the task had seen (its WorkflowTaskStarted event). */
  eventId: number;
  stage: string;
  verdict: string | null;
  tracks: string[];
  openDeadlines: { label: string; dueAt: string; breached: boolean }[];
  timelineEntries: number;
}

export interface TimeTravelSinks extends Sinks {
  auditTimeTravel: { step(step: CaseStep): void };
}

const sinks = proxySinks<TimeTravelSinks>();

function summarize(state: CaseState, eventId: number): CaseStep {
  const { tracks } = state;
  return {
    eventId,
    stage: state.stage,
    verdict: state.verdict?.verdict.kind ?? null,
    tracks: [
      ...(tracks.clarification ? [`clarification:${tracks.clarification.status}`] : []),
      ...(tracks.response ? [`response:${tracks.response.status}`] : []),
      ...tracks.takedowns.map(
        (track) => `takedown ${track.key}:${track.status}${track.level ? `@${track.level}` : ''}`,
      ),
      ...(tracks.police ? [`police:${tracks.police.status}`] : []),
    ],
    openDeadlines: state.deadlines
      .filter((deadline) => deadline.closedAt === undefined)
      .map((deadline) => ({ label: deadline.label, dueAt: deadline.dueAt, breached: !!deadline.breachedAt })),
    timelineEntries: state.timeline.length,
  };
}

/**
 * Replay-only (audit/replay-archive.ts bundles it; workers never do): after each workflow task, asks
 * the case's own state query and hands a summary to a sink called during replay. Reading a query
 * handler changes nothing the workflow decides, so replay stays the same replay.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  internals: [
    {
      concludeActivation(input, next) {
        const output = next(input);
        const query = getActivator().queryHandlers.get('caseState');
        if (query) {
          try {
            sinks.auditTimeTravel.step(summarize(query.handler() as CaseState, workflowInfo().historyLength));
          } catch {
            // A state the query cannot answer yet (before intake set it up) has no step to show.
          }
        }
        return output;
      },
    },
  ],
});
