import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

/** Workflow plus activity tasks waiting on the case task queue (what the worker autoscaling watches). */
export async function readBacklog(client: Client, namespace: string, taskQueue: string): Promise<number> {
  const backlogOf = async (taskQueueType: temporal.api.enums.v1.TaskQueueType) => {
    const response = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType,
      reportStats: true,
    });
    return Number(response.stats?.approximateBacklogCount ?? 0);
  };
  const [workflowBacklog, activityBacklog] = await Promise.all([
    backlogOf(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
    backlogOf(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
  ]);
  return workflowBacklog + activityBacklog;
}

/**
 * Running cases with at least one breached SLA (the flag stays set once breached). A visibility query on a
 * custom search attribute: it fails where the attribute is not registered, which must not stop the backlog.
 */
export async function readOpenBreachedCases(client: Client): Promise<number> {
  const breached = await client.workflow.count(
    `${CASE_SEARCH_ATTRIBUTES.slaBreached.name} = true AND ExecutionStatus = 'Running'`,
  );
  return breached.count;
}
