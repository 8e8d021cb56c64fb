import { condition } from '@temporalio/workflow';
import { learnFromVerdict } from './claims';
import type { CaseContext } from './context';
import { watchCaseDeadline } from './deadlines';

/** Verification: a verifier is assigned and gives a verdict, under the verification SLA. */
export async function runVerification(ctx: CaseContext): Promise<void> {
  const { state } = ctx;
  const watch = watchCaseDeadline(
    ctx,
    {
      id: 'verification',
      sla: 'verification',
      label: 'verification',
      startedAtMs: Date.parse(state.openedAt),
      ...(state.assignee ? { assigneeNow: state.assignee } : {}),
    },
    () => state.verdict !== undefined,
    () => state.assignee,
  );
  await condition(() => state.verdict !== undefined);
  await watch.done;
  if (ctx.learns) await learnFromVerdict(ctx);
}
