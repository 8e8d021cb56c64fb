import type { SearchAttributePair } from '@temporalio/common';
import { allHandlersFinished, condition, isCancellation, makeContinueAsNewFunc, workflowInfo } from '@temporalio/workflow';
import { CaseState, ContentCaseInput, type CaseOutcome } from '../domain';
import { closeCase } from './case/close';
import { CaseContext } from './case/context';
import { registerCaseHandlers } from './case/handlers';
import { runIntake } from './case/intake';
import { runMonitoring } from './case/monitor';
import { caseSearchAttributes } from './case/search-attributes';
import { initialState } from './case/state';
import { runTracks } from './case/tracks';
import { runVerification } from './case/verify';

/**
 * One content case: Verify, Clarify, Respond (docs/case-workflow.md). Intake -> verification -> the
 * tracks the verdict calls for, in parallel -> re-upload monitoring (continue-as-new) -> closed with an
 * outcome. A withdrawal approved by a second supervisor stops it at any point after intake.
 */
export async function ContentCaseWorkflow(rawInput: ContentCaseInput): Promise<CaseOutcome> {
  const input = ContentCaseInput.parse(rawInput);
  const state = input.carried
    ? CaseState.parse(input.carried)
    : initialState({ caseId: input.caseId, generation: input.generation, policy: input.policy, ...(input.previousCase ? { previousCase: input.previousCase } : {}) });
  const ctx = new CaseContext(state, input.policy);
  registerCaseHandlers(ctx);
  ctx.changed();

  const continueAsNew = async (): Promise<never> => {
    state.monitoring!.runs += 1;
    ctx.record('continued_as_new', `monitoring continues in run ${state.monitoring!.runs} (history ${workflowInfo().historyLength} events)`);
    await ctx.notifier.settled();
    await condition(allHandlersFinished);
    ctx.syncNow();
    // The next run starts with the current search attributes (and the state, through its input).
    const typedSearchAttributes = caseSearchAttributes(state).filter((pair) => pair.value !== null) as SearchAttributePair[];
    return makeContinueAsNewFunc<typeof ContentCaseWorkflow>({ typedSearchAttributes })({ ...input, carried: ctx.view() });
  };

  try {
    await ctx.processScope.run(async () => {
      if (!input.carried) {
        await runIntake(ctx);
        await runVerification(ctx);
        if (state.verdict!.verdict.kind !== 'no_violation') await runTracks(ctx);
      }
      await runMonitoring(ctx, continueAsNew);
    });
  } catch (error) {
    if (isCancellation(error) && state.withdrawal?.approvedBy) {
      return closeCase(ctx, 'withdrawn', state.withdrawal.approvedBy);
    }
    throw error;
  }
  return closeCase(ctx, state.verdict!.verdict.kind === 'no_violation' ? 'no_violation' : 'actioned', ctx.closeRequested);
}
