import { CancellationScope } from '@temporalio/workflow';
import {
  ClaimLink,
  priorityFor,
  type CaseUpdateCommand,
  type LEARNING_STEPS,
  type PublicationReceipt,
  type StatementDraft,
  type TextRef,
} from '../../domain';
import type { ClaimMatch } from '../../activities/claims/claim-index';
import { caseActivities } from '../activity-stubs';
import { learningActivities, localClaimActivities } from '../learning-stubs';
import type { CaseContext } from './context';

/**
 * Issue 15, claim matching across cases (runs with the claim-matching patch only): at intake the text is
 * matched against open and clarified cases and the case links itself to the best match, then registers
 * its own claim; a published clarification updates the registration, so later detections can reuse it.
 */
export async function linkClaimAtIntake(ctx: CaseContext, text: string): Promise<void> {
  const { state } = ctx;
  const claims = ctx.localClaims ? localClaimActivities : learningActivities;
  await attempt(ctx, 'claim_match', async () => {
    linkClaim(ctx, await claims.matchClaim({ text }));
  });
  await attempt(ctx, 'claim_index', () => claims.indexClaim({ caseId: state.caseId, status: 'open', text }));
}

/**
 * One-task intake: the claim matched (never against this case) and registered as open in one local
 * activity, beside the other intake steps; the caller links the match when it applies every result.
 */
export async function matchAndIndexAtIntake(ctx: CaseContext, text: string): Promise<ClaimMatch | null> {
  let match: ClaimMatch | null = null;
  await attempt(ctx, 'claim_match', async () => {
    match = await localClaimActivities.matchAndIndexClaim({ caseId: ctx.caseId, text });
  });
  return match;
}

/** Links the case to the case its claim repeats (nothing for no match, or a match with itself). */
export function linkClaim(ctx: CaseContext, match: ClaimMatch | null): void {
  const { state } = ctx;
  if (!match || match.caseId === state.caseId) return;
  const parsed = ClaimLink.safeParse({ ...match, linkedAt: ctx.nowIso() });
  // An index entry without the full clarification (title, pillar, publications) links without reuse.
  const link = parsed.success
    ? parsed.data
    : ClaimLink.parse({ ...match, clarification: undefined, linkedAt: ctx.nowIso() });
  state.claimLink = link;
  ctx.record(
    'claim_linked',
    {
      code: 'claim_linked',
      params: { caseId: link.caseId, similarity: link.similarity, clarified: !!link.clarification },
    },
    { source: 'claims' },
  );
}

/** The case's claim now has a published clarification another case may reuse as it stands. */
export async function indexClarifiedClaim(
  ctx: CaseContext,
  draft: StatementDraft,
  receipt: PublicationReceipt,
): Promise<void> {
  const claim = claimText(ctx);
  if (!claim || !draft.label || receipt.publications.length === 0) return;
  await attempt(ctx, 'claim_index', () =>
    learningActivities.indexClaim({
      caseId: ctx.caseId,
      status: 'clarified',
      ...claim,
      clarification: {
        label: draft.label!,
        title: draft.title,
        text: draft.body,
        pillar: draft.pillar,
        publishedAt: receipt.publications[0]!.publishedAt,
        publications: receipt.publications,
      },
    }),
  );
}

/** The officer step: the linked case's clarification becomes this case's verdict and published clarification. */
export function reuseClarification(
  ctx: CaseContext,
  { actor }: CaseUpdateCommand<'reuseClarification'>,
): string {
  const { state } = ctx;
  const link = state.claimLink!;
  const clarification = link.clarification!;
  const at = ctx.nowIso();
  state.verdict = {
    verdict: {
      kind: 'hoax',
      label: clarification.label,
      reasons: [
        `same claim as ${link.caseId} (similarity ${link.similarity.toFixed(2)}): its published clarification is reused`,
      ],
      takedown: [],
      publicResponse: false,
    },
    by: actor,
    at,
  };
  state.category = 'hoax';
  state.priority = priorityFor(ctx.policy, 'hoax', state.classification?.suggestedPriority);
  state.clarificationReuse = { fromCaseId: link.caseId, by: actor, at };
  state.tracks.clarification = {
    kind: 'clarification',
    status: 'published',
    draft: {
      revision: 1,
      title: clarification.title,
      body: clarification.text,
      label: clarification.label,
      pillar: clarification.pillar,
      channels: clarification.publications.map((publication) => publication.channel),
      jointWithPolice: false,
      by: actor,
      at,
    },
    rejections: [],
    publication: { publications: clarification.publications },
  };
  ctx.record(
    'clarification_reused',
    {
      code: 'clarification_reused',
      params: {
        fromCaseId: link.caseId,
        label: clarification.label,
        publications: clarification.publications.map(({ channel, url }) => ({ channel, url })),
      },
    },
    { actor },
  );
  return `clarification of ${link.caseId} reused; the case closes as a clarified hoax`;
}

/**
 * After the verdict: the verdict becomes a labelled example with its evidence reference (one per case,
 * idempotent), and a reused clarification registers this case's claim as clarified too.
 */
export async function learnFromVerdict(ctx: CaseContext): Promise<void> {
  const { state } = ctx;
  const verdict = state.verdict!;
  await attempt(ctx, 'verdict_example', async () => {
    let text = state.subject.text;
    if (!text && state.subject.textExcerpt) {
      // Short texts live only in the state; training reads texts from S3, so store it once.
      text = await caseActivities.storeCaseText({
        requestId: `${state.caseId}:verdict-example-text`,
        caseId: state.caseId,
        kind: 'detection_text',
        text: state.subject.textExcerpt,
      });
      state.subject.text = text;
      ctx.changed();
    }
    if (!text) return; // A URL or hash only: nothing a text classifier can learn from.
    const given = verdict.verdict;
    await learningActivities.recordVerdictExample({
      caseId: state.caseId,
      label: given.kind === 'no_violation' ? 'none' : given.kind === 'hoax' ? 'hoax' : given.category,
      text,
      evidenceKeys: state.evidence.map((record) => record.key),
      verdictAt: verdict.at,
      verifier: verdict.by.officerId,
    });
  });
  const reused = state.tracks.clarification;
  if (state.clarificationReuse && reused?.draft && reused.publication)
    await indexClarifiedClaim(ctx, reused.draft, reused.publication);
}

/** The case's claim for the index: its full text in S3, or the excerpt when that is the whole text. */
function claimText(ctx: CaseContext): { text: string } | { textRef: TextRef } | undefined {
  const { subject } = ctx.state;
  if (subject.text) return { textRef: subject.text };
  return subject.textExcerpt ? { text: subject.textExcerpt } : undefined;
}

/** Runs one learning step; a failure (not a cancellation) is put on the timeline and the case goes on. */
async function attempt(
  ctx: CaseContext,
  step: (typeof LEARNING_STEPS)[number],
  run: () => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (CancellationScope.current().consideredCancelled) throw error;
    ctx.record(
      'note',
      {
        code: 'learning_step_failed',
        params: { step, error: error instanceof Error ? error.message : String(error) },
      },
      { source: step === 'verdict_example' ? 'classifier' : 'claims' },
    );
  }
}
