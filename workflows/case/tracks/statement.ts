import { condition } from '@temporalio/workflow';
import type { StatementKind } from '../../../domain';
import { caseActivities } from '../../activity-stubs';
import type { CaseContext } from '../context';
import { newDeadline, watchDeadline } from '../../sla';
import { newStatementTrack } from '../state';

/**
 * A public statement (clarification of a hoax, or a public response): drafted, approved by a second
 * supervisor (four-eyes, enforced by the update validators), then published, all under the
 * publication SLA that starts when the track opens.
 */
export async function runStatementTrack(ctx: CaseContext, kind: StatementKind): Promise<void> {
  const { state, policy } = ctx;
  const track = (state.tracks[kind] ??= newStatementTrack(kind));
  ctx.changed();
  const deadline = newDeadline({
    id: `${kind}_publication`,
    sla: kind === 'clarification' ? 'clarification_publication' : 'response_publication',
    label: `${kind} publication`,
    priority: state.priority,
    policy,
  });
  const watch = watchDeadline(deadline, {
    reminders: policy.reminders,
    isMet: () => track.status === 'published',
    reporter: ctx,
    assignee: () => track.draft?.by.officerId,
  });

  // approveStatement moves the track to "publishing".
  await condition(() => track.status === 'publishing');
  const draft = track.draft!;
  const receipt = await caseActivities.publishStatement({
    requestId: `${state.caseId}:${kind}:r${draft.revision}`,
    caseId: state.caseId,
    kind,
    title: draft.title,
    body: draft.body,
    ...(draft.label ? { label: draft.label } : {}),
    pillar: draft.pillar,
    channels: draft.channels,
    jointWithPolice: draft.jointWithPolice,
  });
  track.publication = receipt;
  track.status = 'published';
  ctx.record(
    'statement_published',
    `${kind} published on ${receipt.publications.map((publication) => `${publication.channel} ${publication.url}`).join(', ')}`,
    { source: 'publisher' },
  );
  await watch.done;
}
