import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

export interface OperationalReading {
  /** Workflow plus activity tasks waiting on the case task queue. */
  backlog: number;
  /** Running cases with at least one breached SLA (the flag stays set once breached). */
  openBreachedCases: number;
}

/** Reads the numbers the alarms and the worker autoscaling watch, from Temporal itself. */
export async function readOperationalMetrics(
  client: Client,
  namespace: string,
  taskQueue: string,
): Promise<OperationalReading> {
  const backlogOf = async (taskQueueType: temporal.api.enums.v1.TaskQueueType) => {
    const response = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType,
      reportStats: true,
    });
    return Number(response.stats?.approximateBacklogCount ?? 0);
  };
  const [workflowBacklog, activityBacklog, breached] = await Promise.all([
    backlogOf(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
    backlogOf(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    client.workflow.count(
      `${CASE_SEARCH_ATTRIBUTES.slaBreached.name} = true AND ExecutionStatus = 'Running'`,
    ),
  ]);
  return { backlog: workflowBacklog + activityBacklog, openBreachedCases: breached.count };
}
