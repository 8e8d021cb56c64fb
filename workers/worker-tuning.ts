import { z } from 'zod';
import { CASE_WORKFLOW_TASK_TIMEOUT } from '../workflows/case/workflow-task-timeout';

/**
 * Worker sizing. The figures below are the sizing rule's assumptions, written down so they can be checked
 * against `npm run bench:peak`'s RSS figures and corrected:
 * - an idle worker (Node, the SDK's core, the workflow bundle, the activities' clients) holds about
 *   BASELINE_MIB;
 * - with reuseV8Context (on by default in SDK 1.24: one V8 context per workflow thread, shared by every
 *   cached workflow) a cached case costs about PER_CACHED_WORKFLOW_MIB. Measured with
 *   `npm run bench:open-cases` (docs/performance.md): 2.5 MiB of RSS per cached case while every
 *   workflow evaluated domain/ and zod for itself (a 1 GiB task's worker ran out of heap at about 300
 *   cached); 0.33 to 0.44 MiB since they are shared (workflows/shared-schemas.ts, 1,000 cached cases
 *   waiting in verification, 2026-12-01). A case's state grows with its tracks and timeline, so the rule
 *   keeps more than twice the measured figure;
 * - CACHE_SHARE of what is left goes to the cache; the rest is headroom for activities (snapshots,
 *   classification) and for GC.
 * A case not in the cache is replayed from its history on its next task (timer, update): cheap for a case
 * of ~30 events, which is why a small cache serves 100,000 open cases waiting on timers.
 */
export const BASELINE_MIB = 350;
export const PER_CACHED_WORKFLOW_MIB = 1;
export const CACHE_SHARE = 0.6;

export const WorkerTuning = z.strictObject({
  /** Memory the task (container) is given, MiB: SARING_TASK_MEMORY_MIB in the cloud. */
  taskMemoryMiB: z.number().int().min(512).max(65_536).default(1024),
  /** Overrides the size computed from taskMemoryMiB. */
  maxCachedWorkflows: z.number().int().min(0).max(100_000).optional(),
  /**
   * Workflow tasks at once. An intake task holds its slot while its local activities run, and all 40
   * were taken at moments on the peak day; 80 did not raise intake (6.2 cases a second at 500
   * detections, against 5.9 with 40) and let 26 of 394 cases' workflow tasks run past their 10 s timeout
   * (none with 40): more tasks at once only queue CPU on the one workflow thread (docs/performance.md,
   * runs 10 and 11).
   */
  maxConcurrentWorkflowTaskExecutions: z.number().int().min(2).max(1000).default(40),
  /** Activity tasks at once: most wait on the network (platforms, S3, SMTP), so many slots are cheap. */
  maxConcurrentActivityTaskExecutions: z.number().int().min(1).max(2000).default(200),
});
export type WorkerTuning = z.infer<typeof WorkerTuning>;

export function cachedWorkflowsFor(taskMemoryMiB: number): number {
  return Math.max(10, Math.floor(((taskMemoryMiB - BASELINE_MIB) * CACHE_SHARE) / PER_CACHED_WORKFLOW_MIB));
}

/** Share of the workflow pollers that poll the task queue itself, where every new case's first task waits. */
export const NON_STICKY_POLL_SHARE = 0.5;

/**
 * How long one activation may run inside the workflow sandbox before the SDK interrupts it (the SDK's
 * default is 5 s). An interrupted activation does not just fail its task: the sandbox runs with
 * `microtaskMode: 'afterEvaluate'`, and Node aborts the whole process when a vm timeout cuts a microtask
 * short ("async hook stack has become corrupted"; nodejs/node#38503, temporalio/sdk-typescript#939), so
 * every case on the worker stops, and the same activation kills it again after each restart.
 * A case that received thousands of signals while no worker ran gets them all in one activation (the
 * server lets a run take up to 10,000 signals): 4,000 took 2.2 s here on an idle worker, about 0.6 ms
 * each, and a loaded one is slower (docs/platform-engineers.md, "A worker that dies during a signal
 * flood"). A limit equal to the task timeout ends no activation the server would still have accepted.
 * It exists to catch a synchronous loop that never ends; that is caught later, not missed.
 */
export const ISOLATE_EXECUTION_TIMEOUT = CASE_WORKFLOW_TASK_TIMEOUT;

/**
 * The Worker.create options the tuning sets.
 * Pollers go through `workflowTaskPollerBehavior`: SDK 1.24 documents `maxConcurrentWorkflowTaskPolls`
 * but no longer reads it, so every worker polled with the default 10, and with the default ratio (0.2)
 * only 2 of them polled the task queue, where new cases wait for their first workflow task (worker
 * metrics on the peak day, docs/performance.md run 10).
 */
export function workerTuningOptions(tuning: WorkerTuning) {
  const maxCachedWorkflows = tuning.maxCachedWorkflows ?? cachedWorkflowsFor(tuning.taskMemoryMiB);
  // The SDK allows no more workflow tasks at once than cached workflows (when there is a cache).
  const workflowSlots =
    maxCachedWorkflows > 0
      ? Math.max(2, Math.min(tuning.maxConcurrentWorkflowTaskExecutions, maxCachedWorkflows))
      : tuning.maxConcurrentWorkflowTaskExecutions;
  return {
    maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: workflowSlots,
    // The SDK's advice: half the workflow slots as pollers, at least 2.
    workflowTaskPollerBehavior: {
      type: 'simple-maximum' as const,
      maximum: Math.max(2, Math.floor(workflowSlots / 2)),
    },
    nonStickyToStickyPollRatio: NON_STICKY_POLL_SHARE,
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivityTaskExecutions,
    isolateExecutionTimeout: ISOLATE_EXECUTION_TIMEOUT,
  };
}
