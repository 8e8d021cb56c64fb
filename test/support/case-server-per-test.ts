import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import type { CaseClient } from '../../cases/case-client';
import { bundleCaseWorkflows, createCaseTimeSkippingEnv, withScriptedCaseWorker } from './case-test-kit';
import type { ActivityScript, ScriptedActivities } from './scripted-activities';

export interface CaseServerPerTest {
  /** This test's own time-skipping server. */
  readonly env: TestWorkflowEnvironment;
  /** The task queue of the latest withCaseWorker, for workflows a test starts by hand. */
  readonly taskQueue: string;
  /** Runs `run` with a scripted case worker on a task queue of its own (`<label>-<n>`). */
  withCaseWorker: <T>(
    script: ActivityScript,
    run: (cases: CaseClient, scripted: ScriptedActivities) => Promise<T>,
  ) => Promise<T>;
  /** Terminates the workflows that still run (the others are skipped without a word). */
  terminateQuietly: (workflowIds: string[]) => Promise<void>;
}

/**
 * Registers hooks on the calling describe: one case workflow bundle for all its tests, and a new
 * time-skipping server for each test, since a workflow a test leaves waiting (a stuck child, timers on
 * a task queue nobody polls) stops that server's clock for every later test.
 */
export function caseServerPerTest(label: string): CaseServerPerTest {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundle;
  let queueSeq = 0;
  beforeAll(async () => {
    bundle = await bundleCaseWorkflows();
  });
  beforeEach(async () => {
    env = await createCaseTimeSkippingEnv();
  });
  afterEach(async () => {
    // Forget it even if teardown fails: a later beforeEach that cannot start a server must not tear this one down again.
    const ending = env;
    env = undefined;
    await ending?.teardown();
  });
  const current = (): TestWorkflowEnvironment => {
    if (!env) throw new Error('the time-skipping server exists only inside a test (beforeEach starts it)');
    return env;
  };
  return {
    get env() {
      return current();
    },
    get taskQueue() {
      return `${label}-${queueSeq}`;
    },
    withCaseWorker: (script, run) => {
      queueSeq += 1;
      return withScriptedCaseWorker(current(), bundle, `${label}-${queueSeq}`, script, run);
    },
    terminateQuietly: async (workflowIds) => {
      for (const workflowId of workflowIds)
        await current()
          .client.workflow.getHandle(workflowId)
          .terminate('test finished')
          .catch(() => undefined);
    },
  };
}
