import { CancellationScope } from '@temporalio/workflow';
import type { PoliceChildInput } from '../../domain';
import { PATCHES, usePatch } from '../case/versions';
import type { CaseReporter } from './case-reporter';
import type { PolicePatches } from './child-patches';

/** What the police child knows of its own progress, for the notice when it ends early. */
export interface PoliceProgress {
  /** Set once the evidence package is delivered. */
  referenceId?: string;
}

/**
 * The escalation ends before its report number (the case was withdrawn or closed, or is gone) after the
 * police received the evidence package: the liaison officer hears that the package no longer awaits
 * action, once, even while the child is being cancelled. Before delivery there is nothing to call off.
 */
export async function tellPoliceEscalationEnded(
  input: PoliceChildInput,
  reporter: CaseReporter,
  progress: PoliceProgress,
  why: string,
  patches: Pick<PolicePatches, 'toldOfWithdrawal'>,
): Promise<void> {
  if (!progress.referenceId || !(patches.toldOfWithdrawal ?? usePatch(PATCHES.policeToldOfWithdrawal)))
    return;
  const referenceId = progress.referenceId;
  await CancellationScope.nonCancellable(async () => {
    void reporter.notify({
      requestId: `${input.caseId}:police:withdrawn`,
      audience: 'police_liaison',
      kind: 'info',
      subject: `Police escalation of ${input.caseId} ended: evidence package ${referenceId} needs no action`,
      body: `${why}. The evidence package ${referenceId} sent for ${input.caseId} no longer awaits acknowledgment or a report number from Saring; the case shows why.`,
    });
    await reporter.notifier.settled();
  });
}
