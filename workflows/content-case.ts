import type { SearchAttributePair } from '@temporalio/common';
import { condition, isCancellation, makeContinueAsNewFunc, workflowInfo } from '@temporalio/workflow';
import type { CaseOutcome, ContentCaseInput } from '../domain';
import { closeCase } from './case/close';
import { CaseContext } from './case/context';
import { registerCaseHandlers } from './case/handlers';
import { runIntake } from './case/intake';
import { runMonitoring } from './case/monitor';
import { parseCarriedState, parseCaseInput } from './case/parse-input';
import { caseSearchAttributes } from './case/search-attributes';
import { initialState } from './case/state';
import { runTracks } from './case/tracks';
import { runVerification } from './case/verify';
import { askCasePatches, EVERY_CASE_PATCH, type CasePatches } from './case/lean-patches';
import { PATCHES, usePatch } from './case/versions';
import { fetchingActivities } from './fetching-activities';

/**
 * One content case: Verify, Clarify, Respond (docs/case-workflow.md). Intake -> verification -> the
 * tracks the verdict calls for, in parallel -> re-upload monitoring -> closed with an outcome. A
 * withdrawal approved by a second supervisor stops it at any point after intake. Every stage after
 * intake continues as new when the server suggests it (monitoring also every `checksPerRun` checks),
 * carrying the state; the next run takes the stage up where it was.
 *
 * The case type new cases start as (0.4.0 on): every behaviour the patches brought, and no patch asked,
 * so its history carries no patch marker and no TemporalChangeVersion upsert. Its next changes are
 * patches of its own (workflows/case/versions.ts).
 */
export async function ContentCaseWorkflowV2(rawInput: ContentCaseInput): Promise<CaseOutcome> {
  return runContentCase(rawInput, EVERY_CASE_PATCH);
}

/**
 * The case type of cases started before 0.4.0, kept for them (and their continued runs) until none is
 * open: it asks its patches as it always did, so each of its histories replays the path it took.
 */
export async function ContentCaseWorkflow(rawInput: ContentCaseInput): Promise<CaseOutcome> {
  return runContentCase(rawInput, askCasePatches());
}

async function runContentCase(rawInput: ContentCaseInput, patches: CasePatches): Promise<CaseOutcome> {
  const { v2, closesChildren, codedTimeline, onFetcherQueue, livenessOutages } = patches;
  const learns = patches.learns ?? (codedTimeline && usePatch(PATCHES.claimsAndVerdictExamples));
  const input = parseCaseInput(rawInput);
  const state = input.carried
    ? parseCarriedState(input.carried)
    : initialState({
        caseId: input.caseId,
        generation: input.generation,
        policy: input.policy,
        ...(input.previousCase ? { previousCase: input.previousCase } : {}),
      });
  const ctx = new CaseContext(
    state,
    input.policy,
    v2,
    input.carried ? undefined : input.firstText,
    closesChildren,
    codedTimeline,
    patches,
  );
  ctx.fetching = fetchingActivities(onFetcherQueue);
  ctx.learns = learns;
  registerCaseHandlers(ctx);
  ctx.changed();

  const continueAsNew = async (): Promise<never> => {
    if (state.monitoring && state.stage === 'monitoring') state.monitoring.runs += 1;
    ctx.record('continued_as_new', {
      code: 'continued_as_new',
      params: { stage: state.stage, historyLength: workflowInfo().historyLength },
    });
    await ctx.drain();
    ctx.syncNow();
    // The next run (of the same workflow type) starts with the current search attributes and the state.
    const typedSearchAttributes = caseSearchAttributes(state).filter(
      (pair) => pair.value !== null,
    ) as SearchAttributePair[];
    return makeContinueAsNewFunc<typeof ContentCaseWorkflow>({ typedSearchAttributes })({
      caseId: input.caseId,
      generation: input.generation,
      policy: input.policy,
      ...(input.previousCase ? { previousCase: input.previousCase } : {}),
      carried: ctx.view(),
    });
  };

  try {
    await ctx.processScope.run(async () => {
      if (!v2) {
        // As before the issue-9 patch (replay of older histories): continue-as-new in monitoring only.
        if (!input.carried) {
          await runIntake(ctx);
          await runVerification(ctx);
          if (state.verdict!.verdict.kind !== 'no_violation') await runTracks(ctx);
        }
        await runMonitoring(ctx, continueAsNew);
        return;
      }
      if (state.stage === 'intake') await runIntake(ctx);
      if (state.stage === 'verification') await orContinueAsNew(() => runVerification(ctx), continueAsNew);
      if (state.verdict!.verdict.kind === 'no_violation') return;
      if (state.stage === 'verification' || state.stage === 'action')
        await orContinueAsNew(() => runTracks(ctx), continueAsNew);
      await runMonitoring(ctx, continueAsNew, { livenessOutages });
    });
  } catch (error) {
    if (isCancellation(error) && state.withdrawal?.approvedBy) {
      return closeCase(ctx, 'withdrawn', state.withdrawal.approvedBy);
    }
    throw error;
  }
  return closeCase(
    ctx,
    state.verdict!.verdict.kind === 'no_violation' ? 'no_violation' : 'actioned',
    ctx.closeRequested,
  );
}

/**
 * Runs a stage to its end, or continues as new first when the server suggests it (history too long):
 * the stage's work is left where it is (activities are idempotent by request id, children outlive the
 * run) and the next run takes it up from the carried state.
 */
async function orContinueAsNew(run: () => Promise<void>, continueAsNew: () => Promise<never>): Promise<void> {
  let done = false;
  const work = run().finally(() => {
    done = true;
  });
  // Observed here so that a failure after the run has decided to continue is not an unhandled rejection.
  work.catch(() => undefined);
  await condition(() => done || workflowInfo().continueAsNewSuggested);
  if (!done) await continueAsNew();
  await work;
}
