import type { Deadline, SlaStage } from '../../domain';
import { newDeadline, watchDeadline, type DeadlineWatch } from '../sla';
import type { CaseContext } from './context';

/**
 * Watches one of the case's own deadlines, or takes up the watch of a deadline an earlier run of the
 * case opened (after continue-as-new). A deadline already closed needs no watch.
 */
export function watchCaseDeadline(
  ctx: CaseContext,
  params: { id: string; sla: SlaStage; label: string; startedAtMs?: number; assigneeNow?: string },
  isMet: () => boolean,
  assignee: () => string | undefined,
): DeadlineWatch {
  const { state, policy } = ctx;
  const existing: Deadline | undefined = ctx.v2
    ? state.deadlines.find((deadline) => deadline.id === params.id)
    : undefined;
  if (existing?.closedAt) return { done: Promise.resolve(), stop: async () => undefined };
  const deadline =
    existing ??
    newDeadline({
      id: params.id,
      sla: params.sla,
      label: params.label,
      priority: state.priority,
      policy,
      ...(params.startedAtMs !== undefined ? { startedAtMs: params.startedAtMs } : {}),
      ...(params.assigneeNow ? { assignee: params.assigneeNow } : {}),
    });
  return watchDeadline(deadline, {
    reminders: policy.reminders,
    isMet,
    reporter: ctx,
    assignee,
    resumed: existing !== undefined,
  });
}
