import {
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  type ChildWorkflowOptions,
} from '@temporalio/workflow';
import { CASE_WORKFLOW_TASK_TIMEOUT } from '../workflow-task-timeout';

/**
 * How a case starts its children, spelled out instead of left to defaults:
 * - ABANDON: a child outlives the run that started it, so the case can continue as new in any stage
 *   and the next run takes the child up again (children report to the case by workflow id). A case
 *   that closes cancels its running children itself (close.ts), and a withdrawal cancels them.
 * - Cancellation: with `cancelledByCloseOnly` (runs with the children-cancelled-once patch) a cancelled
 *   process scope stops waiting for the child without asking it to cancel (ABANDON): the closing case
 *   asks every running child once, whichever run started it. Asking twice is refused by the server.
 * - REJECT_DUPLICATE: starting a child id again (after continue-as-new) never starts a second
 *   takedown; the start fails with WorkflowExecutionAlreadyStartedError and the case takes it up.
 * - One attempt, bounded run: a child that fails is recorded on the case (a track failure), not retried
 *   from scratch (that would send a second takedown request).
 */
export function childOptions(
  workflowId: string,
  maxDuration: string,
  cancelledByCloseOnly = false,
): Pick<
  ChildWorkflowOptions,
  | 'workflowId'
  | 'parentClosePolicy'
  | 'workflowIdReusePolicy'
  | 'cancellationType'
  | 'workflowExecutionTimeout'
  | 'workflowTaskTimeout'
  | 'retry'
> {
  return {
    workflowId,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    cancellationType: cancelledByCloseOnly
      ? ChildWorkflowCancellationType.ABANDON
      : ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
    workflowExecutionTimeout: maxDuration,
    workflowTaskTimeout: CASE_WORKFLOW_TASK_TIMEOUT,
    retry: { maximumAttempts: 1 },
  };
}
