import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { Workflow } from '@temporalio/workflow';
import type { DevServer } from '../case-test-kit';
import { testDataConverter } from '../codec/test-codec';
import { uniqueTaskQueue } from '../servers/test-servers';

/**
 * Runs workflows of a test fixture bundle on the dev server, each to its result, with a worker of its
 * own on a fresh task queue (no activities). `workflowExecutionTimeout` ends a workflow whose task keeps
 * failing (it would otherwise retry forever).
 */
export async function executeInBundle<W extends Workflow>(
  server: DevServer,
  bundle: WorkflowBundle,
  workflowType: string,
  argsOfEach: Parameters<W>[],
  queuePrefix: string,
): Promise<Awaited<ReturnType<W>>[]> {
  const taskQueue = uniqueTaskQueue(queuePrefix);
  const worker = await Worker.create({
    connection: server.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    dataConverter: testDataConverter,
  });
  return worker.runUntil(
    Promise.all(
      argsOfEach.map(
        (args, index) =>
          server.client.workflow.execute(workflowType, {
            taskQueue,
            workflowId: `${taskQueue}-${index}`,
            args: args as unknown[],
            workflowExecutionTimeout: '30s',
          }) as Promise<Awaited<ReturnType<W>>>,
      ),
    ),
  );
}
