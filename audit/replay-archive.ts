import type { DataConverter } from '@temporalio/common';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type InjectedSinks } from '@temporalio/worker';
import { recordedBuildIds } from './recorded-build-ids';
import type { CaseStep, TimeTravelSinks } from '../workflows/audit/time-travel-interceptor';

export type { CaseStep };

export interface RunToReplay {
  workflowId: string;
  runId: string;
  /** Temporal's JSON form of the run's history. */
  historyJson: string;
}

export interface RunReplay {
  workflowId: string;
  runId: string;
  result: 'agreed' | 'diverged';
  /** The first divergence: the event it was found at (when the SDK names it, else the task after the last agreed step). */
  divergence?: { eventId: number | null; message: string };
  /** Build ids of the workers that recorded the run (from WorkflowTaskCompleted events). */
  recordedBuildIds: string[];
  steps: CaseStep[];
}

const INTERCEPTOR = require.resolve('../workflows/audit/time-travel-interceptor');
export const CURRENT_WORKFLOWS = path.resolve(__dirname, '../workflows');

/**
 * Re-executes each run with workflow code (the current workflows/ by default, or another copy, e.g. a
 * checkout of the version that recorded the history) through `Worker.runReplayHistories`: a run
 * agrees when the code makes the same commands at every step, else its first divergence is reported.
 * Each case step is captured by a replay-only interceptor (the time-travel view).
 */
export async function replayRuns(
  runs: RunToReplay[],
  options: { workflowsPath?: string; dataConverter?: DataConverter; progress?: (line: string) => void } = {},
): Promise<RunReplay[]> {
  const progress = options.progress ?? (() => undefined);
  progress(`bundling workflow code from ${options.workflowsPath ?? CURRENT_WORKFLOWS}`);
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: options.workflowsPath ?? CURRENT_WORKFLOWS,
    workflowInterceptorModules: [INTERCEPTOR],
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  });
  const steps = new Map<string, CaseStep[]>();
  const sinks: InjectedSinks<TimeTravelSinks> = {
    auditTimeTravel: {
      step: {
        fn: (info, step) => {
          const list = steps.get(info.runId) ?? [];
          // A task replayed twice (e.g. a query task) reports the same event again: keep one.
          if (list.at(-1)?.eventId !== step.eventId) list.push(step);
          steps.set(info.runId, list);
        },
        callDuringReplay: true,
      },
    },
  };
  const results: RunReplay[] = [];
  const histories = runs.map((run) => ({
    workflowId: run.workflowId,
    history: historyFromJSON(JSON.parse(run.historyJson)),
  }));
  const byRunId = new Map(runs.map((run) => [run.runId, run]));
  const replayed = Worker.runReplayHistories(
    {
      workflowBundle,
      sinks,
      replayName: 'saring-audit-replay',
      ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    },
    histories,
  );
  let index = 0;
  for await (const outcome of replayed) {
    const run = byRunId.get(outcome.runId) ?? runs[index]!;
    index += 1;
    const runSteps = steps.get(run.runId) ?? [];
    const error = outcome.error;
    // Core names the event: "... HistoryEvent(id: 6, UpsertWorkflowSearchAttributes)".
    const named = error
      ? /HistoryEvent\(id: (\d+)|event(?:\s*id)?\s*[#:]?\s*(\d+)/i.exec(error.message)
      : null;
    results.push({
      workflowId: run.workflowId,
      runId: run.runId,
      result: error ? 'diverged' : 'agreed',
      ...(error
        ? {
            divergence: {
              eventId: named ? Number(named[1] ?? named[2]) : (runSteps.at(-1)?.eventId ?? null),
              message: error.message,
            },
          }
        : {}),
      recordedBuildIds: recordedBuildIds(run.historyJson),
      steps: runSteps,
    });
    progress(`replayed ${run.workflowId} run ${run.runId}: ${error ? 'DIVERGED' : 'agreed'}`);
  }
  return results;
}
