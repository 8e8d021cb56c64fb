import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { condition, startChild } from '@temporalio/workflow';
import type { TakedownChildInput, TakedownTrack } from '../../../domain';
import { PlatformTakedownWorkflow, PlatformTakedownWorkflowV2 } from '../../children/takedown';
import { applyTakedownOutcome } from '../child-events';
import type { CaseContext } from '../context';
import { childOptions } from './child-options';

export { takedownChildId } from '../child-ids';

/** Longest a takedown child may run: compliance, the whole ladder and objection reviews, with room to spare. */
const TAKEDOWN_MAX_DURATION = '90 days';

/**
 * One platform's takedown, as a child workflow; its progress reaches the case by signal. With the
 * issue-9 patch the child also reports its end, so a case that continued as new (and can no longer
 * await the child's result) takes the track up by waiting for that report.
 */
export async function runTakedownTrack(ctx: CaseContext, track: TakedownTrack): Promise<void> {
  const { state, policy } = ctx;
  if (track.result) return;
  const input: TakedownChildInput = {
    caseId: state.caseId,
    key: track.key,
    attempt: track.attempt,
    platform: track.platform,
    url: track.url,
    category: state.category ?? 'other_illegal',
    priority: state.priority,
    policy,
    evidence: state.evidence,
  };
  if (!ctx.v2) {
    const child = await startChild(PlatformTakedownWorkflow, {
      workflowId: track.childWorkflowId,
      args: [input],
    });
    applyTakedownOutcome(ctx, track, await child.result());
    return;
  }
  const reported = condition(() => track.result !== undefined);
  // Cancelled with the process scope before it is awaited (a withdrawal during the child's start).
  reported.catch(() => undefined);
  try {
    const child = await ctx.startingChild(track.childWorkflowId, () =>
      startChild(ctx.startsV2Children ? PlatformTakedownWorkflowV2 : PlatformTakedownWorkflow, {
        ...childOptions(track.childWorkflowId, TAKEDOWN_MAX_DURATION, ctx.closesChildren),
        args: [input],
      }),
    );
    const outcome = await Promise.race([child.result(), reported.then(() => undefined)]);
    if (outcome) applyTakedownOutcome(ctx, track, outcome);
  } catch (error) {
    // Started by an earlier run of this case: wait for its report.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await reported;
  }
}
