import { Worker, type WorkerOptions } from '@temporalio/worker';
import { fetchTaskQueueFor } from '../../../activities/options';
import { FETCHER_ACTIVITY_NAMES } from '../../../activities/fetcher-activities';
import { caseWorkerBuildId, fetcherWorkerBuildId } from '../../../workers/build-id';

/**
 * A case worker and, beside it, a worker on its fetch queue (`<queue>-fetch`) running the same
 * captureSnapshot and checkLiveness: case workflows started with the fetcher-queue patch schedule those
 * two there, as the fetcher process serves them in production. Used wherever tests run case workflows.
 */
export interface CaseAndFetchWorkers {
  caseWorker: Worker;
  fetchWorker: Worker;
  run(): Promise<void>;
  runUntil<T>(work: Promise<T> | (() => Promise<T>)): Promise<T>;
  shutdown(): void;
}

export async function createCaseAndFetchWorkers(
  options: WorkerOptions & { taskQueue: string },
): Promise<CaseAndFetchWorkers> {
  const activities = (options.activities ?? {}) as Record<string, unknown>;
  const fetching = Object.fromEntries(
    FETCHER_ACTIVITY_NAMES.map((name) => {
      if (typeof activities[name] !== 'function')
        throw new Error(`the fetch-queue worker needs ${name} among the case worker's activities`);
      return [name, activities[name]];
    }),
  );
  // The build ids production reports (workers/build-id.ts), so histories written here look like its.
  const buildId =
    options.buildId ?? (options.workflowBundle ? caseWorkerBuildId(options.workflowBundle) : undefined);
  const [caseWorker, fetchWorker] = await Promise.all([
    Worker.create({ ...options, ...(buildId ? { buildId } : {}) }),
    Worker.create({
      connection: options.connection,
      buildId: fetcherWorkerBuildId(),
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
      ...(options.shutdownGraceTime ? { shutdownGraceTime: options.shutdownGraceTime } : {}),
      ...(options.interceptors?.activity
        ? { interceptors: { activity: options.interceptors.activity } }
        : {}),
      taskQueue: fetchTaskQueueFor(options.taskQueue),
      activities: fetching,
    }),
  ]);
  return {
    caseWorker,
    fetchWorker,
    run: async () => {
      await Promise.all([caseWorker.run(), fetchWorker.run()]);
    },
    runUntil: (work) => caseWorker.runUntil(fetchWorker.runUntil(work)),
    shutdown: () => {
      caseWorker.shutdown();
      fetchWorker.shutdown();
    },
  };
}
