import { DefaultLogger } from '@temporalio/worker';
import { noopMetricMeter } from '@temporalio/common';
import { compileWorkerOptions } from '@temporalio/worker/lib/worker-options';
import { msToNumber } from '@temporalio/common/lib/time';
import { CASE_WORKFLOW_TASK_TIMEOUT } from '../../../workflows/case/workflow-task-timeout';
import {
  NON_STICKY_POLL_SHARE,
  WorkerTuning,
  cachedWorkflowsFor,
  workerTuningOptions,
} from '../../../workers/worker-tuning';

/** What the SDK makes of the options: the settings the worker really runs with. */
function compiled(tuning: WorkerTuning) {
  return compileWorkerOptions(
    { taskQueue: 'tuning-test', ...workerTuningOptions(tuning) },
    new DefaultLogger('ERROR'),
    noopMetricMeter,
  );
}

describe('worker tuning', () => {
  it('sizes the workflow cache from the task memory by the written-down rule', () => {
    expect(cachedWorkflowsFor(1024)).toBe(404);
    expect(cachedWorkflowsFor(2048)).toBe(1018);
    expect(cachedWorkflowsFor(512)).toBe(97);
  });

  it('defaults to a 1 GiB task and an explicit cache size wins, as the SDK compiles them', () => {
    const options = compiled(WorkerTuning.parse({}));
    expect(options.maxCachedWorkflows).toBe(404);
    expect(options.tuner.workflowTaskSlotSupplier).toEqual({ type: 'fixed-size', numSlots: 40 });
    expect(options.tuner.activityTaskSlotSupplier).toEqual({ type: 'fixed-size', numSlots: 200 });
    expect(compiled(WorkerTuning.parse({ maxCachedWorkflows: 50 })).maxCachedWorkflows).toBe(50);
  });

  it('polls with half the workflow slots, half of those on the task queue (not the SDK default 10 and 2)', () => {
    const options = compiled(WorkerTuning.parse({}));
    expect(options.workflowTaskPollerBehavior).toEqual({ type: 'simple-maximum', maximum: 20 });
    expect(options.nonStickyToStickyPollRatio).toBe(NON_STICKY_POLL_SHARE);
    expect(
      compiled(WorkerTuning.parse({ maxConcurrentWorkflowTaskExecutions: 3 })).workflowTaskPollerBehavior,
    ).toEqual({ type: 'simple-maximum', maximum: 2 });
  });

  it('keeps slots and pollers within a small cache, which bounds the tasks the SDK runs at once', () => {
    const options = compiled(WorkerTuning.parse({ maxCachedWorkflows: 10 }));
    expect(options.tuner.workflowTaskSlotSupplier).toEqual({ type: 'fixed-size', numSlots: 10 });
    expect(options.workflowTaskPollerBehavior).toEqual({ type: 'simple-maximum', maximum: 5 });
  });

  it('lets an activation run as long as its workflow task may (an interrupted one aborts the process)', () => {
    const options = compiled(WorkerTuning.parse({}));
    expect(options.isolateExecutionTimeoutMs).toBe(msToNumber(CASE_WORKFLOW_TASK_TIMEOUT));
    expect(options.isolateExecutionTimeoutMs).toBeGreaterThan(5_000);
  });

  it('refuses sizes that would starve the worker, naming the field', () => {
    const parsed = WorkerTuning.safeParse({ taskMemoryMiB: 128, maxConcurrentWorkflowTaskExecutions: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'maxConcurrentWorkflowTaskExecutions',
      'taskMemoryMiB',
    ]);
  });
});
