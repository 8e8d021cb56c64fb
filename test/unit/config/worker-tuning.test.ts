import { WorkerTuning, cachedWorkflowsFor, workerTuningOptions } from '../../../workers/worker-tuning';

describe('worker tuning', () => {
  it('sizes the workflow cache from the task memory by the written-down rule', () => {
    expect(cachedWorkflowsFor(1024)).toBe(404);
    expect(cachedWorkflowsFor(2048)).toBe(1018);
    expect(cachedWorkflowsFor(512)).toBe(97);
  });

  it('defaults to a 1 GiB task, an explicit cache size wins, pollers are half the workflow slots', () => {
    expect(workerTuningOptions(WorkerTuning.parse({}))).toEqual({
      maxCachedWorkflows: 404,
      maxConcurrentWorkflowTaskExecutions: 40,
      maxConcurrentWorkflowTaskPolls: 20,
      maxConcurrentActivityTaskExecutions: 200,
    });
    expect(workerTuningOptions(WorkerTuning.parse({ maxCachedWorkflows: 50 })).maxCachedWorkflows).toBe(50);
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
