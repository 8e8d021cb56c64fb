import { startChild } from '@temporalio/workflow';
import { describeVerdict, type PoliceChildInput } from '../../../domain';
import { PoliceEscalationWorkflow } from '../../children/police';
import type { CaseContext } from '../context';

export function policeChildId(caseId: string): string {
  return `${caseId}:police`;
}

/** Escalation to the police, as a child workflow; acknowledgment and report number come by update. */
export async function runPoliceTrack(ctx: CaseContext): Promise<void> {
  const { state, policy } = ctx;
  const police = state.tracks.police!;
  const verdict = state.verdict!;
  const input: PoliceChildInput = {
    caseId: state.caseId,
    category: state.category ?? 'other_illegal',
    priority: state.priority,
    policy,
    summary: `${describeVerdict(verdict.verdict)} (verified by ${verdict.by.officerId}): ${verdict.verdict.reasons.join('; ')}`.slice(0, 10_000),
    urls: [...new Set([state.subject.url, ...state.tracks.takedowns.map((track) => track.url)].filter((url): url is string => !!url))],
    evidence: state.evidence,
  };
  const child = await startChild(PoliceEscalationWorkflow, { workflowId: police.childWorkflowId, args: [input] });
  const result = await child.result();
  police.status = 'reported';
  police.referenceId = result.referenceId;
}
