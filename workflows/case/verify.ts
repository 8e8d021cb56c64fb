import { condition } from '@temporalio/workflow';
import type { CaseContext } from './context';
import { newDeadline, watchDeadline } from '../sla';

/** Verification: a verifier is assigned and gives a verdict, under the verification SLA. */
export async function runVerification(ctx: CaseContext): Promise<void> {
  const { state, policy } = ctx;
  const deadline = newDeadline({
    id: 'verification',
    sla: 'verification',
    label: 'verification',
    priority: state.priority,
    policy,
    startedAtMs: Date.parse(state.openedAt),
    ...(state.assignee ? { assignee: state.assignee } : {}),
  });
  const watch = watchDeadline(deadline, {
    reminders: policy.reminders,
    isMet: () => state.verdict !== undefined,
    reporter: ctx,
    assignee: () => state.assignee,
  });
  await condition(() => state.verdict !== undefined);
  await watch.done;
}
