import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { condition, startChild } from '@temporalio/workflow';
import { describeVerdict, type PoliceChildInput, type PoliceTrack } from '../../../domain';
import { PoliceEscalationWorkflow, PoliceEscalationWorkflowV2 } from '../../children/police';
import type { CaseContext } from '../context';
import { childOptions } from './child-options';

export { policeChildId } from '../child-ids';

const POLICE_MAX_DURATION = '180 days';

/** Escalation to the police, as a child workflow; acknowledgment and report number come by update. */
export async function runPoliceTrack(ctx: CaseContext): Promise<void> {
  const { state, policy } = ctx;
  const police = state.tracks.police!;
  if (police.status === 'reported' || police.status === 'failed' || police.status === 'cancelled') return;
  const verdict = state.verdict!;
  const input: PoliceChildInput = {
    caseId: state.caseId,
    category: state.category ?? 'other_illegal',
    priority: state.priority,
    policy,
    summary:
      `${describeVerdict(verdict.verdict)} (verified by ${verdict.by.officerId}): ${verdict.verdict.reasons.join('; ')}`.slice(
        0,
        10_000,
      ),
    urls: [
      ...new Set(
        [state.subject.url, ...state.tracks.takedowns.map((track) => track.url)].filter(
          (url): url is string => !!url,
        ),
      ),
    ],
    evidence: state.evidence,
  };
  if (!ctx.v2) {
    const child = await startChild(PoliceEscalationWorkflow, {
      workflowId: police.childWorkflowId,
      args: [input],
    });
    const result = await child.result();
    police.status = 'reported';
    if ('referenceId' in result) police.referenceId = result.referenceId;
    return;
  }
  // The report number is recorded by update (recordPoliceReport); a failure is reported by the child.
  const ended = condition(() => police.status === 'reported' || police.status === 'failed');
  // Cancelled with the process scope before it is awaited (a withdrawal during the child's start).
  ended.catch(() => undefined);
  try {
    const child = await ctx.startingChild(police.childWorkflowId, () =>
      startChild(ctx.startsV2Children ? PoliceEscalationWorkflowV2 : PoliceEscalationWorkflow, {
        ...childOptions(police.childWorkflowId, POLICE_MAX_DURATION, ctx.closesChildren),
        args: [input],
      }),
    );
    const result = await Promise.race([child.result(), ended.then(() => undefined)]);
    // A child ends without its case only once the case has closed; this run cannot see that answer.
    if (result && 'referenceId' in result) {
      police.status = 'reported';
      police.referenceId = result.referenceId;
    }
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await ended;
  }
  // Narrowed to the statuses seen above; the child's report may have changed it since.
  if ((police.status as PoliceTrack['status']) === 'failed')
    throw new Error('the police escalation child failed');
}
