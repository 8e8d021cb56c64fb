import { CancellationScope, condition } from '@temporalio/workflow';
import type { StatementKind } from '../../../domain';
import { caseActivities } from '../../activity-stubs';
import { indexClarifiedClaim } from '../claims';
import type { CaseContext } from '../context';
import { watchCaseDeadline } from '../deadlines';
import { newStatementTrack } from '../state';

const BODY_EXCERPT_CHARS = 280;

/**
 * A public statement (clarification of a hoax, or a public response): drafted, approved by a second
 * supervisor (four-eyes, enforced by the update validators), then published, all under the
 * publication SLA that starts when the track opens.
 */
export async function runStatementTrack(ctx: CaseContext, kind: StatementKind): Promise<void> {
  const { state } = ctx;
  const track = (state.tracks[kind] ??= newStatementTrack(kind));
  // Taken up after continue-as-new: nothing left to do for a published or cancelled statement.
  if (track.status === 'published' || track.status === 'cancelled') return;
  ctx.changed();
  const watch = watchCaseDeadline(
    ctx,
    {
      id: `${kind}_publication`,
      sla: kind === 'clarification' ? 'clarification_publication' : 'response_publication',
      label: `${kind} publication`,
    },
    () => track.status === 'published',
    () => track.draft?.by.officerId,
  );

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
  // Before the body moves to S3: the claim index keeps the whole clarification for reuse.
  if (kind === 'clarification' && ctx.learns) await indexClarifiedClaim(ctx, draft, receipt);
  if (ctx.v2) await keepBodyInS3(ctx, kind);
  ctx.record(
    'statement_published',
    {
      code: 'statement_published',
      params: {
        kind,
        publications: receipt.publications.map(({ channel, url }) => ({ channel, url })),
      },
    },
    { source: 'publisher' },
  );
  await watch.done;
}

/** A published statement's body moves to S3; the state keeps an excerpt and the reference with its digest. */
async function keepBodyInS3(ctx: CaseContext, kind: StatementKind): Promise<void> {
  const draft = ctx.state.tracks[kind]!.draft!;
  if (draft.body.length <= BODY_EXCERPT_CHARS) return;
  try {
    draft.bodyRef = await caseActivities.storeCaseText({
      requestId: `${ctx.caseId}:${kind}:r${draft.revision}:body`,
      caseId: ctx.caseId,
      kind: 'statement_body',
      text: draft.body,
    });
    draft.body = draft.body.slice(0, BODY_EXCERPT_CHARS);
    ctx.changed();
  } catch (error) {
    if (CancellationScope.current().consideredCancelled) throw error;
    // The body stays in the state: bigger, but nothing is lost.
  }
}
