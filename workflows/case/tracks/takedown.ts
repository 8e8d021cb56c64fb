import { startChild } from '@temporalio/workflow';
import type { TakedownChildInput, TakedownOutcome, TakedownTrack } from '../../../domain';
import { PlatformTakedownWorkflow } from '../../children/takedown';
import type { CaseContext } from '../context';

export function takedownChildId(caseId: string, key: string, attempt: number): string {
  return `${caseId}:takedown:${key}:a${attempt}`;
}

const FINAL_STATUS: Record<TakedownOutcome['result'], TakedownTrack['status']> = {
  removed: 'removed',
  blocklist_recommended: 'blocklist_recommended',
  objection_upheld: 'objection_upheld',
  cancelled: 'cancelled',
  failed: 'failed',
};

/** One platform's takedown, as a child workflow; its progress reaches the case by signal. */
export async function runTakedownTrack(ctx: CaseContext, track: TakedownTrack): Promise<void> {
  const { state, policy } = ctx;
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
  const child = await startChild(PlatformTakedownWorkflow, { workflowId: track.childWorkflowId, args: [input] });
  const outcome = await child.result();
  track.result = outcome.result;
  track.status = FINAL_STATUS[outcome.result];
  if (outcome.level) track.level = outcome.level;
  track.updatedAt = outcome.finishedAt;
  ctx.record('takedown_finished', `${track.platform}: ${outcome.result.replace(/_/g, ' ')}${outcome.level ? ` after ${outcome.level}` : ''}`, {
    source: `platform:${track.platform}`,
  });
}
